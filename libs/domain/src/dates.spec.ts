import { describe, expect, it } from 'vitest';
import { isCalendarDate, isIsoDateTime } from './dates.js';

describe('isCalendarDate', () => {
  it.each(['2026-01-31', '2026-02-28', '2028-02-29', '2000-02-29', '2026-04-30', '2026-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    ['2026-02-30', 'a day past the end of February'],
    ['2026-02-29', 'February 29 of a common year'],
    ['1900-02-29', 'February 29 of a century that is not a leap year'],
    ['2026-13-01', 'a thirteenth month'],
    ['2026-00-10', 'month zero'],
    ['2026-04-31', 'April 31'],
    ['2026-01-00', 'day zero'],
    ['0000-01-01', 'year zero, which PostgreSQL refuses'],
    ['2026-1-01', 'a one-digit month'],
    ['2026-01-01T00:00:00Z', 'a date-time'],
    [' 2026-01-01', 'a leading space'],
    ['20260101', 'no dashes'],
    ['', 'an empty string'],
  ])('refuses %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isCalendarDate(20260101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(new Date())).toBe(false);
  });
});

describe('isIsoDateTime', () => {
  it.each([
    '2027-03-22',
    '2027-03-22T08:00',
    '2027-03-22T08:00:00',
    '2027-03-22T08:00:00.000Z',
    '2027-03-22T23:59:59.123456+02:00',
    '2027-03-22T08:00-0530',
    '2028-02-29T00:00Z',
  ])('accepts %s', (value) => expect(isIsoDateTime(value)).toBe(true));

  it.each([
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2027-03-22T24:00:00Z',
    '2027-03-22T08:60Z',
    '2027-03-22 08:00Z',
    '2027-03-22T08:00:00+25:00',
    'now',
    '',
  ])('refuses %s', (value) => expect(isIsoDateTime(value)).toBe(false));

  it('wants a time and its offset for an instant', () => {
    expect(isIsoDateTime('2027-03-22T08:00:00Z', { instant: true })).toBe(true);
    expect(isIsoDateTime('2027-03-22T08:00:00+01:00', { instant: true })).toBe(true);
    expect(isIsoDateTime('2027-03-22T08:00:00', { instant: true })).toBe(false);
    expect(isIsoDateTime('2027-03-22', { instant: true })).toBe(false);
  });
});
