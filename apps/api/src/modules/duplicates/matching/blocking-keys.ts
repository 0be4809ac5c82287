import { MIN_TYPO_NAME_LENGTH, sortedWords, withoutSpaces } from './field-similarity';
import type { MatchKind } from './match-types';

/**
 * What marks a blocking key: values that can be similar share at least one key, so only records sharing
 * a key need comparing. Each key starts with its kind and a mark: `email=a@b.com`, `companyName~acme`.
 * The kind keeps kinds apart (two fields of the same kind are kept apart by their caller: matchingPairs
 * indexes each field on its own); the mark tells an exact key (`=`, shared only by equal or reordered
 * values) from a typo key (`~`, shared by names one edit apart), since only typo keys are dropped when
 * too common.
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
  if (!isName(kind)) return [`${kind}${EXACT_MARK}${normalized}`];
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
  if (!isName(kind)) {
    out[0] = mix(continueHash(exactPrefix, normalized, 0, normalized.length));
    return { exact: 1, total: 1 };
  }
  // the letters without spaces, as codes: no string is built
  const { codes, heads, tails, powers } = scratch(normalized.length);
  let length = 0;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) !== SPACE) codes[length++] = normalized.charCodeAt(i);
  let exact = 1;
  if (length === normalized.length) {
    // one word: its letters are its sorted words
    out[0] = mix(continueCodes(exactPrefix, codes, length));
  } else {
    let hash = exactPrefix;
    for (const [index, word] of normalized.split(' ').sort().entries()) {
      if (index > 0) hash = (imul(hash, HASH_BASE) + SPACE) | 0;
      hash = continueHash(hash, word, 0, word.length);
    }
    out[0] = mix(hash);
    out[exact++] = mix(continueCodes(exactPrefix, codes, length));
  }
  if (length < MIN_TYPO_NAME_LENGTH) return { exact, total: exact };

  // the key without letter i, hashed: hash(prefix + letters[0, i)) · BASE^(length - 1 - i) + hash(letters[i + 1, length))
  heads[0] = PREFIX_HASHES[kind].typo;
  for (let i = 0; i < length; i++) heads[i + 1] = (imul(heads[i], HASH_BASE) + codes[i]) | 0;
  tails[length] = 0;
  for (let i = length - 1; i >= 0; i--) tails[i] = (imul(codes[i], powers[length - 1 - i]) + tails[i + 1]) | 0;
  out[exact] = mix(heads[length]);
  for (let i = 0; i < length; i++) out[exact + 1 + i] = mix((imul(heads[i], powers[length - 1 - i]) + tails[i + 1]) | 0);
  return { exact, total: exact + 1 + length };
}

/** The most keys blockingKeyHashes writes for a normalized value: size `out` with it. */
export function maxBlockingKeys(kind: MatchKind, normalized: string): number {
  return isName(kind) ? normalized.length + 3 : 1;
}

function isName(kind: MatchKind): boolean {
  return kind === 'companyName' || kind === 'personName';
}

/**
 * Math.imul, looked up once: where modules run in a vm context (Jest), each lookup of the global `Math`
 * is slow enough to make hashing a hundred times slower.
 */
const { imul } = Math;

/** An odd multiplier with well-spread bits (2^32 divided by the golden ratio). */
const HASH_BASE = 0x9e3779b1 | 0;

/** `hash` continued over text[from, to), Horner's way: hash · BASE + character, modulo 2^32. */
function continueHash(hash: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) hash = (imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** `hash` continued over the first `length` character codes. */
function continueCodes(hash: number, codes: Int32Array, length: number): number {
  for (let i = 0; i < length; i++) hash = (imul(hash, HASH_BASE) + codes[i]) | 0;
  return hash;
}

const SPACE = 0x20;

/** The hashes of each kind's key prefixes, before mixing, for blockingKeyHashes to continue. */
const PREFIX_HASHES = Object.fromEntries(
  (['companyName', 'personName', 'text', 'email', 'phone', 'website', 'postalCode'] satisfies MatchKind[]).map((kind) => {
    const hashOf = (prefix: string) => continueHash(0, prefix, 0, prefix.length);
    return [kind, { exact: hashOf(`${kind}${EXACT_MARK}`), typo: hashOf(`${kind}${TYPO_MARK}`) }];
  }),
) as Record<MatchKind, { exact: number; typo: number }>;

/** MurmurHash3's finalizer: a bijection, so equal stays equal, that spreads close hashes over the table. */
function mix(hash: number): number {
  hash = imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * Buffers reused by every call (the matching is synchronous, so calls never overlap): a name's letter
 * codes, prefix hashes, suffix hashes, and powers of HASH_BASE, for names of up to `length` letters.
 */
let buffers = { codes: new Int32Array(0), heads: new Int32Array(0), tails: new Int32Array(0), powers: new Int32Array(0) };
function scratch(length: number): typeof buffers {
  if (buffers.powers.length > length) return buffers;
  const size = Math.max(64, 2 * length);
  const powers = new Int32Array(size);
  powers[0] = 1;
  for (let i = 1; i < size; i++) powers[i] = imul(powers[i - 1], HASH_BASE);
  buffers = { codes: new Int32Array(size), heads: new Int32Array(size + 1), tails: new Int32Array(size + 1), powers };
  return buffers;
}
