import { isBlank } from '@crm/domain';

/** What a merge may change on the kept record. */
export interface MergeRules {
  /** Fields carried over one by one (the kept value, else the first merged record's that has one). */
  mergeFields: readonly string[];
  /** Flags true on the kept record when true on any of the records. */
  unitedFlags: readonly string[];
}

type Values = Readonly<Record<string, unknown>>;

/**
 * The changes the kept record takes in a merge: each value the user chose;
 * for the other fields the kept record's own, or where it has none the first
 * of the merged records' (in the order given) that has one; the flags of all
 * united. Only what differs from the kept record is answered.
 */
export function mergedValues(kept: Values, merged: readonly Values[], rules: MergeRules, chosen: Values = {}): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of rules.mergeFields) {
    if (field in chosen) changes[field] = chosen[field];
    else if (isBlank(kept[field])) {
      const filler = merged.map((record) => record[field]).find((value) => !isBlank(value));
      if (filler !== undefined) changes[field] = filler;
    }
  }
  for (const flag of rules.unitedFlags) {
    if (flag in chosen) changes[flag] = chosen[flag];
    else if (!kept[flag] && merged.some((record) => record[flag] === true)) changes[flag] = true;
  }
  for (const [field, value] of Object.entries(changes)) if (JSON.stringify(value) === JSON.stringify(kept[field])) delete changes[field];
  return changes;
}
