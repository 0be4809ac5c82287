import { isOneEditApart } from './edit-distance';
import type { MatchKind } from './match-types';

/** Same words in another order ("Martin Dupont", "Dupont Martin"), or the same letters spaced otherwise ("Mc Donald"). */
export const REORDERED_NAME_SIMILARITY = 0.95;
/** One typo apart ("Dupond", "Dupont"). */
export const TYPO_NAME_SIMILARITY = 0.85;
/**
 * The shortest name a typo is tolerated in, counting letters without spaces. Four-letter names one edit
 * apart are mostly different names ("Bolt" and "Volt", "Acme" and "Acne", "Nike" and "Mike"), so from five.
 */
export const MIN_TYPO_NAME_LENGTH = 5;

/**
 * How alike two normalized values of a kind are: 1 when equal, 0 when different. Names also score
 * REORDERED_NAME_SIMILARITY or TYPO_NAME_SIMILARITY when close; every other kind is exact, its
 * normalization having already absorbed the ways of writing the same value.
 */
export function fieldSimilarity(kind: MatchKind, a: string, b: string): number {
  if (a === b) return 1;
  if (kind !== 'companyName' && kind !== 'personName') return 0;
  const lettersA = withoutSpaces(a);
  const lettersB = withoutSpaces(b);
  // sorting words keeps the letter count, so names of other lengths need no sort
  if (lettersA.length === lettersB.length && (lettersA === lettersB || sortedWords(a) === sortedWords(b))) return REORDERED_NAME_SIMILARITY;
  const longEnough = lettersA.length >= MIN_TYPO_NAME_LENGTH && lettersB.length >= MIN_TYPO_NAME_LENGTH;
  if (longEnough && isOneEditApart(lettersA, lettersB)) return TYPO_NAME_SIMILARITY;
  return 0;
}

/** A normalized name's letters, without the spaces between its words (typos are counted on them). */
export function withoutSpaces(name: string): string {
  return name.replaceAll(' ', '');
}

/** A normalized name's words in alphabetical order, repeated words kept: equal for names of the same words. */
export function sortedWords(name: string): string {
  return name.includes(' ') ? name.split(' ').sort().join(' ') : name;
}
