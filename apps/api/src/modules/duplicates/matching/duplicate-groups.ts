import { hashKey } from './blocking-keys';
import { normalizeRecord, roundScore } from './compare-records';
import type { DuplicateGroup, FieldSpec, MatchOptions, MatchRecord, NormalizedRecord } from './match-types';
import { matchingPairs, type MatchingPair } from './matching-pairs';

/** Math.imul looked up once (see blocking-keys.ts). */
const { imul } = Math;

/** Records whose normalized values are all the same: they match each other with score 1. */
interface Clone {
  record: NormalizedRecord;
  ids: string[];
}

/**
 * The groups of duplicates among `records`, by the rule of comparePair, with matches chained (if A
 * matches B and B matches C, all three are a group). Only records sharing a blocking key of the same field
 * are compared (see matchingPairs for which pairs, and TYPO_BLOCK_LIMIT for the keys ignored). A group's
 * score is the mean of its matching pairs' scores, over every pair of its records; its ids are sorted
 * (UUIDv7 ids sort oldest first); groups come best score first, then largest, then by first id. Throws a
 * RangeError for more than 30 fields.
 */
export function findDuplicateGroups(records: Iterable<MatchRecord>, fields: readonly FieldSpec[], options: MatchOptions): DuplicateGroup[] {
  const normalized: NormalizedRecord[] = [];
  for (const record of records) normalized.push(normalizeRecord(record, fields, options));
  const clones = collapseClones(normalized);
  const distinct = clones.map((clone) => clone.record);
  return groupsOf(clones, matchingPairs(distinct, fields));
}

/**
 * The records with the same values collapsed into one: a value repeated by a thousand records then
 * costs one comparison, not half a million. Records without any value match nothing. Equal records are
 * found by a hash of their values in an open-addressing table (a Map keyed by the values joined into one
 * string builds 200,000 strings for it).
 */
function collapseClones(records: readonly NormalizedRecord[]): Clone[] {
  const clones: Clone[] = [];
  const mask = 2 ** Math.ceil(Math.log2(Math.max(16, records.length * 2))) - 1;
  const slots = new Int32Array(mask + 1); // clone + 1 (0: free)
  for (const record of records) {
    if (record.values.every((value) => value === null)) continue;
    let slot = record.values.reduce((hash, value) => (imul(hash, 31) + (value === null ? 0 : hashKey(value))) | 0, 0) & mask;
    while (slots[slot] !== 0 && !sameValues(clones[slots[slot] - 1].record, record)) slot = (slot + 1) & mask;
    if (slots[slot] !== 0) clones[slots[slot] - 1].ids.push(record.id);
    else slots[slot] = clones.push({ record, ids: [record.id] });
  }
  return clones;
}

function sameValues(a: NormalizedRecord, b: NormalizedRecord): boolean {
  return a.values.every((value, index) => value === b.values[index]);
}

/** The connected clones (union-find), each group scored by the mean of its pairs, counted per record. */
function groupsOf(clones: readonly Clone[], pairs: readonly MatchingPair[]): DuplicateGroup[] {
  const parent = Int32Array.from(clones, (_clone, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      const up = parent[index];
      parent[index] = parent[up]; // path halving keeps the trees flat
      index = up;
    }
    return index;
  };
  for (const { a, b } of pairs) parent[root(a)] = root(b);

  const groups = new Map<number, { total: number; count: number; clones: Clone[] }>();
  const groupOf = (index: number) => {
    const key = root(index);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { total: 0, count: 0, clones: [] }));
    return group;
  };
  // a pair of clones stands for every pair of their records, and the records of a clone match at score 1
  for (const { a, b, score } of pairs) {
    const group = groupOf(a);
    const count = clones[a].ids.length * clones[b].ids.length;
    group.total += score * count;
    group.count += count;
  }
  clones.forEach((clone, index) => {
    const size = clone.ids.length;
    if (size < 2 && !groups.has(root(index))) return;
    const group = groupOf(index);
    group.clones.push(clone);
    group.total += (size * (size - 1)) / 2;
    group.count += (size * (size - 1)) / 2;
  });

  return [...groups.values()]
    .map((group) => ({ score: roundScore(group.total / group.count), ids: group.clones.flatMap((clone) => clone.ids).sort(byString) }))
    .sort((x, y) => y.score - x.score || y.ids.length - x.ids.length || byString(x.ids[0], y.ids[0]));
}

/** Code-unit order, not the locale's: UUIDs then sort by their hex digits, as in the database (time order for UUIDv7). */
function byString(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
