/**
 * Nothing there, as a merge of duplicates reads a field: null, empty text, or
 * an object (an address) with nothing in it. The API fills such a field of
 * the kept record from a merged one; the merge screen shows the same default.
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}
