import { describe, expect, it } from 'vitest';
import { isBlank } from '@crm/domain';
import { defaultChoices, mergedIds, mergeRequest, sameValue, valuesDiffer } from './merge-choices';

const address = (city: string | null, street: string | null = null) => ({ street, city, postalCode: null, state: null, country: null });
const a = { id: 'a', version: 3, name: 'Zephyr Logistics SARL', email: null, phone: '+33 1 23', address: address(null) };
const b = { id: 'b', version: 1, name: 'ZEPHYR LOGISTICS', email: 'b@zephyr.example', phone: null, address: address('Lyon') };
const c = { id: 'c', version: 7, name: 'Zephyr', email: 'c@zephyr.example', phone: '+33 9 99', address: address('Paris', '1 rue X') };
const FIELDS = ['name', 'email', 'phone', 'address'];

describe('isBlank and sameValue', () => {
  it('reads null, empty text and an address with nothing in it as blank', () => {
    expect([null, undefined, '', '  ', address(null)].every(isBlank)).toBe(true);
    expect([false, 0, 'x', address('Lyon')].some(isBlank)).toBe(false);
  });

  it('holds two blanks alike and compares addresses part by part', () => {
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(address(null), null)).toBe(true);
    expect(sameValue({ city: 'Lyon', street: null }, { street: '', city: 'Lyon' })).toBe(true);
    expect(sameValue(address('Lyon'), address('Paris'))).toBe(false);
    expect(sameValue('x', null)).toBe(false);
  });

  it('tells the rows where the records disagree', () => {
    expect(valuesDiffer([a, b, c], 'name')).toBe(true);
    const noPhone = { ...b, phone: '' };
    const emptyEmail = { ...a, email: '' };
    expect(valuesDiffer([a, noPhone], 'email')).toBe(true);
    expect(valuesDiffer([emptyEmail, a], 'email')).toBe(false);
  });
});

describe('defaultChoices', () => {
  it("keeps the kept record's value, else the first other record's that has one", () => {
    expect(defaultChoices([a, b, c], 'a', FIELDS)).toEqual({ name: 'a', email: 'b', phone: 'a', address: 'b' });
    expect(defaultChoices([a, c, b], 'a', FIELDS)).toEqual({ name: 'a', email: 'c', phone: 'a', address: 'c' });
    expect(defaultChoices([a, b, c], 'b', FIELDS)).toEqual({ name: 'b', email: 'b', phone: 'a', address: 'b' });
  });

  it('stays with the kept record when nobody has a value', () => {
    const noEmail = { ...b, email: '' };
    expect(defaultChoices([a, noEmail], 'a', ['email'])).toEqual({ email: 'a' });
  });
});

describe('mergeRequest', () => {
  it('merges the others in the order given, with the versions as loaded', () => {
    const request = mergeRequest([a, b, c], 'b', {}, FIELDS);
    expect(request.keepId).toBe('b');
    expect(request.mergeIds).toEqual(['a', 'c']);
    expect(mergedIds([a, b, c], 'c')).toEqual(['a', 'b']);
    expect(request.versions).toEqual({ a: 3, b: 1, c: 7 });
  });

  it('sends the default fills, and nothing for the values the kept record keeps', () => {
    expect(mergeRequest([a, b, c], 'a', {}, FIELDS).values).toEqual({ email: 'b@zephyr.example', address: address('Lyon') });
    expect(mergeRequest([c, a], 'c', {}, FIELDS).values).toEqual({});
  });

  it("sends each chosen value that differs from the kept record's", () => {
    const values = mergeRequest([a, b, c], 'a', { name: 'c', email: 'c', phone: 'a', address: 'c' }, FIELDS).values;
    expect(values).toEqual({ name: 'Zephyr', email: 'c@zephyr.example', address: address('Paris', '1 rue X') });
  });

  it("clears a field when the user picks another record's empty value", () => {
    expect(mergeRequest([a, b], 'a', { phone: 'b' }, FIELDS).values).toEqual({ phone: null, email: 'b@zephyr.example', address: address('Lyon') });
    expect(mergeRequest([c, a], 'c', { address: 'a' }, ['address']).values).toEqual({ address: address(null) });
  });

  it('says so when the user keeps an empty value the server would fill', () => {
    expect(mergeRequest([a, b], 'a', { email: 'a', address: 'a' }, FIELDS).values).toEqual({ email: null, address: address(null) });
  });

  it('falls back to the default for a choice naming no record of the merge', () => {
    expect(mergeRequest([a, b], 'a', { email: 'gone' }, ['email']).values).toEqual({ email: 'b@zephyr.example' });
  });
});
