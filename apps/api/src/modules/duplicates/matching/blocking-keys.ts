import { MIN_TYPO_NAME_LENGTH, sortedWords, withoutSpaces } from './field-similarity';
import type { MatchKind } from './match-types';

/**
 * What marks a blocking key: values that can be similar share at least one key, so only records sharing
 * a key need comparing. Each key starts with its kind and a mark: `email=a@b.com`, `companyName~acme`.
 * The kind keeps kinds apart (two fields of the same kind are kept apart by the caller, see
 * findDuplicateGroups); the mark tells an exact key (`=`, shared only by equal or reordered values) from a
 * typo key (`~`, shared by names one edit apart), since only typo keys are dropped when too common.
 */
export const EXACT_MARK = '=';
export const TYPO_MARK = '~';

/**
 * The blocking keys of a normalized value, without repeats. Every kind has its value as an exact key.
 * Names have more exact keys, their words sorted and their letters without spaces, the forms that
 * `fieldSimilarity` finds equal. Names long enough for a typo to count also have typo keys
 * (symmetric delete, as SymSpell does): their letters, and their letters with one character removed.
 * Two names one edit apart then share a typo key: after an insertion, the shorter name's letters are a
 * deletion of the longer; after a substitution or an adjacent transposition, removing the changed
 * character from each gives the same string.
 */
export function blockingKeys(kind: MatchKind, normalized: string): string[] {
  if (kind !== 'companyName' && kind !== 'personName') return [`${kind}${EXACT_MARK}${normalized}`];
  const letters = withoutSpaces(normalized);
  const exact = `${kind}${EXACT_MARK}`;
  const keys = new Set([exact + sortedWords(normalized), exact + letters]);
  if (letters.length >= MIN_TYPO_NAME_LENGTH) {
    const typo = `${kind}${TYPO_MARK}`;
    keys.add(typo + letters);
    for (let i = 0; i < letters.length; i++) keys.add(typo + letters.slice(0, i) + letters.slice(i + 1));
  }
  return [...keys];
}

/**
 * A blocking key as a 32-bit number: a polynomial hash of its characters, then mixed. Two values sharing
 * a key share its hash; two keys rarely share a hash, and when they do it only adds a pair to compare.
 */
export function hashKey(key: string): number {
  return mix(continueHash(0, key, 0, key.length));
}

/**
 * The blocking keys of a normalized value as hashKey would hash them (repeats possible), written to `out`
 * from 0, exact keys first. This is what findDuplicateGroups uses: hashing the typo keys from the hashes
 * of their prefixes and suffixes, without building the strings, makes 200,000 names cost milliseconds
 * instead of seconds of string building and garbage collection.
 */
export function blockingKeyHashes(kind: MatchKind, normalized: string, out: Int32Array): { exact: number; total: number } {
  const exactPrefix = PREFIX_HASHES[kind].exact;
  if (kind !== 'companyName' && kind !== 'personName') {
    out[0] = mix(continueHash(exactPrefix, normalized, 0, normalized.length));
    return { exact: 1, total: 1 };
  }
  const letters = withoutSpaces(normalized);
  const words = sortedWords(normalized);
  out[0] = mix(continueHash(exactPrefix, words, 0, words.length));
  out[1] = mix(continueHash(exactPrefix, letters, 0, letters.length));
  const length = letters.length;
  if (length < MIN_TYPO_NAME_LENGTH) return { exact: 2, total: 2 };

  // the key without letter i, hashed: hash(prefix + letters[0, i)) · BASE^(length - 1 - i) + hash(letters[i + 1, length))
  const { heads, tails, powers } = scratch(length);
  heads[0] = PREFIX_HASHES[kind].typo;
  for (let i = 0; i < length; i++) heads[i + 1] = (Math.imul(heads[i] as number, HASH_BASE) + letters.charCodeAt(i)) | 0;
  tails[length] = 0;
  for (let i = length - 1; i >= 0; i--) tails[i] = (Math.imul(letters.charCodeAt(i), powers[length - 1 - i] as number) + (tails[i + 1] as number)) | 0;
  out[2] = mix(heads[length] as number);
  for (let i = 0; i < length; i++) out[3 + i] = mix((Math.imul(heads[i] as number, powers[length - 1 - i] as number) + (tails[i + 1] as number)) | 0);
  return { exact: 2, total: 3 + length };
}

/** The most keys blockingKeyHashes writes for a normalized value: size `out` with it. */
export function maxBlockingKeys(normalized: string): number {
  return normalized.length + 3;
}

/** An odd multiplier with well-spread bits (2^32 divided by the golden ratio). */
const HASH_BASE = 0x9e3779b1 | 0;

/** `hash` continued over text[from, to), Horner's way: hash · BASE + character, modulo 2^32. */
function continueHash(hash: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The hashes of each kind's key prefixes, before mixing, for blockingKeyHashes to continue. */
const PREFIX_HASHES = Object.fromEntries(
  (['companyName', 'personName', 'text', 'email', 'phone', 'website', 'postalCode'] satisfies MatchKind[]).map((kind) => {
    const hashOf = (prefix: string) => continueHash(0, prefix, 0, prefix.length);
    return [kind, { exact: hashOf(`${kind}${EXACT_MARK}`), typo: hashOf(`${kind}${TYPO_MARK}`) }];
  }),
) as Record<MatchKind, { exact: number; typo: number }>;

/** MurmurHash3's finalizer: a bijection, so equal stays equal, that spreads close hashes over the table. */
function mix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * Buffers reused by every call (the matching is synchronous, so calls never overlap): prefix hashes,
 * suffix hashes, and powers of HASH_BASE, for names of up to `length` letters.
 */
let buffers = { heads: new Int32Array(0), tails: new Int32Array(0), powers: new Int32Array(0) };
function scratch(length: number): typeof buffers {
  if (buffers.powers.length > length) return buffers;
  const size = Math.max(64, 2 * length);
  const powers = new Int32Array(size);
  powers[0] = 1;
  for (let i = 1; i < size; i++) powers[i] = Math.imul(powers[i - 1] as number, HASH_BASE);
  buffers = { heads: new Int32Array(size + 1), tails: new Int32Array(size + 1), powers };
  return buffers;
}
