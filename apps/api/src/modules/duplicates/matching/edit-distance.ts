/**
 * Whether `a` and `b` are at most one edit apart in the Damerau-Levenshtein sense: one insertion, deletion,
 * substitution, or transposition of two adjacent characters. At distance one the restricted and the full
 * Damerau-Levenshtein distances agree, and answering only "≤ 1" takes one pass instead of a matrix.
 * Characters are UTF-16 code units: a letter outside the Basic Multilingual Plane counts as two.
 */
export function isOneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) return isOneEditApart(b, a);
  if (a.length - b.length > 1) return false;
  let start = 0;
  while (start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start === a.length) return true; // equal
  if (a.length > b.length) return sameFrom(a, start + 1, b, start); // a deletion from a
  if (sameFrom(a, start + 1, b, start + 1)) return true; // a substitution
  return a.charCodeAt(start) === b.charCodeAt(start + 1) && a.charCodeAt(start + 1) === b.charCodeAt(start) && sameFrom(a, start + 2, b, start + 2);
}

/** Whether `a` from `i` on equals `b` from `j` on. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
