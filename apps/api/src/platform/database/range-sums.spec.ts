import { totalsPlan, utcMonthStarts, zoneWindows } from './range-sums';

const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const text = (r: { start: Date; end: Date }) => `${r.start.toISOString().slice(0, 16)}..${r.end.toISOString().slice(0, 16)}`;
const plan = (start: string, end: string) => {
  const { months, add, subtract } = totalsPlan(range(start, end));
  return { months: months && text(months), add: add.map(text), subtract: subtract.map(text) };
};

describe('totalsPlan', () => {
  it.each([
    // 2025 in Paris (UTC+1): the totals of the twelve UTC months, less the last hour of 2025 in UTC, plus the first hour of 2025 in Paris
    [
      '2024-12-31T23:00:00Z',
      '2025-12-31T23:00:00Z',
      { months: '2025-01-01T00:00..2026-01-01T00:00', add: ['2024-12-31T23:00..2025-01-01T00:00'], subtract: ['2025-12-31T23:00..2026-01-01T00:00'] },
    ],
    // whole UTC months: the totals alone
    ['2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z', { months: '2025-01-01T00:00..2025-03-01T00:00', add: [], subtract: [] }],
    // 2025 in New York (UTC-5): January less its first five hours, and five hours of 2026
    [
      '2025-01-01T05:00:00Z',
      '2026-01-01T05:00:00Z',
      { months: '2025-01-01T00:00..2026-01-01T00:00', add: ['2026-01-01T00:00..2026-01-01T05:00'], subtract: ['2025-01-01T00:00..2025-01-01T05:00'] },
    ],
    // mid-month to mid-month: the shorter part of each partial month is read
    [
      '2025-03-20T00:00:00Z',
      '2025-06-10T00:00:00Z',
      { months: '2025-04-01T00:00..2025-06-01T00:00', add: ['2025-03-20T00:00..2025-04-01T00:00', '2025-06-01T00:00..2025-06-10T00:00'], subtract: [] },
    ],
    // inside one month, nearly all of it: the month less both ends
    [
      '2025-03-02T00:00:00Z',
      '2025-03-31T00:00:00Z',
      { months: '2025-03-01T00:00..2025-04-01T00:00', add: [], subtract: ['2025-03-01T00:00..2025-03-02T00:00', '2025-03-31T00:00..2025-04-01T00:00'] },
    ],
    // a few days: the rows alone
    ['2025-03-10T00:00:00Z', '2025-03-12T00:00:00Z', { months: null, add: ['2025-03-10T00:00..2025-03-12T00:00'], subtract: [] }],
  ])('from %s to %s', (start, end, expected) => {
    expect(plan(start, end)).toEqual(expected);
  });
});

describe('utcMonthStarts', () => {
  it('lists every month start, both ends included, across a year end', () => {
    expect(utcMonthStarts(range('2024-11-01T00:00:00Z', '2025-02-01T00:00:00Z')).map((at) => at.toISOString().slice(0, 10))).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
  });
});

describe('zoneWindows', () => {
  const months = range('2025-03-01T00:00:00Z', '2025-05-01T00:00:00Z');
  it.each([
    // March and April in Paris: the rows of 00:00-02:00 on 1 April in Paris are still March in UTC; the range cuts the other two
    ['Europe/Paris', range('2025-02-28T23:00:00Z', '2025-04-30T22:00:00Z'), ['2025-03-31T22:00..2025-04-01T00:00']],
    // in New York, the first hours of each UTC month are still the previous local month
    ['America/New_York', range('2025-03-01T05:00:00Z', '2025-05-01T04:00:00Z'), ['2025-04-01T00:00..2025-04-01T04:00']],
    ['UTC', months, []],
  ])('%s', (zone, within, expected) => {
    expect(zoneWindows(months, zone, within).map(text)).toEqual(expected);
  });
});
