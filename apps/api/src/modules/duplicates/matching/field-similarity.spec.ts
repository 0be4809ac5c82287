import type { CountryCode } from 'libphonenumber-js';

import { fieldSimilarity } from './field-similarity';
import type { MatchKind } from './match-types';
import { normalizeValue } from './normalize-value';

const options = { defaultCountry: 'FR' as CountryCode };

/** The similarity of two raw values, normalized as the matching does. */
function similarity(kind: MatchKind, a: string, b: string): number {
  return fieldSimilarity(kind, normalizeValue(kind, a, options) ?? '', normalizeValue(kind, b, options) ?? '');
}

describe('fieldSimilarity', () => {
  it.each([
    ['companyName', 'equal once normalized', 'Acme SARL', 'ACME S.A.R.L.', 1],
    ['companyName', 'equal with dots or spaces', 'A.C.M.E.', 'Acme', 1],
    ['personName', 'the same words in another order', 'Martin Dupont', 'Dupont Martin', 0.95],
    ['companyName', 'the same words in another order', 'Conseil Dupont', 'Dupont Conseil', 0.95],
    ['companyName', 'the same letters spaced otherwise', 'Mc Donald', 'McDonald', 0.95],
    ['companyName', 'one substitution', 'Dupont Conseil', 'Dupond Conseil', 0.85],
    ['companyName', 'one insertion', 'Acme Industries', 'Acme Industriess', 0.85],
    ['companyName', 'one deletion', 'Transports Martin', 'Transport Martin', 0.85],
    ['personName', 'one adjacent transposition', 'Jean Dupont', 'Jean Dupnot', 0.85],
    ['personName', 'a typo in a five-letter name', 'Marin', 'Martin', 0.85],
    ['companyName', 'a typo in a five-letter name', 'Volta', 'Volte', 0.85],
    ['companyName', 'a typo in a four-letter name', 'Bolt', 'Volt', 0],
    ['companyName', 'a typo in a four-letter name', 'Acme', 'Acne', 0],
    ['companyName', 'a typo in a three-letter name', 'Ace', 'Aco', 0],
    ['companyName', 'a four-letter name and a letter more', 'Acme', 'Acmes', 0],
    ['companyName', 'two typos', 'Dupont', 'Durand', 0],
    ['companyName', 'another word added', 'Acme', 'Acne Studios', 0],
    ['companyName', 'another word added to the same name', 'Acme', 'Acme Studios', 0],
    ['companyName', 'different names of the same legal form', 'Dupont SA', 'Durand SA', 0],
    ['personName', 'a repeated word', 'Johnson Johnson', 'Johnson', 0],
    ['text', 'equal once normalized', 'Saint-Étienne', 'saint etienne', 1],
    ['text', 'one typo, which text does not forgive', 'Marseille', 'Marseile', 0],
    ['text', 'different cities', 'Paris', 'Pau', 0],
    ['email', 'equal once normalized', 'John.Doe+crm@Example.COM', 'john.doe@example.com', 1],
    ['email', 'two people at the same domain', 'john@acme.com', 'jane@acme.com', 0],
    ['phone', 'equal once normalized', '+33 1 23 45 67 89', '01 23 45 67 89', 1],
    ['phone', 'two numbers of the same prefix', '01 23 45 67 89', '01 23 45 67 88', 0],
    ['website', 'equal once normalized', 'https://www.Acme.com/en/', 'acme.com', 1],
    ['website', 'another subdomain', 'shop.acme.com', 'acme.com', 0],
    ['postalCode', 'equal once normalized', '75 001', '75001', 1],
    ['postalCode', 'different codes', '75001', '75002', 0],
  ] as [MatchKind, string, string, string, number][])('%s: %s (%j, %j) → %s', (kind, _behaviour, a, b, expected) => {
    expect(similarity(kind, a, b)).toBe(expected);
    expect(similarity(kind, b, a)).toBe(expected);
  });

  it('scores a typo below reordered words, and reordered words below equal names', () => {
    const equal = similarity('personName', 'Jean Dupont', 'jean dupont');
    const reordered = similarity('personName', 'Jean Dupont', 'Dupont Jean');
    const typo = similarity('personName', 'Jean Dupont', 'Jean Dupond');
    expect(equal).toBeGreaterThan(reordered);
    expect(reordered).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });
});
