import { indexBlocks } from './block-index';
import { comparePair, normalizeRecord, roundScore } from './compare-records';
import type { DuplicateGroup, FieldSpec, MatchOptions, MatchRecord, NormalizedRecord } from './match-types';

/** Records whose normalized values are all the same: they match each other with score 1. */
interface Clone {
  record: NormalizedRecord;
  ids: string[];
}

interface MatchingPair {
  a: number;
  b: number;
  score: number;
}

/**
 * The groups of duplicates among `records`, by the rule of comparePair, with matches chained (if A
 * matches B and B matches C, all three are a group). Only records sharing a blocking key of the same field
 * are compared. A group's score is the mean of its matching pairs' scores; its ids are sorted (UUIDv7 ids
 * sort oldest first); groups come best score first, then largest, then by first id.
 */
export function findDuplicateGroups(records: Iterable<MatchRecord>, fields: readonly FieldSpec[], options: MatchOptions): DuplicateGroup[] {
  const clones = collapseClones(records, fields, options);
  const pairs = matchingPairs(clones, fields);
  return groupsOf(clones, pairs);
}

/**
 * The records normalized, those with the same values collapsed into one: a value repeated by a
 * thousand records then costs one comparison, not half a million. Records without any value match nothing.
 */
function collapseClones(records: Iterable<MatchRecord>, fields: readonly FieldSpec[], options: MatchOptions): Clone[] {
  const clones: Clone[] = [];
  const bySignature = new Map<string, Clone>();
  for (const record of records) {
    const normalized = normalizeRecord(record, fields, options);
    if (normalized.values.every((value) => value === null)) continue;
    // no normalized value holds a NUL or is empty, so joining them with NULs tells every list of values apart
    const signature = normalized.values.join('\u0000');
    const clone = bySignature.get(signature);
    if (clone) clone.ids.push(record.id);
    else {
      const created = { record: normalized, ids: [record.id] };
      bySignature.set(signature, created);
      clones.push(created);
    }
  }
  return clones;
}

/**
 * The matching pairs of clones, each candidate pair compared once: for each clone, the later clones of its
 * blocks (blocks are per field, so that keys of two fields of the same kind never meet), with a stamp per
 * clone to skip those already seen through another key.
 */
function matchingPairs(clones: readonly Clone[], fields: readonly FieldSpec[]): MatchingPair[] {
  const indexes = fields.map(({ kind }, field) =>
    indexBlocks(
      kind,
      clones.map(({ record }) => record.values[field] ?? null),
    ),
  );
  const seenBy = new Int32Array(clones.length).fill(-1);
  const pairs: MatchingPair[] = [];
  for (let a = 0; a < clones.length; a++) {
    const recordA = (clones[a] as Clone).record;
    for (const { blocksStart, blocks, membersStart, members } of indexes) {
      for (let entry = blocksStart[a] as number; entry < (blocksStart[a + 1] as number); entry++) {
        const block = blocks[entry] as number;
        // members are in increasing order: walk back from the end to reach the later clones only
        for (let position = (membersStart[block + 1] as number) - 1; position >= (membersStart[block] as number); position--) {
          const b = members[position] as number;
          if (b <= a) break;
          if (seenBy[b] === a) continue;
          seenBy[b] = a;
          const score = comparePair(recordA, (clones[b] as Clone).record, fields);
          if (score !== null) pairs.push({ a, b, score });
        }
      }
    }
  }
  return pairs;
}

/** The connected clones (union-find), each group scored by the mean of its pairs, counted per record. */
function groupsOf(clones: readonly Clone[], pairs: readonly MatchingPair[]): DuplicateGroup[] {
  const parent = Int32Array.from(clones, (_clone, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      const up = parent[index] as number;
      parent[index] = parent[up] as number; // path halving keeps the trees flat
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
    const count = (clones[a] as Clone).ids.length * (clones[b] as Clone).ids.length;
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
    .sort((x, y) => y.score - x.score || y.ids.length - x.ids.length || byString(x.ids[0] ?? '', y.ids[0] ?? ''));
}

/** Code-unit order, not the locale's: ids are compared as the database does. */
function byString(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
