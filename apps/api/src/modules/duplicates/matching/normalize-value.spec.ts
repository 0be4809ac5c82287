import type { CountryCode } from 'libphonenumber-js';

import type { MatchKind } from './match-types';
import { normalizeValue } from './normalize-value';

const france = { defaultCountry: 'FR' as CountryCode };

describe('normalizeValue', () => {
  describe('companyName', () => {
    it.each([
      ['ignores case', 'ACME', 'acme'],
      ['removes accents', 'Société Générale', 'societe generale'],
      ['spells letters without decomposition', 'Straße Æther Œuvre Øresund Łódź', 'strasse aether oeuvre oresund lodz'],
      ['folds ligatures and full-width letters', 'Ｏﬃce', 'office'],
      ['joins dotted initials', 'A.C.M.E.', 'acme'],
      ['reads a hyphen as a space', 'Dupont-Martin', 'dupont martin'],
      ['collapses spaces and punctuation', '  Dupont ,  Martin / ', 'dupont martin'],
      ['drops apostrophes', "L'Oréal", 'loreal'],
      ['removes a legal form', 'Acme SARL', 'acme'],
      ['removes a dotted legal form', 'ACME S.A.R.L.', 'acme'],
      ['removes a legal form after a comma', 'Acme, Inc.', 'acme'],
      ['removes a spaced legal form', 'Acme S. A. R. L.', 'acme'],
      ['removes stacked legal forms', 'Acme Pty Ltd', 'acme'],
      ['removes "GmbH & Co. KG"', 'Acme GmbH & Co. KG', 'acme'],
      ['removes "Co., Ltd."', 'Acme Co., Ltd.', 'acme'],
      ['removes "sp. z o.o."', 'Acme sp. z o.o.', 'acme'],
      ['removes "S.A. de C.V."', 'Acme S.A. de C.V.', 'acme'],
      ['removes a leading French legal form', 'SARL Acme', 'acme'],
      ['removes a leading Swedish legal form', 'AB Volvo', 'volvo'],
      ['keeps a leading "Co", more often a word', 'Co-op Food', 'co op food'],
      ['keeps a legal form inside the name', 'Acme SA Consulting', 'acme sa consulting'],
      ['keeps a name that is only a legal form', 'SARL', 'sarl'],
      ['keeps a dotted name that is only a legal form', 'S.A.', 'sa'],
      ['drops "&"', 'Dupont & Fils', 'dupont fils'],
      ['drops "et"', 'Dupont et Fils', 'dupont fils'],
      ['drops "and"', 'Dupont and Fils', 'dupont fils'],
      ['keeps a name that is only a connector', 'And', 'and'],
      ['is null when blank', '   ', null],
      ['is null when only punctuation', '--- / ---', null],
    ])('%s: %j → %j', (_behaviour, raw, expected) => {
      expect(normalizeValue('companyName', raw, france)).toBe(expected);
    });

    it.each(
      [
        'SA',
        'SARL',
        'SAS',
        'SASU',
        'EURL',
        'SNC',
        'SCI',
        'GmbH',
        'AG',
        'KG',
        'Inc',
        'Inc.',
        'Incorporated',
        'Ltd',
        'Ltd.',
        'Limited',
        'LLC',
        'L.L.C.',
        'LLP',
        'PLC',
        'Corp',
        'Corp.',
        'Corporation',
        'Co',
        'Co.',
        'S.p.A.',
        'SpA',
        'Srl',
        'S.r.l.',
        'B.V.',
        'BV',
        'N.V.',
        'NV',
        'Oy',
        'AB',
        'AS',
        'A/S',
        'ApS',
        'SL',
        'S.L.',
        'Pty',
        '& Co',
        'et Cie',
        'S.A.S.',
        'e.V.',
        's.r.o.',
        'Lda',
      ].map((form) => [form]),
    )('removes the legal form %j', (form) => {
      expect(normalizeValue('companyName', `Acme ${form}`, france)).toBe('acme');
    });

    it('reads "Acme SARL", "ACME S.A.R.L.", "Acme, Inc." and "acme" as one name', () => {
      const names = ['Acme SARL', 'ACME S.A.R.L.', 'Acme, Inc.', 'acme'].map((raw) => normalizeValue('companyName', raw, france));
      expect(new Set(names)).toEqual(new Set(['acme']));
    });
  });

  it.each([
    ['personName', 'keeps words apart', 'Jean-Pierre Dupont', 'jean pierre dupont'],
    ['personName', 'removes accents', 'José Ñúñez', 'jose nunez'],
    ['personName', 'keeps what reads as a legal form', 'Martin SA', 'martin sa'],
    ['personName', 'drops apostrophes', "O'Brien", 'obrien'],
    ['personName', 'drops connectors', 'Jean & Marie Dupont', 'jean marie dupont'],
    ['text', 'folds case, accents and hyphens', 'Saint-Étienne', 'saint etienne'],
    ['text', 'reads the spaced form alike', ' saint  etienne ', 'saint etienne'],
    ['text', 'keeps "and"', 'Trinidad and Tobago', 'trinidad and tobago'],
    ['email', 'lower-cases and removes plus-addressing', 'John.Doe+crm@Example.COM', 'john.doe@example.com'],
    ['email', 'trims', '  john@example.com ', 'john@example.com'],
    ['email', 'drops a trailing dot of the domain', 'john@example.com.', 'john@example.com'],
    ['email', 'keeps a plus that starts the address', '+tag@example.com', '+tag@example.com'],
    ['email', 'refuses an address without @', 'john.example.com', null],
    ['email', 'refuses two @', 'john@doe@example.com', null],
    ['email', 'refuses an empty local part', '@example.com', null],
    ['email', 'refuses an empty domain', 'john@', null],
    ['email', 'refuses an empty domain label', 'john@example..com', null],
    ['email', 'refuses spaces inside', 'john doe@example.com', null],
    ['website', 'keeps the host of a URL', 'https://www.Acme.com/en/', 'acme.com'],
    ['website', 'reads a bare domain', 'acme.com', 'acme.com'],
    ['website', 'drops "www." without a scheme', 'WWW.ACME.COM', 'acme.com'],
    ['website', 'drops port, path, query and fragment', 'http://acme.com:8080/a/b?q=1#top', 'acme.com'],
    ['website', 'drops the trailing dot', 'www.acme.com.', 'acme.com'],
    ['website', 'reads a scheme-relative URL', '//acme.com', 'acme.com'],
    ['website', 'keeps other subdomains', 'https://shop.acme.com', 'shop.acme.com'],
    ['website', 'keeps a two-label suffix', 'www.acme.co.uk', 'acme.co.uk'],
    ['website', 'writes an international domain in punycode', 'https://www.bücher.de', 'xn--bcher-kva.de'],
    ['website', 'refuses "n/a"', 'n/a', null],
    ['website', 'refuses a dash', '-', null],
    ['website', 'refuses a single label', 'acme', null],
    ['website', 'refuses a scheme alone', 'http://', null],
    ['website', 'refuses another scheme', 'ftp://acme.com', null],
    ['website', 'refuses an IP address', '192.168.0.1', null],
    ['website', 'refuses a number', '1.5', null],
    ['website', 'refuses spaces inside', 'acme .com', null],
    ['postalCode', 'removes spaces', '75 001', '75001'],
    ['postalCode', 'upper-cases', 'sw1a 1aa', 'SW1A1AA'],
    ['postalCode', 'removes dashes', '00-950', '00950'],
    ['postalCode', 'is null when blank', ' - ', null],
  ] as [MatchKind, string, string, string | null][])('%s %s: %j → %j', (kind, _behaviour, raw, expected) => {
    expect(normalizeValue(kind, raw, france)).toBe(expected);
  });

  it.each([
    ['an international number', '+33 1 23 45 67 89', 'FR', '+33123456789'],
    ['a national number', '01 23 45 67 89', 'FR', '+33123456789'],
    ['a number dialled with 00', '0033 1 23 45 67 89', 'FR', '+33123456789'],
    ['a number dialled with 00 from a country that dials 011', '0033 1 23 45 67 89', 'US', '+33123456789'],
    ['a number with brackets and dots', '(01) 23.45.67.89', 'FR', '+33123456789'],
    ['a number without separators', '0123456789', 'FR', '+33123456789'],
    ['a number with an extension, without it', '+33 1 23 45 67 89 ext. 12', 'FR', '+33123456789'],
    ['a foreign international number', '+1 (415) 555-0123', 'FR', '+14155550123'],
    ['an American national number in the US', '415-555-0123', 'US', '+14155550123'],
    ['an American national number in France, as no possible number', '415-555-0123', 'FR', null],
    ['a Belgian national number in Belgium', '02 123 45 67', 'BE', '+3221234567'],
    ['a Belgian mobile number in Belgium', '0470 12 34 56', 'BE', '+32470123456'],
    ['a French mobile number in France', '06 12 34 56 78', 'FR', '+33612345678'],
    ['the same digits in Belgium, as a Belgian number', '06 12 34 56 78', 'BE', '+32612345678'],
    ['too few digits', '12', 'FR', null],
    ['words', 'call me', 'FR', null],
    ['an empty value', '  ', 'FR', null],
  ] as [string, string, CountryCode, string | null][])('phone: reads %s (%j in %s) as %j', (_behaviour, raw, defaultCountry, expected) => {
    expect(normalizeValue('phone', raw, { defaultCountry })).toBe(expected);
  });

  it.each(['companyName', 'personName', 'text', 'email', 'phone', 'website', 'postalCode'] as MatchKind[])('%s: is null for null and undefined', (kind) => {
    expect(normalizeValue(kind, null, france)).toBeNull();
    expect(normalizeValue(kind, undefined, france)).toBeNull();
  });

  it.each([
    ['companyName', 'Acme', 'Acne Studios'],
    ['companyName', 'Dupont SA', 'Durand SA'],
    ['text', 'Paris', 'Pau'],
    ['email', 'john@acme.com', 'jane@acme.com'],
    ['phone', '01 23 45 67 89', '01 23 45 67 88'],
    ['website', 'acme.com', 'acme.fr'],
    ['postalCode', '75001', '75010'],
  ] as [MatchKind, string, string][])('%s: tells %j from %j', (kind, a, b) => {
    expect(normalizeValue(kind, a, france)).not.toBe(normalizeValue(kind, b, france));
  });
});
