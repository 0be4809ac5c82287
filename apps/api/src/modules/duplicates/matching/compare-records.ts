import { fieldSimilarity } from './field-similarity';
import type { FieldSpec, MatchOptions, MatchRecord, NormalizedRecord } from './match-types';
import { normalizeValue } from './normalize-value';

/**
 * What a selected field blank on one side only adds to a pair's mean: the pair may still be the same
 * (a lead entered twice, once without its email), but with less certainty than if the values agreed.
 */
export const ONE_SIDED_BLANK_SIMILARITY = 0.75;

/** A record's normalized values, in the order of `fields`. */
export function normalizeRecord(record: MatchRecord, fields: readonly FieldSpec[], options: MatchOptions): NormalizedRecord {
  return { id: record.id, values: fields.map(({ field, kind }) => normalizeValue(kind, record.values[field], options)) };
}

/**
 * Whether two normalized records are the same thing, by the rule "all selected fields agree": a field is
 * compared when both have a value, and the pair matches when at least one field was compared and every
 * compared field is similar (see fieldSimilarity). The score, in (0, 1] with 3 decimals, is the mean of
 * the compared fields' similarities and of ONE_SIDED_BLANK_SIMILARITY for each field blank on one side;
 * fields blank on both sides say nothing and are left out. Null when the pair does not match.
 */
export function comparePair(a: NormalizedRecord, b: NormalizedRecord, fields: readonly FieldSpec[]): number | null {
  let compared = 0;
  let total = 0;
  let count = 0;
  for (let index = 0; index < fields.length; index++) {
    const valueA = a.values[index] ?? null;
    const valueB = b.values[index] ?? null;
    if (valueA === null && valueB === null) continue;
    count++;
    if (valueA === null || valueB === null) {
      total += ONE_SIDED_BLANK_SIMILARITY;
      continue;
    }
    const similarity = fieldSimilarity(fields[index].kind, valueA, valueB);
    if (similarity === 0) return null;
    compared++;
    total += similarity;
  }
  return compared === 0 ? null : roundScore(total / count);
}

/** Scores carry 3 decimals: enough to order, few enough to read. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
