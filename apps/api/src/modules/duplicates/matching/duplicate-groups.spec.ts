import type { CountryCode } from 'libphonenumber-js';

import { TYPO_BLOCK_LIMIT } from './block-index';
import { comparePair, normalizeRecord } from './compare-records';
import { findDuplicateGroups } from './duplicate-groups';
import type { DuplicateGroup, FieldSpec, MatchRecord } from './match-types';

const options = { defaultCountry: 'FR' as CountryCode };
const nameAndEmail: FieldSpec[] = [
  { field: 'name', kind: 'companyName' },
  { field: 'email', kind: 'email' },
];

const record = (id: string, name: string | null, email: string | null = null): MatchRecord => ({ id, values: { name, email } });

describe('findDuplicateGroups', () => {
  it('finds the known groups among 30 records, best first', () => {
    const records = [
      // the same company written three ways: score 1
      record('r01', 'Acme SARL', 'info@acme.com'),
      record('r02', 'ACME S.A.R.L.', 'Info+crm@Acme.com'),
      record('r03', 'Acme, Inc.', 'info@acme.com'),
      // a typo in the name, the same email: 0.925
      record('r04', 'Dupont Conseil', 'contact@dupont-conseil.fr'),
      record('r05', 'Dupond Conseil', 'contact@dupont-conseil.fr'),
      // the email blank on one side: 0.875
      record('r06', 'Transports Martin', 'martin@transports.fr'),
      record('r07', 'Transports Martin', null),
      // the same words in another order: 0.95
      record('r08', 'Martin Dupont Associés'),
      record('r09', 'Dupont Martin Associés'),
      // a chain: r10-r11 0.925, r11-r12 0.875, r10-r12 0.8, so (0.925 + 0.875 + 0.8) / 3
      record('r10', 'Boulangerie Lefebvre', 'a@lefebvre.fr'),
      record('r11', 'Boulangerie Lefevre', 'a@lefebvre.fr'),
      record('r12', 'Boulangerie Lefèvre', null),
      // the name blank on one side, the same email: 0.875
      record('r13', null, 'jane@globex.com'),
      record('r14', 'Globex', 'jane@globex.com'),
      // three identical records: score 1
      record('r15', 'Initech', 'bill@initech.com'),
      record('r16', 'Initech', 'bill@initech.com'),
      record('r17', 'Initech', 'bill@initech.com'),
      // clearly different records
      record('r18', 'Acne Studios', 'press@acnestudios.com'),
      record('r19', 'Dupont SA'),
      record('r20', 'Durand SA'),
      record('r21', 'Ace'),
      record('r22', 'Aco'),
      record('r23', 'Bolt'),
      record('r24', 'Volt'),
      record('r25', 'Globex', 'john@globex.com'),
      record('r26', 'Umbrella', 'a@umbrella.com'),
      record('r27', 'Umbrella', 'b@umbrella.com'),
      record('r28', '  ', 'n/a'),
      // a one-letter difference in a name of five letters or more counts as a typo: 0.85
      record('r29', 'Martin'),
      record('r30', 'Marin'),
    ];
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([
      { score: 1, ids: ['r01', 'r02', 'r03'] },
      { score: 1, ids: ['r15', 'r16', 'r17'] },
      { score: 0.95, ids: ['r08', 'r09'] },
      { score: 0.925, ids: ['r04', 'r05'] },
      { score: 0.875, ids: ['r06', 'r07'] },
      { score: 0.875, ids: ['r13', 'r14'] },
      { score: 0.867, ids: ['r10', 'r11', 'r12'] },
      { score: 0.85, ids: ['r29', 'r30'] },
    ]);
  });

  it('gives the same groups whatever the order of the records, ids sorted', () => {
    const records = [record('c', 'Acme'), record('a', 'ACME SARL'), record('d', 'Globex'), record('b', 'acme')];
    const expected = [{ score: 1, ids: ['a', 'b', 'c'] }];
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual(expected);
    expect(findDuplicateGroups([...records].reverse(), nameAndEmail, options)).toEqual(expected);
  });

  it('reads any iterable of records', () => {
    function* records(): Generator<MatchRecord> {
      yield record('a', 'Acme');
      yield record('b', 'Acme');
    }
    expect(findDuplicateGroups(records(), nameAndEmail, options)).toEqual([{ score: 1, ids: ['a', 'b'] }]);
  });

  it('finds nothing among no records, or records without values', () => {
    expect(findDuplicateGroups([], nameAndEmail, options)).toEqual([]);
    expect(findDuplicateGroups([record('a', null), record('b', ' '), record('c', null, 'nobody')], nameAndEmail, options)).toEqual([]);
  });

  it('compares two fields of the same kind each with itself only', () => {
    const fields: FieldSpec[] = [
      { field: 'email', kind: 'email' },
      { field: 'otherEmail', kind: 'email' },
    ];
    const records = [
      { id: 'a', values: { email: 'info@acme.com', otherEmail: null } },
      { id: 'b', values: { email: null, otherEmail: 'info@acme.com' } },
    ];
    expect(findDuplicateGroups(records, fields, options)).toEqual([]);
  });

  it('matches phones written in national and international forms', () => {
    const fields: FieldSpec[] = [
      { field: 'name', kind: 'personName' },
      { field: 'phone', kind: 'phone' },
    ];
    const records = [
      { id: 'a', values: { name: 'Jean Dupont', phone: '01 23 45 67 89' } },
      { id: 'b', values: { name: 'Dupont Jean', phone: '+33 1 23 45 67 89' } },
      { id: 'c', values: { name: 'Jean Dupont', phone: '0033 1 23 45 67 88' } },
    ];
    expect(findDuplicateGroups(records, fields, options)).toEqual([{ score: 0.975, ids: ['a', 'b'] }]);
  });

  /** Names that differ from each other by one character only, all sharing the typo key "abcdefg". */
  const typoNames = (count: number) => Array.from({ length: count }, (_item, index) => `abcd${String.fromCharCode(0x4e00 + index)}efg`);

  it('groups a few names one typo apart', () => {
    const records = typoNames(5).map((name, index) => record(`r${index}`, name));
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([{ score: 0.85, ids: ['r0', 'r1', 'r2', 'r3', 'r4'] }]);
  });

  it(`ignores a typo key shared by more than ${TYPO_BLOCK_LIMIT} records, but not an exact value`, () => {
    const records = typoNames(TYPO_BLOCK_LIMIT + 1).map((name, index) => record(`r${String(index).padStart(4, '0')}`, name));
    records.push(record('r9999', records[7]?.values.name ?? null));
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([{ score: 1, ids: ['r0007', 'r9999'] }]);
  });

  it(`compares the records of an exact key shared by more than ${TYPO_BLOCK_LIMIT} records`, () => {
    // the same eleven letters spaced in 1,001 ways: all different names, all of the same letters (and no legal form)
    const spacings = Array.from({ length: TYPO_BLOCK_LIMIT + 1 }, (_item, pattern) =>
      [...'mnpqrtvwxyz'].map((letter, at) => (at > 0 && pattern & (1 << (at - 1)) ? ` ${letter}` : letter)).join(''),
    );
    const records = spacings.map((name, index) => record(`r${String(index).padStart(4, '0')}`, name));
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([{ score: 0.95, ids: records.map(({ id }) => id) }]);
  });

  it('groups many records of one value, scored 1', () => {
    const records = Array.from({ length: 5000 }, (_item, index) => record(`r${String(index).padStart(4, '0')}`, 'Particulier'));
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([{ score: 1, ids: records.map(({ id }) => id) }]);
  });

  it('scores a group by the mean over its pairs of records, identical records included', () => {
    // a-b and a-c are identical (1), b-c too, and d matches each of them with a typo (0.85): (3 × 1 + 3 × 0.85) / 6
    const records = [record('a', 'Dupont Conseil'), record('b', 'Dupont Conseil'), record('c', 'Dupont Conseil'), record('d', 'Dupond Conseil')];
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([{ score: 0.925, ids: ['a', 'b', 'c', 'd'] }]);
  });

  it('leaves to the names the pairs of a city shared by many records', () => {
    const fields: FieldSpec[] = [
      { field: 'name', kind: 'companyName' },
      { field: 'city', kind: 'text' },
    ];
    const records = Array.from({ length: 3000 }, (_item, index) => ({
      id: `r${String(index).padStart(4, '0')}`,
      values: { name: distinctName(index), city: 'Paris' },
    }));
    records.push({ id: 'r9999', values: { name: `${distinctName(1234)}e`, city: 'PARIS' } });
    expect(findDuplicateGroups(records, fields, options)).toEqual([{ score: 0.925, ids: ['r1234', 'r9999'] }]);
  });

  it('leaves to the names the pairs of an email shared by many records', () => {
    const records = Array.from({ length: 500 }, (_item, index) => record(`r${String(index).padStart(3, '0')}`, distinctName(index), 'contact@gmail.com'));
    records.push(record('r999', `${distinctName(1)}e`, 'Contact@Gmail.com'));
    expect(findDuplicateGroups(records, nameAndEmail, options)).toEqual([{ score: 0.925, ids: ['r001', 'r999'] }]);
  });

  it('finds the groups that comparing every pair finds (8 seeded random sets of 400 records)', () => {
    const random = seeded(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const typo = (name: string) => {
      const at = Math.floor(random() * name.length);
      return name.slice(0, at) + pick(['e', 'a', '']) + name.slice(at + 1);
    };
    const names = ['Dupont Conseil', 'Transports Martin', 'Boulangerie Lefebvre', 'Acme', 'Globex Industries', 'Initech', 'Martin Dupont'];
    const emails = ['info@acme.com', 'contact@gmail.com', 'jean@dupont.fr', 'a@b.co'];
    const cities = ['Paris', 'Pau']; // 140 records a city: blocks large enough to be parted
    const fields: FieldSpec[] = [...nameAndEmail, { field: 'city', kind: 'text' }];
    for (let set = 0; set < 8; set++) {
      const records = Array.from({ length: 400 }, (_item, index) => ({
        id: `r${String(index).padStart(3, '0')}`,
        values: {
          name: random() < 0.15 ? null : random() < 0.4 ? typo(pick(names)) : pick(names),
          email: random() < 0.4 ? null : random() < 0.3 ? `x${index}@y.fr` : pick(emails),
          city: random() < 0.3 ? null : pick(cities),
        },
      }));
      expect(findDuplicateGroups(records, fields, options)).toEqual(groupsOfEveryPair(records, fields));
    }
  });
});

/** Names two edits apart or more from each other: "Client aaaaaa", "Client baabaa"… (the index in base 26, twice). */
function distinctName(index: number): string {
  const code = [0, 1, 2].map((digit) => String.fromCharCode(97 + (Math.floor(index / 26 ** digit) % 26))).join('');
  return `Client ${code}${code}`;
}

/** Park-Miller: the same "random" cases on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** The groups by the definition: every pair compared, matches chained, each group scored by the mean of its pairs. */
function groupsOfEveryPair(records: MatchRecord[], fields: FieldSpec[]): DuplicateGroup[] {
  const normalized = records.map((record) => normalizeRecord(record, fields, options));
  const groupOf = records.map((_record, index) => index);
  const find = (index: number): number => (groupOf[index] === index ? index : find(groupOf[index]));
  const pairs: [number, number, number][] = [];
  normalized.forEach((a, i) =>
    normalized.slice(i + 1).forEach((b, offset) => {
      const score = comparePair(a, b, fields);
      if (score === null) return;
      pairs.push([i, i + 1 + offset, score]);
      groupOf[find(i)] = find(i + 1 + offset);
    }),
  );
  const groups = new Map<number, { ids: Set<string>; total: number; count: number }>();
  for (const [a, b, score] of pairs) {
    const group = groups.get(find(a)) ?? { ids: new Set<string>(), total: 0, count: 0 };
    group.ids.add(records[a].id).add(records[b].id);
    group.total += score;
    group.count++;
    groups.set(find(a), group);
  }
  return [...groups.values()]
    .map(({ ids, total, count }) => ({ score: Math.round((total / count) * 1000) / 1000, ids: [...ids].sort() }))
    .sort((x, y) => y.score - x.score || y.ids.length - x.ids.length || (x.ids[0] < y.ids[0] ? -1 : 1));
}
