import { describe, expect, it } from 'vitest';
import { isBlank } from './merges.js';

const EMPTY_ADDRESS = { street: null, city: null, postalCode: null, state: null, country: null };

describe('isBlank', () => {
  it.each([
    [null, true],
    ['  ', true],
    [EMPTY_ADDRESS, true],
    [false, false],
    [0, false],
    ['x', false],
    [{ city: 'Lyon' }, false],
  ])('%j → %s', (value, blank) => expect(isBlank(value)).toBe(blank));
});
