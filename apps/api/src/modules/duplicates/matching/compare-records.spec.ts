import type { CountryCode } from 'libphonenumber-js';

import { comparePair, normalizeRecord } from './compare-records';
import type { FieldSpec } from './match-types';

const options = { defaultCountry: 'FR' as CountryCode };
const fields: FieldSpec[] = [
  { field: 'name', kind: 'companyName' },
  { field: 'email', kind: 'email' },
];

type Values = Record<string, string | null>;

function compare(a: Values, b: Values, specs: FieldSpec[] = fields): number | null {
  return comparePair(normalizeRecord({ id: 'a', values: a }, specs, options), normalizeRecord({ id: 'b', values: b }, specs, options), specs);
}

describe('normalizeRecord', () => {
  it('keeps the id and the normalized values in the order of the fields', () => {
    expect(normalizeRecord({ id: 'r1', values: { email: 'A@B.com', name: 'Acme SARL', city: 'Paris' } }, fields, options)).toEqual({
      id: 'r1',
      values: ['acme', 'a@b.com'],
    });
  });

  it('reads a missing or unusable value as null', () => {
    expect(normalizeRecord({ id: 'r1', values: { name: '  ', email: 'not an email' } }, fields, options).values).toEqual([null, null]);
  });
});

describe('comparePair', () => {
  it.each([
    ['scores 1 when every field is equal', { name: 'Acme', email: 'info@acme.com' }, { name: 'Acme', email: 'info@acme.com' }, 1],
    [
      'scores 1 when every field is equal once normalized',
      { name: 'Acme SARL', email: 'Info+crm@ACME.com' },
      { name: 'ACME S.A.R.L.', email: 'info@acme.com' },
      1,
    ],
    ['scores reordered words a little lower', { name: 'Dupont Martin', email: 'x@y.fr' }, { name: 'Martin Dupont', email: 'x@y.fr' }, 0.975],
    ['scores a one-typo name lower', { name: 'Dupont Conseil', email: 'x@y.fr' }, { name: 'Dupond Conseil', email: 'x@y.fr' }, 0.925],
    ['scores a field blank on one side lower, and still matches', { name: 'Acme', email: 'info@acme.com' }, { name: 'Acme', email: null }, 0.875],
    ['scores a typo and a field blank on one side lower still', { name: 'Dupont Conseil', email: 'x@y.fr' }, { name: 'Dupond Conseil', email: '' }, 0.8],
    ['ignores a field blank on both sides', { name: 'Acme', email: null }, { name: 'acme', email: null }, 1],
    ['ignores a field blank on both sides, for a typo too', { name: 'Dupont Conseil' }, { name: 'Dupond Conseil' }, 0.85],
    ['reads an unusable value as blank', { name: 'Acme', email: 'n/a' }, { name: 'Acme', email: 'info@acme.com' }, 0.875],
    ['matches on the email alone when a name is missing', { name: null, email: 'info@acme.com' }, { name: 'Acme', email: 'info@acme.com' }, 0.875],
    ['refuses equal names with different emails', { name: 'Acme', email: 'john@acme.com' }, { name: 'Acme', email: 'jane@acme.com' }, null],
    ['refuses different names with equal emails', { name: 'Acme', email: 'info@acme.com' }, { name: 'Durand', email: 'info@acme.com' }, null],
    ['refuses a pair with nothing compared', { name: 'Acme', email: null }, { name: null, email: 'info@acme.com' }, null],
    ['refuses two blank records', { name: null, email: null }, {}, null],
    ['refuses three-letter names one typo apart', { name: 'Ace' }, { name: 'Aco' }, null],
    ['refuses four-letter names one typo apart', { name: 'Bolt' }, { name: 'Volt' }, null],
    ['refuses a name with another word', { name: 'Acme' }, { name: 'Acne Studios' }, null],
    ['refuses different names of one legal form', { name: 'Dupont SA' }, { name: 'Durand SA' }, null],
  ] as [string, Values, Values, number | null][])('%s', (_behaviour, a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
    expect(compare(b, a)).toBe(expected);
  });

  it.each([
    [
      'phone and city equal',
      { name: 'Jean Dupont', phone: '01 23 45 67 89', city: 'Saint-Étienne' },
      { name: 'jean dupont', phone: '+33 1 23 45 67 89', city: 'saint etienne' },
      1,
    ],
    ['two numbers of the same prefix', { name: 'Jean Dupont', phone: '01 23 45 67 89' }, { name: 'Jean Dupont', phone: '01 23 45 67 88' }, null],
    ['two cities', { name: 'Jean Dupont', city: 'Paris' }, { name: 'Jean Dupont', city: 'Pau' }, null],
    ['the city blank on one side', { name: 'Jean Dupont', phone: '0123456789', city: 'Paris' }, { name: 'Jean Dupont', phone: '0123456789' }, 0.917],
  ] as [string, Values, Values, number | null][])('with name, phone and city: %s → %s', (_behaviour, a, b, expected) => {
    const specs: FieldSpec[] = [
      { field: 'name', kind: 'personName' },
      { field: 'phone', kind: 'phone' },
      { field: 'city', kind: 'text' },
    ];
    expect(compare(a, b, specs)).toBe(expected);
  });

  it('ranks equal above a typo with an equal email, above one side blank', () => {
    const equal = compare({ name: 'Dupont Conseil', email: 'x@y.fr' }, { name: 'Dupont Conseil', email: 'x@y.fr' }) ?? 0;
    const typo = compare({ name: 'Dupont Conseil', email: 'x@y.fr' }, { name: 'Dupond Conseil', email: 'x@y.fr' }) ?? 0;
    const blank = compare({ name: 'Dupont Conseil', email: 'x@y.fr' }, { name: 'Dupont Conseil', email: null }) ?? 0;
    expect(equal).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(blank);
    expect(blank).toBeGreaterThan(0);
  });
});
