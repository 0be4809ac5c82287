import { isOneEditApart } from './edit-distance';

describe('isOneEditApart', () => {
  it.each([
    ['equal strings', 'dupont', 'dupont', true],
    ['empty strings', '', '', true],
    ['one insertion', 'dupont', 'duppont', true],
    ['one insertion at the start', 'acme', 'xacme', true],
    ['one insertion at the end', 'acme', 'acmex', true],
    ['one deletion', 'dupont', 'dupnt', true],
    ['one substitution', 'dupont', 'dupond', true],
    ['one substitution at the start', 'bolt', 'volt', true],
    ['one adjacent transposition', 'dupont', 'dupnot', true],
    ['a transposition at the start', 'acme', 'came', true],
    ['a transposition at the end', 'acme', 'acem', true],
    ['a one-letter string and the empty one', 'a', '', true],
    ['two substitutions', 'dupont', 'dupamt', false],
    ['a substitution and an insertion', 'dupont', 'dubontt', false],
    ['a transposition of letters one apart', 'dupont', 'dunopt', false],
    ['two insertions', 'acme', 'acmexx', false],
    ['two transpositions', 'abcd', 'badc', false],
  ])('%s: %j and %j → %s', (_behaviour, a, b, expected) => {
    expect(isOneEditApart(a, b)).toBe(expected);
    expect(isOneEditApart(b, a)).toBe(expected);
  });
});
