import { describe, expect, it } from 'vitest';
import { completion, objectivePeriods, type DayRange, type ObjectiveFrequency } from './objectives.js';

describe('objectivePeriods', () => {
  it.each<[string, DayRange, ObjectiveFrequency, DayRange[]]>([
    ['one period without frequency', { from: '2027-01-01', to: '2027-12-31' }, 'none', [{ from: '2027-01-01', to: '2027-12-31' }]],
    [
      'calendar months from the 1st, February included',
      { from: '2028-01-01', to: '2028-03-31' },
      'monthly',
      [
        { from: '2028-01-01', to: '2028-01-31' },
        { from: '2028-02-01', to: '2028-02-29' },
        { from: '2028-03-01', to: '2028-03-31' },
      ],
    ],
    [
      'months from mid-month, the last one cut at the end',
      { from: '2027-01-15', to: '2027-03-20' },
      'monthly',
      [
        { from: '2027-01-15', to: '2027-02-14' },
        { from: '2027-02-15', to: '2027-03-14' },
        { from: '2027-03-15', to: '2027-03-20' },
      ],
    ],
    [
      'months from the 31st stay on month ends',
      { from: '2027-01-31', to: '2027-04-29' },
      'monthly',
      [
        { from: '2027-01-31', to: '2027-02-27' },
        { from: '2027-02-28', to: '2027-03-30' },
        { from: '2027-03-31', to: '2027-04-29' },
      ],
    ],
    [
      'weeks from the first day',
      { from: '2027-03-22', to: '2027-04-06' },
      'weekly',
      [
        { from: '2027-03-22', to: '2027-03-28' },
        { from: '2027-03-29', to: '2027-04-04' },
        { from: '2027-04-05', to: '2027-04-06' },
      ],
    ],
    [
      'days, across the spring daylight-saving change',
      { from: '2027-03-27', to: '2027-03-29' },
      'daily',
      [
        { from: '2027-03-27', to: '2027-03-27' },
        { from: '2027-03-28', to: '2027-03-28' },
        { from: '2027-03-29', to: '2027-03-29' },
      ],
    ],
    [
      'no extra one-day period when the end falls on a period start (an Axelor quirk)',
      { from: '2027-01-01', to: '2027-02-01' },
      'monthly',
      [
        { from: '2027-01-01', to: '2027-01-31' },
        { from: '2027-02-01', to: '2027-02-01' },
      ],
    ],
  ])('%s', (_behaviour, range, frequency, expected) => {
    expect(objectivePeriods(range, frequency)).toEqual(expected);
  });

  it('refuses more periods than the limit', () => {
    expect(objectivePeriods({ from: '2027-01-01', to: '2028-12-31' }, 'daily')).toBeNull();
    expect(objectivePeriods({ from: '2027-01-01', to: '2027-12-31' }, 'daily')).toHaveLength(365);
  });
});

describe('completion', () => {
  it.each([
    [5, 10, 50],
    [1, 3, 33.3],
    [25, 10, 250],
    [0, 10, 0],
    [3, 0, null],
    [3, null, null],
  ])('%s of %s → %s%%', (actual, target, percent) => expect(completion(actual, target)).toBe(percent));
});
