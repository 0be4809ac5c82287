import type { FieldDef, FieldKind, FormValues } from './types';

export type FormMode = 'create' | 'edit';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(source: unknown, path: string): unknown {
  let current = source;
  for (const key of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const existing = current[key];
    const next: Record<string, unknown> = isRecord(existing) ? existing : {};
    current[key] = next;
    current = next;
  }
  current[keys[keys.length - 1]] = value;
}

/** The value an input of this kind shows for "nothing". */
function emptyValue(kind: FieldKind): unknown {
  switch (kind) {
    case 'multiselect':
      return [];
    case 'checkbox':
      return false;
    case 'select':
    case 'reference':
    case 'date':
      return null;
    default:
      return '';
  }
}

/** The form's starting values: the record's, or empty ones for a new record; passwords always start empty. */
export function initialFormValues(fields: FieldDef[], record: object | undefined, defaults: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const stored = field.kind === 'password' ? undefined : (getPath(record, field.name) ?? getPath(defaults, field.name));
    setPath(values, field.name, stored === undefined || stored === null ? emptyValue(field.kind) : stored);
  }
  return values;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The value sent for a field: trimmed text, numbers as numbers, empty as null. */
function requestValue(kind: FieldKind, value: unknown): unknown {
  if (isEmpty(value)) return null;
  if (kind === 'number') return Number(value);
  if (typeof value === 'string' && kind !== 'password') return value.trim();
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function isRequired(field: FieldDef, mode: FormMode): boolean {
  return field.required === true || (field.required === 'create' && mode === 'create');
}

/**
 * The request body. Creating sends the fields that have a value; editing
 * sends only what changed (an emptied field as null, to clear it), never an
 * empty password (it means "keep"), plus the loaded `version`.
 */
export function buildRequestBody(fields: FieldDef[], values: FormValues, initial: FormValues, mode: FormMode, version?: number): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = getPath(values, field.name);
    if (mode === 'create') {
      if (!isEmpty(value)) setPath(body, field.name, requestValue(field.kind, value));
      continue;
    }
    if (field.kind === 'password' && isEmpty(value)) continue;
    if (sameValue(value, getPath(initial, field.name))) continue;
    setPath(body, field.name, requestValue(field.kind, value));
  }
  if (mode === 'edit' && version !== undefined) body.version = version;
  return body;
}

/** Client-side checks before the API's: only "required", the API explains the rest. */
export function validateRequired(fields: FieldDef[], values: FormValues, mode: FormMode): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = getPath(values, field.name);
    const missing = isEmpty(value) || (Array.isArray(value) && value.length === 0);
    if (isRequired(field, mode) && missing) errors[field.name] = `${field.label} is required`;
  }
  return errors;
}
