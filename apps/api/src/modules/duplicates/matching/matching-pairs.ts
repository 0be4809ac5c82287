import { indexBlocks, type FieldBlocks } from './block-index';
import { comparePair } from './compare-records';
import type { FieldSpec, MatchKind, NormalizedRecord } from './match-types';

export interface MatchingPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Between fields whose values are as common, which one takes a pair (see matchingPairs): exact kinds
 * before names, whose typo blocks may be dropped.
 */
const KIND_RANK: Readonly<Record<MatchKind, number>> = { email: 0, phone: 0, website: 0, postalCode: 1, text: 1, companyName: 2, personName: 2 };

/** Blocks larger than this have their members parted by the fields they leave pairs to, so as not to walk those pairs. */
const PARTED_BLOCK_SIZE = 64;

/** Members of a large block that leave their pairs to the same fields (`fields`, a bit per field). */
interface Part {
  fields: number;
  members: Int32Array;
}

/**
 * The matching pairs among the records (indexes into `records`), each compared once.
 *
 * Records sharing a blocking key of a field are candidates. A pair that matches shares a key in every
 * field present on both sides, so one of those fields is enough to find it: each record ranks its
 * fields from the rarest value to the most common, and a field leaves a pair to another field that both
 * records rank before it. Walking the 10,000 partners of one city, or the 5,000 leads of a shared
 * address "contact@gmail.com", then costs nothing when their names tell them apart. The records of a
 * large block are parted by the fields they leave pairs to, so that the pairs left are not even walked.
 * (A pair of one-typo names whose only shared keys are typo keys too common to be kept is missed, as
 * before; it is now missed even when another field, ranked after the name, would have found it.)
 *
 * For each record, the later records of its blocks are walked, with a stamp per record to skip those
 * already seen through another key.
 */
export function matchingPairs(records: readonly NormalizedRecord[], fields: readonly FieldSpec[]): MatchingPair[] {
  if (fields.length > 30) throw new RangeError('at most 30 fields can be matched'); // a bit per field in an int
  const valuesOf = (field: number) => records.map(({ values }) => values[field]);
  const indexes = fields.map(({ kind }, field) => indexBlocks(kind, valuesOf(field)));
  const leaves = leftFields(indexes, fields, records.length);
  const parts = indexes.map((blocks, field) => partsOf(blocks, leaves[field]));

  const search: Search = { records, fields, seenBy: new Int32Array(records.length).fill(-1), pairs: [] };
  for (let a = 0; a < records.length; a++) {
    for (let field = 0; field < fields.length; field++) {
      const { blocksStart, blocks, membersStart, members } = indexes[field];
      const left = leaves[field];
      for (let entry = blocksStart[a]; entry < blocksStart[a + 1]; entry++) {
        const start = membersStart[blocks[entry]];
        const end = membersStart[blocks[entry] + 1];
        const parted = end - start > PARTED_BLOCK_SIZE ? parts[field].get(blocks[entry]) : undefined;
        if (!parted) compareLater(search, left, a, members, start, end);
        else for (const part of parted) if ((part.fields & left[a]) === 0) compareLater(search, left, a, part.members, 0, part.members.length);
      }
    }
  }
  return search.pairs;
}

/** The state of matchingPairs' search: `seenBy[b]` is the last record compared with record b. */
interface Search {
  records: readonly NormalizedRecord[];
  fields: readonly FieldSpec[];
  seenBy: Int32Array;
  pairs: MatchingPair[];
}

/** Compares record `a` with the members of members[start, end) after it that this field does not leave to another. */
function compareLater(search: Search, left: Int32Array, a: number, members: Int32Array, start: number, end: number): void {
  const { records, fields, seenBy, pairs } = search;
  // members are in increasing order: walking back from the end reaches the later ones only
  for (let position = end - 1; position >= start && members[position] > a; position--) {
    const b = members[position];
    if (seenBy[b] === a || (left[a] & left[b]) !== 0) continue;
    seenBy[b] = a;
    const score = comparePair(records[a], records[b], fields);
    if (score !== null) pairs.push({ a, b, score });
  }
}

/**
 * For each field and record, the fields the record ranks before that one (as bits): its other values
 * that are rarer, or as rare and of a kind ranked before (KIND_RANK), then earlier in `fields`.
 */
function leftFields(indexes: readonly FieldBlocks[], fields: readonly FieldSpec[], count: number): Int32Array[] {
  const rank = (field: number, record: number) => [indexes[field].commonness[record], KIND_RANK[fields[field].kind], field];
  const before = (g: number, f: number, record: number) => {
    const [x, y] = [rank(g, record), rank(f, record)];
    return x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
  };
  return fields.map((_spec, f) => {
    const left = new Int32Array(count);
    for (let record = 0; record < count; record++) {
      if (indexes[f].commonness[record] === 0) continue; // no value: the field has no block to walk
      for (let g = 0; g < fields.length; g++) if (g !== f && indexes[g].commonness[record] > 0 && before(g, f, record)) left[record] |= 1 << g;
    }
    return left;
  });
}

/** The members of each large block, parted by the fields they leave pairs to. */
function partsOf(blocks: FieldBlocks, left: Int32Array): Map<number, Part[]> {
  const parts = new Map<number, Part[]>();
  for (let block = 0; block + 1 < blocks.membersStart.length; block++) {
    const start = blocks.membersStart[block];
    const end = blocks.membersStart[block + 1];
    if (end - start <= PARTED_BLOCK_SIZE) continue;
    const byFields = new Map<number, number[]>();
    for (let position = start; position < end; position++) {
      const member = blocks.members[position];
      const part = byFields.get(left[member]);
      if (part) part.push(member);
      else byFields.set(left[member], [member]);
    }
    const parted = [...byFields].map(([fields, members]) => ({ fields, members: Int32Array.from(members) }));
    parts.set(block, parted);
  }
  return parts;
}
