import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './dates.js';

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
