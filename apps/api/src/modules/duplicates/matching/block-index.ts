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
 * `commonness[r]` is how many records have record r's value (the size of its first exact key's block;
 * 0: no value), which tells how much a shared value says.
 */
export interface FieldBlocks {
  blocksStart: Int32Array;
  blocks: Int32Array;
  membersStart: Int32Array;
  members: Int32Array;
  commonness: Int32Array;
}

/** The blocks of one field's normalized values (null: no value). */
export function indexBlocks(kind: MatchKind, values: readonly (string | null)[]): FieldBlocks {
  const keys = keysOf(kind, values);
  const { owners, blockOf, sizes, exact } = keys;
  // renumber the blocks worth comparing 0, 1, 2… and count each record's
  const shared = new Int32Array(keys.blockCount).fill(-1);
  const sharedSizes: number[] = [];
  const blocksStart = new Int32Array(values.length + 1);
  const commonness = new Int32Array(values.length);
  for (let entry = 0; entry < owners.length; entry++) {
    const block = blockOf[entry];
    if (block === -1) continue;
    const size = sizes[block];
    // a record's first key is its first exact key
    if ((owners[entry] & FIRST) !== 0) commonness[owners[entry] >> 2] = size;
    if (size < 2 || (exact[block] === 0 && size > TYPO_BLOCK_LIMIT)) continue;
    if (shared[block] === -1) shared[block] = sharedSizes.push(size) - 1;
    blocksStart[(owners[entry] >> 2) + 1]++;
  }
  for (let record = 0; record < values.length; record++) blocksStart[record + 1] += blocksStart[record];
  const blocks = new Int32Array(blocksStart[values.length]);
  const nextBlock = blocksStart.slice(0, values.length);
  for (let entry = 0; entry < owners.length; entry++) {
    const block = blockOf[entry];
    if (block !== -1 && shared[block] !== -1) blocks[nextBlock[owners[entry] >> 2]++] = shared[block];
  }

  const membersStart = new Int32Array(sharedSizes.length + 1);
  sharedSizes.forEach((size, block) => (membersStart[block + 1] = membersStart[block] + size));
  // records are visited in order, so each block's members come out sorted
  const members = new Int32Array(blocks.length);
  const nextMember = membersStart.slice(0, sharedSizes.length);
  for (let record = 0; record < values.length; record++) {
    for (let entry = blocksStart[record]; entry < blocksStart[record + 1]; entry++) members[nextMember[blocks[entry]]++] = record;
  }
  return { blocksStart, blocks, membersStart, members, commonness };
}

/** Bits of an owner: record << 2 | EXACT when the key is exact | FIRST when it is the record's first. */
const EXACT = 2;
const FIRST = 1;
/** About how many keys a part holds: its table, 8 bytes a slot, then stays in the processor's cache. */
const PART_SIZE = 16384;

/**
 * Every record's keys as blocks: `blockOf[e]` is the block of the key whose owner is `owners[e]` (-1
 * when the record has that key already: "aab" less its first or its second letter). Keys are known by
 * their hashes, gathered in an open-addressing table; the hashes are first parted by their top bits, so
 * that each part's table fits in the processor's cache (one table for millions of keys spends its time
 * waiting for memory).
 */
function keysOf(kind: MatchKind, values: readonly (string | null)[]) {
  let bound = 0;
  let longest = 0;
  for (const value of values) {
    if (value === null) continue;
    const count = maxBlockingKeys(kind, value);
    bound += count;
    if (count > longest) longest = count;
  }
  const hashes = new Int32Array(bound);
  const owners = new Int32Array(bound);
  const out = new Int32Array(longest);
  let count = 0;
  for (let record = 0; record < values.length; record++) {
    const value = values[record];
    if (value === null) continue;
    const { exact, total } = blockingKeyHashes(kind, value, out);
    for (let key = 0; key < total; key++, count++) {
      hashes[count] = out[key];
      owners[count] = (record << 2) | (key < exact ? EXACT : 0) | (key === 0 ? FIRST : 0);
    }
  }

  // part by the top bits of the hash, keeping the records' order within a part
  const partBits = Math.max(0, Math.ceil(Math.log2(count / PART_SIZE)));
  const partOf = (hash: number) => (partBits === 0 ? 0 : hash >>> (32 - partBits));
  const partStart = new Int32Array(2 ** partBits + 1);
  for (let entry = 0; entry < count; entry++) partStart[partOf(hashes[entry]) + 1]++;
  let largest = 0;
  for (let part = 0; part < 2 ** partBits; part++) {
    if (partStart[part + 1] > largest) largest = partStart[part + 1];
    partStart[part + 1] += partStart[part];
  }
  const partHashes = new Int32Array(count);
  const partOwners = new Int32Array(count);
  const next = partStart.slice(0, 2 ** partBits);
  for (let entry = 0; entry < count; entry++) {
    const at = next[partOf(hashes[entry])]++;
    partHashes[at] = hashes[entry];
    partOwners[at] = owners[entry];
  }

  // a table at most half full keeps the probe sequences short; slot s holds a key's hash at 2s and its
  // block + 1 at 2s + 1 (0: free), side by side so that a probe loads one cache line
  const mask = 2 ** Math.ceil(Math.log2(Math.max(16, largest * 2))) - 1;
  const slots = new Int32Array(2 * (mask + 1));
  const blockOf = new Int32Array(count);
  const sizes = new Int32Array(count);
  const lastRecord = new Int32Array(count); // record + 1 that last joined the block
  const exact = new Uint8Array(count);
  let blockCount = 0;
  for (let part = 0; part < 2 ** partBits; part++) {
    slots.fill(0);
    for (let entry = partStart[part]; entry < partStart[part + 1]; entry++) {
      const hash = partHashes[entry];
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== hash) slot = (slot + 1) & mask;
      if (slots[2 * slot + 1] === 0) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = ++blockCount;
      }
      const block = slots[2 * slot + 1] - 1;
      const record = partOwners[entry] >> 2;
      if (lastRecord[block] === record + 1) {
        blockOf[entry] = -1;
        continue;
      }
      lastRecord[block] = record + 1;
      sizes[block]++;
      if ((partOwners[entry] & EXACT) !== 0) exact[block] = 1;
      blockOf[entry] = block;
    }
  }
  return { owners: partOwners, blockOf, sizes, exact, blockCount };
}
