import { ONE_SIDED_BLANK_SIMILARITY, roundScore } from './compare-records';
import { fieldSimilarity, withoutSpaces } from './field-similarity';
import { foldTokens } from './fold-text';
import type { FieldSpec, MatchKind, MatchOptions, MatchRecord } from './match-types';
import { normalizeValue } from './normalize-value';

/** A name being typed that starts an existing name ("Acme S" while "Acme SARL" exists). */
export const PREFIX_NAME_SIMILARITY = 0.7;
/** The fewest letters a typed prefix needs: fewer start too many names to point at one. */
export const MIN_PREFIX_LENGTH = 4;

/**
 * How much the best identifying match weighs in a candidate's score, against the mean over the typed
 * fields: a lead's own email and phone typed beside an existing company's exact name must not sink
 * the company to a third (the mean alone), nor lift a weak match to the top (the best alone).
 */
export const BEST_MATCH_WEIGHT = 0.6;

/** The kinds that point at one record by themselves; a city or a postal code only adds to the score. */
const IDENTIFYING_KINDS: ReadonlySet<MatchKind> = new Set(['companyName', 'personName', 'email', 'phone', 'website']);

/**
 * The existing records that look like the one being entered ("this looks like an existing record"), best
 * first, at most `limit`. Looser than comparePair, as the form is half filled: only the fields the query
 * has a value for count, and a candidate qualifies when one identifying field matches (email, phone or
 * website equal, a name similar or, from MIN_PREFIX_LENGTH letters, starting the candidate's name). Its
 * score blends the best identifying similarity (BEST_MATCH_WEIGHT) with the mean over the counted fields,
 * where a field adds its similarity (0 when the values differ, which lowers the score but does not
 * exclude), or ONE_SIDED_BLANK_SIMILARITY when the candidate has no value. A candidate with the
 * query's id is the record being edited and is left out. Scores are in (0, 1] with 3 decimals; ties
 * come by id.
 */
export function rankSimilar(
  query: MatchRecord,
  candidates: readonly MatchRecord[],
  fields: readonly FieldSpec[],
  options: MatchOptions,
  limit = 5,
): Array<{ id: string; score: number }> {
  const typed = fields.flatMap((spec) => {
    const value = normalizeValue(spec.kind, query.values[spec.field], options);
    return value === null ? [] : [{ spec, value }];
  });
  if (typed.length === 0) return [];
  const ranked: Array<{ id: string; score: number }> = [];
  for (const candidate of candidates) {
    if (candidate.id === query.id) continue;
    let total = 0;
    let best = 0;
    for (const { spec, value } of typed) {
      const raw = candidate.values[spec.field];
      const existing = normalizeValue(spec.kind, raw, options);
      if (existing === null) {
        total += ONE_SIDED_BLANK_SIMILARITY;
        continue;
      }
      const similarity = fieldSimilarity(spec.kind, value, existing) || prefixSimilarity(spec.kind, value, existing, raw ?? '');
      if (IDENTIFYING_KINDS.has(spec.kind)) best = Math.max(best, similarity);
      total += similarity;
    }
    if (best > 0) ranked.push({ id: candidate.id, score: roundScore(BEST_MATCH_WEIGHT * best + (1 - BEST_MATCH_WEIGHT) * (total / typed.length)) });
  }
  return ranked.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(0, limit);
}

/**
 * PREFIX_NAME_SIMILARITY when the typed name starts the existing one, else 0. The existing name is also
 * tried with its legal form, which normalization removes: "Acme S" is on its way to "Acme SARL".
 */
function prefixSimilarity(kind: MatchKind, typed: string, existing: string, existingRaw: string): number {
  if (kind !== 'companyName' && kind !== 'personName') return 0;
  const letters = withoutSpaces(typed);
  if (letters.length < MIN_PREFIX_LENGTH) return 0;
  const starts = withoutSpaces(existing).startsWith(letters) || foldTokens(existingRaw).join('').startsWith(letters);
  return starts ? PREFIX_NAME_SIMILARITY : 0;
}
