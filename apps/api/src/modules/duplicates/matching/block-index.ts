import { blockingKeyHashes, maxBlockingKeys } from './blocking-keys';
import type { MatchKind } from './match-types';

/**
 * The most records a typo key may gather before it is ignored. A key that a thousand names share is a
 * common fragment, no sign that any two of them are typos of each other, and comparing all its pairs
 * would cost half a million comparisons. Exact keys are never ignored: a value shared by many records
 * still makes them a group.
 */
export const TYPO_BLOCK_LIMIT = 1000;

/**
 * One field's blocks worth comparing: the keys shared by two records or more (a typo key by at most
 * TYPO_BLOCK_LIMIT), in flat arrays, as a Map of millions of string keys to arrays spends seconds in
 * hashing and garbage collection. Record r's blocks are `blocks[blocksStart[r] .. blocksStart[r + 1])`;
 * block k's records, in increasing order, are `members[membersStart[k] .. membersStart[k + 1])`.
 */
export interface FieldBlocks {
  blocksStart: Int32Array;
  blocks: Int32Array;
  membersStart: Int32Array;
  members: Int32Array;
}

/** The blocks of one field's normalized values (null: no value). */
export function indexBlocks(kind: MatchKind, values: readonly (string | null)[]): FieldBlocks {
  const keys = keysOf(kind, values);
  // renumber the blocks worth comparing 0, 1, 2… and keep only them
  const shared = new Int32Array(keys.blockCount).fill(-1);
  const sharedSizes: number[] = [];
  const blocksStart = new Int32Array(values.length + 1);
  const blocks: number[] = [];
  for (let record = 0; record < values.length; record++) {
    blocksStart[record] = blocks.length;
    for (let entry = keys.entriesStart[record] as number; entry < (keys.entriesStart[record + 1] as number); entry++) {
      const block = keys.entries[entry] as number;
      const size = keys.sizes[block] as number;
      if (size < 2 || (keys.exact[block] === 0 && size > TYPO_BLOCK_LIMIT)) continue;
      if (shared[block] === -1) shared[block] = sharedSizes.push(size) - 1;
      blocks.push(shared[block] as number);
    }
  }
  blocksStart[values.length] = blocks.length;

  const membersStart = new Int32Array(sharedSizes.length + 1);
  sharedSizes.forEach((size, block) => (membersStart[block + 1] = (membersStart[block] as number) + size));
  // records are visited in order, so each block's members come out sorted
  const members = new Int32Array(blocks.length);
  const filled = membersStart.slice(0, sharedSizes.length);
  for (let record = 0; record < values.length; record++) {
    for (let entry = blocksStart[record] as number; entry < (blocksStart[record + 1] as number); entry++) {
      members[filled[blocks[entry] as number]++] = record;
    }
  }
  return { blocksStart, blocks: Int32Array.from(blocks), membersStart, members };
}

/**
 * Every record's keys as block numbers (`entries[entriesStart[r] .. entriesStart[r + 1])`, a key once per
 * record), with each block's size and whether it holds an exact key. Keys are found by their hash in an
 * open-addressing table.
 */
function keysOf(kind: MatchKind, values: readonly (string | null)[]) {
  let bound = 0;
  let longest = 0;
  for (const value of values) {
    if (value === null) continue;
    const count = maxBlockingKeys(value);
    bound += count;
    longest = Math.max(longest, count);
  }
  // a table at most two-thirds full keeps the probe sequences short; slot s holds a key's hash at 2s and
  // its block at 2s + 1 (-1: free), side by side so that a probe loads one cache line
  const mask = 2 ** Math.ceil(Math.log2(Math.max(16, bound * 1.5))) - 1;
  const slots = new Int32Array(2 * (mask + 1)).fill(-1);
  const sizes = new Int32Array(bound);
  const lastRecord = new Int32Array(bound).fill(-1);
  const exact = new Uint8Array(bound);
  const entriesStart = new Int32Array(values.length + 1);
  const entries = new Int32Array(bound);
  const hashes = new Int32Array(longest);
  let blockCount = 0;
  let entryCount = 0;

  values.forEach((value, record) => {
    entriesStart[record] = entryCount;
    if (value === null) return;
    const keys = blockingKeyHashes(kind, value, hashes);
    for (let key = 0; key < keys.total; key++) {
      const hash = hashes[key] as number;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== -1 && slots[2 * slot] !== hash) slot = (slot + 1) & mask;
      if (slots[2 * slot + 1] === -1) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = blockCount++;
      }
      const block = slots[2 * slot + 1] as number;
      // a key repeated by one value ("aab" less its first or its second letter) makes one membership
      if (lastRecord[block] === record) continue;
      lastRecord[block] = record;
      sizes[block]++;
      if (key < keys.exact) exact[block] = 1;
      entries[entryCount++] = block;
    }
  });
  entriesStart[values.length] = entryCount;
  return { blockCount, sizes, exact, entriesStart, entries };
}
