import { ApiError } from '../../api/problem';
import { errorMessage } from '../../api/problem';
import type { FieldDef } from './types';

export interface FormProblem {
  /** Messages to show under the fields, by field path. */
  fieldErrors: Record<string, string>;
  /** What to show above the form: the detail, and errors no field of the form can show. */
  summary: string[];
  /** The record changed since it was loaded (a stale `version`). */
  stale: boolean;
}

const STALE_MESSAGE = 'This record was changed by someone else. Reload to see the latest version.';

/**
 * Sorts an API refusal into what goes under which field and what goes on top.
 * `fields` are the form's (a record form's definitions, or just the names a dialog shows).
 */
export function describeProblem(error: unknown, fields: readonly (Pick<FieldDef, 'name'> & Partial<FieldDef>)[]): FormProblem {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, summary: [errorMessage(error)], stale: false };

  const known = new Set(fields.map((field) => field.name));
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    if (field && known.has(field)) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
    else unplaced.push(field ? `${field}: ${message}` : message);
  }

  // A 409 is either a stale version or a unique value already taken; the latter names its field.
  const stale = error.status === 409 && error.fieldErrors.length === 0 && error.problem?.code !== 'ALREADY_EXISTS';
  if (stale) return { fieldErrors, summary: [STALE_MESSAGE], stale: true };

  const placedAll = unplaced.length === 0 && Object.keys(fieldErrors).length > 0;
  const summary = placedAll ? [] : [error.message, ...unplaced];
  return { fieldErrors, summary, stale: false };
}
