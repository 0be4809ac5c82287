import type { CountryCode } from 'libphonenumber-js';

import type { FieldSpec, MatchRecord } from './match-types';
import { rankSimilar } from './rank-similar';

const options = { defaultCountry: 'FR' as CountryCode };
const fields: FieldSpec[] = [
  { field: 'name', kind: 'companyName' },
  { field: 'email', kind: 'email' },
  { field: 'phone', kind: 'phone' },
  { field: 'city', kind: 'text' },
];

const candidates: MatchRecord[] = [
  { id: 'c1', values: { name: 'Acme SARL', email: 'info@acme.com', phone: '01 23 45 67 89', city: 'Paris' } },
  { id: 'c2', values: { name: 'Acme Studios', email: 'hello@acmestudios.com', city: 'Lyon' } },
  { id: 'c3', values: { name: 'Acne Studios', email: 'press@acnestudios.com', city: 'Stockholm' } },
  { id: 'c4', values: { name: 'Globex', email: 'info@acme.com' } },
  { id: 'c5', values: { name: 'Dupont Conseil', email: null, city: 'Paris' } },
  { id: 'c6', values: { name: 'Acme' } },
  { id: 'c7', values: { name: 'Aco' } },
];

const query = (values: Record<string, string | null>): MatchRecord => ({ id: 'new', values });

describe('rankSimilar', () => {
  it.each([
    [
      'finds the same name, and the names it starts',
      { name: 'Acme' },
      [
        { id: 'c1', score: 1 },
        { id: 'c6', score: 1 },
        { id: 'c2', score: 0.7 },
      ],
    ],
    ['waits for four letters before reading a prefix', { name: 'Acm' }, []],
    [
      'reads a prefix through the legal form',
      { name: 'Acme S' },
      [
        { id: 'c1', score: 0.7 },
        { id: 'c2', score: 0.7 },
      ],
    ],
    ['forgives a typo', { name: 'Dupond Conseil' }, [{ id: 'c5', score: 0.85 }]],
    ['does not forgive a typo in a short name', { name: 'Ace' }, []],
    [
      'finds an email, whatever the name',
      { email: 'Info+web@ACME.com' },
      [
        { id: 'c1', score: 1 },
        { id: 'c4', score: 1 },
      ],
    ],
    ['finds a phone in another form', { phone: '+33 1 23 45 67 89' }, [{ id: 'c1', score: 1 }]],
    [
      'lowers, without excluding, a candidate whose other field differs, its best match weighing most',
      { name: 'Acme', email: 'info@acme.com' },
      [
        { id: 'c1', score: 1 },
        { id: 'c6', score: 0.95 },
        { id: 'c4', score: 0.8 },
        { id: 'c2', score: 0.56 },
      ],
    ],
    [
      'lets a matching city raise a candidate (c2 from 0.7), an exact name in another city staying ahead',
      { name: 'Acme', city: 'Lyon' },
      [
        { id: 'c6', score: 0.95 },
        { id: 'c1', score: 0.8 },
        { id: 'c2', score: 0.76 },
      ],
    ],
    ['needs an identifying field: a city alone is not one', { city: 'Paris' }, []],
    ['finds nothing for an empty form', { name: ' ', email: null }, []],
  ] as [string, Record<string, string | null>, { id: string; score: number }[]][])('%s', (_behaviour, values, expected) => {
    expect(rankSimilar(query(values), candidates, fields, options)).toEqual(expected);
  });

  it('returns at most `limit` candidates, the best ones', () => {
    const many = Array.from({ length: 8 }, (_item, index) => ({ id: `m${index}`, values: { name: index % 2 === 0 ? 'Acme' : 'Acme Studios' } }));
    expect(rankSimilar(query({ name: 'Acme' }), many, fields, options).map(({ id }) => id)).toEqual(['m0', 'm2', 'm4', 'm6', 'm1']);
    expect(rankSimilar(query({ name: 'Acme' }), many, fields, options, 2).map(({ id }) => id)).toEqual(['m0', 'm2']);
  });

  it('leaves out the record being edited', () => {
    const edited: MatchRecord = { id: 'c6', values: { name: 'Acme' } };
    expect(rankSimilar(edited, candidates, fields, options).map(({ id }) => id)).toEqual(['c1', 'c2']);
  });
});
