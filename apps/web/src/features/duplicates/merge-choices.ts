/**
 * The pure part of the merge screen: whose value each field keeps unless
 * the user says otherwise (the server's own rule), and the `values` and
 * `versions` of the merge request the choices make.
 */
import { isBlank } from '@crm/domain';

export interface MergeRecord {
  id: string;
  version: number;
}

/** For each field, the id of the record whose value the kept record is to have. */
export type Choices = Record<string, string>;

export interface MergeRequest {
  keepId: string;
  mergeIds: string[];
  values: Record<string, unknown>;
  versions: Record<string, number>;
}

export function valueOf(record: MergeRecord, field: string): unknown {
  return (record as unknown as Record<string, unknown>)[field];
}

/** The same value: two blanks are alike, objects (addresses) are compared part by part. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    return [...new Set([...Object.keys(left), ...Object.keys(right)])].every((key) => sameValue(left[key], right[key]));
  }
  return a === b;
}

/** Whether the records disagree on a field (the rows the user has a choice to make in). */
export function valuesDiffer(records: readonly MergeRecord[], field: string): boolean {
  return records.some((record) => !sameValue(valueOf(record, field), valueOf(records[0], field)));
}

/** The records merged into the kept one, in the order given: the order the server fills empty fields in. */
export function mergedIds(records: readonly MergeRecord[], keepId: string): string[] {
  return records.filter((record) => record.id !== keepId).map((record) => record.id);
}

function keptRecord(records: readonly MergeRecord[], keepId: string): MergeRecord {
  const kept = records.find((record) => record.id === keepId);
  if (!kept) throw new Error(`The kept record ${keepId} is not one of the records merged`);
  return kept;
}

/** The server's rule: the kept record's value, else the first other record's that has one. */
export function defaultChoices(records: readonly MergeRecord[], keepId: string, fields: readonly string[]): Choices {
  const kept = keptRecord(records, keepId);
  const others = records.filter((record) => record.id !== keepId);
  const choices: Choices = {};
  for (const field of fields) {
    const filler = isBlank(valueOf(kept, field)) ? others.find((record) => !isBlank(valueOf(record, field))) : undefined;
    choices[field] = (filler ?? kept).id;
  }
  return choices;
}

/** A blank value as an update takes it: null clears a text or a reference; an address is sent as its (empty) object. */
function asSent(value: unknown): unknown {
  if (isBlank(value) && (value === undefined || typeof value !== 'object')) return null;
  return value;
}

/**
 * The merge request for the choices (fields without a choice follow the
 * default): `values` holds each chosen value that differs from the kept
 * record's, and the kept record's own empty value where the user kept it
 * empty though another record has one (the server would fill it otherwise);
 * `versions` the version of each record as it was loaded.
 */
export function mergeRequest(records: readonly MergeRecord[], keepId: string, choices: Choices, fields: readonly string[]): MergeRequest {
  const kept = keptRecord(records, keepId);
  const defaults = defaultChoices(records, keepId, fields);
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const chosen = records.find((record) => record.id === choices[field]) ?? keptRecord(records, defaults[field]);
    const value = valueOf(chosen, field);
    const own = valueOf(kept, field);
    if (!sameValue(value, own)) values[field] = asSent(value);
    else if (isBlank(own) && defaults[field] !== keepId) values[field] = asSent(own);
  }
  return {
    keepId,
    mergeIds: mergedIds(records, keepId),
    values,
    versions: Object.fromEntries(records.map((record) => [record.id, record.version])),
  };
}
