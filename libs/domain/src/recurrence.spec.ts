import { describe, expect, it } from 'vitest';
import {
  cutRecurrence,
  expandOccurrences,
  isOccurrenceStart,
  isValidTimeZone,
  localTimeToInstant,
  occurrenceStartingAt,
  recurrenceProblems,
  seriesEnd,
  toRRule,
} from './recurrence.js';
import type { Recurrence } from './events.js';

const at = (iso: string) => new Date(iso);
const starts = (series: Parameters<typeof expandOccurrences>[0], from: string, to: string) =>
  expandOccurrences(series, at(from), at(to)).map((occurrence) => occurrence.startAt.toISOString());

describe('expandOccurrences', () => {
  const paris = (recurrence: Recurrence, start = '2027-03-15T08:00:00Z', end = '2027-03-15T09:00:00Z') => ({
    startAt: at(start),
    endAt: at(end),
    timeZone: 'Europe/Paris',
    recurrence,
  });

  it.each([
    // Paris is UTC+1 until 28 March 2027, then UTC+2 until 31 October 2027: 09:00 local either way.
    [
      'weekly across the March change',
      paris({ frequency: 'weekly', interval: 1 }),
      '2027-03-15T00:00:00Z',
      '2027-04-06T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z'],
    ],
    [
      'weekly across the October change',
      paris({ frequency: 'weekly', interval: 1 }, '2027-10-18T07:00:00Z', '2027-10-18T08:00:00Z'),
      '2027-10-18T00:00:00Z',
      '2027-11-09T00:00:00Z',
      ['2027-10-18T07:00:00.000Z', '2027-10-25T07:00:00.000Z', '2027-11-01T08:00:00.000Z', '2027-11-08T08:00:00.000Z'],
    ],
    [
      'daily ending after a count',
      paris({ frequency: 'daily', interval: 1, count: 3 }),
      '2027-03-01T00:00:00Z',
      '2027-04-01T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2027-03-16T08:00:00.000Z', '2027-03-17T08:00:00.000Z'],
    ],
    [
      'every 2 days until a date (inclusive, local day)',
      paris({ frequency: 'daily', interval: 2, until: '2027-03-19' }),
      '2027-03-01T00:00:00Z',
      '2027-04-01T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2027-03-17T08:00:00.000Z', '2027-03-19T08:00:00.000Z'],
    ],
    [
      'every 2 weeks on Monday and Wednesday',
      paris({ frequency: 'weekly', interval: 2, byWeekday: ['MO', 'WE'] }),
      '2027-03-15T00:00:00Z',
      '2027-04-01T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2027-03-17T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-03-31T07:00:00.000Z'],
    ],
    [
      'monthly on the start day',
      paris({ frequency: 'monthly', interval: 1, count: 4 }),
      '2027-01-01T00:00:00Z',
      '2028-01-01T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2027-04-15T07:00:00.000Z', '2027-05-15T07:00:00.000Z', '2027-06-15T07:00:00.000Z'],
    ],
    [
      'every 3 months',
      paris({ frequency: 'monthly', interval: 3, count: 3 }),
      '2027-01-01T00:00:00Z',
      '2028-01-01T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2027-06-15T07:00:00.000Z', '2027-09-15T07:00:00.000Z'],
    ],
    [
      'yearly',
      paris({ frequency: 'yearly', interval: 1 }),
      '2027-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
      ['2027-03-15T08:00:00.000Z', '2028-03-15T08:00:00.000Z', '2029-03-15T08:00:00.000Z'],
    ],
    [
      'only the occurrences overlapping the range',
      paris({ frequency: 'daily', interval: 1 }),
      '2027-03-20T08:30:00Z',
      '2027-03-22T08:00:00Z',
      ['2027-03-20T08:00:00.000Z', '2027-03-21T08:00:00.000Z'],
    ],
    ['nothing before the first occurrence', paris({ frequency: 'daily', interval: 1 }), '2027-03-01T00:00:00Z', '2027-03-15T08:00:00Z', []],
    [
      'UTC series keep UTC times',
      { startAt: at('2027-03-26T09:00:00Z'), endAt: at('2027-03-26T09:30:00Z'), timeZone: 'UTC', recurrence: { frequency: 'daily', interval: 1, count: 3 } },
      '2027-03-01T00:00:00Z',
      '2027-04-01T00:00:00Z',
      ['2027-03-26T09:00:00.000Z', '2027-03-27T09:00:00.000Z', '2027-03-28T09:00:00.000Z'],
    ],
  ] as [string, Parameters<typeof expandOccurrences>[0], string, string, string[]][])('%s', (_name, series, from, to, expected) => {
    expect(starts(series, from, to)).toEqual(expected);
  });

  it('keeps the local length: each occurrence of a 09:00-10:00 meeting ends at 10:00 local', () => {
    const occurrences = expandOccurrences(paris({ frequency: 'weekly', interval: 1, count: 3 }), at('2027-03-01T00:00:00Z'), at('2027-04-30T00:00:00Z'));
    expect(occurrences.map((o) => o.endAt.toISOString())).toEqual(['2027-03-15T09:00:00.000Z', '2027-03-22T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
  });

  it('keeps an all-day event a whole local day across the change', () => {
    const allDay = {
      startAt: at('2027-03-27T23:00:00Z'),
      endAt: at('2027-03-28T22:00:00Z'),
      timeZone: 'Europe/Paris',
      recurrence: { frequency: 'daily', interval: 1, count: 2 } as Recurrence,
    };
    const occurrences = expandOccurrences(allDay, at('2027-03-27T00:00:00Z'), at('2027-04-01T00:00:00Z'));
    expect(occurrences.map((o) => [o.startAt.toISOString(), o.endAt.toISOString()])).toEqual([
      ['2027-03-27T23:00:00.000Z', '2027-03-28T22:00:00.000Z'],
      ['2027-03-28T22:00:00.000Z', '2027-03-29T22:00:00.000Z'],
    ]);
  });

  it('moves an occurrence inside the DST gap forward by the gap, keeping its length (02:30–03:00 in Paris on 28 March 2027)', () => {
    const nightly = {
      startAt: at('2027-03-27T01:30:00Z'),
      endAt: at('2027-03-27T02:00:00Z'),
      timeZone: 'Europe/Paris',
      recurrence: { frequency: 'daily', interval: 1, count: 3 } as Recurrence,
    };
    const occurrences = expandOccurrences(nightly, at('2027-03-27T00:00:00Z'), at('2027-03-30T00:00:00Z'));
    expect(occurrences.map((o) => [o.startAt.toISOString(), o.endAt.toISOString()])).toEqual([
      ['2027-03-27T01:30:00.000Z', '2027-03-27T02:00:00.000Z'],
      // 02:30 local does not exist that night: an hour later, 03:30 local (01:30 UTC), for its 30 minutes
      ['2027-03-28T01:30:00.000Z', '2027-03-28T02:00:00.000Z'],
      ['2027-03-29T00:30:00.000Z', '2027-03-29T01:00:00.000Z'],
    ]);
    expect(isOccurrenceStart(nightly, at('2027-03-28T01:30:00Z'))).toBe(true);
  });

  it('includes an occurrence that started before the range and is still running', () => {
    const series = paris({ frequency: 'daily', interval: 1 }, '2027-03-15T08:00:00Z', '2027-03-15T20:00:00Z');
    expect(starts(series, '2027-03-16T12:00:00Z', '2027-03-16T13:00:00Z')).toEqual(['2027-03-16T08:00:00.000Z']);
  });

  it('returns nothing for an empty range', () => {
    expect(starts(paris({ frequency: 'daily', interval: 1 }), '2027-03-20T00:00:00Z', '2027-03-20T00:00:00Z')).toEqual([]);
  });
});

describe('isOccurrenceStart', () => {
  const series = {
    startAt: at('2027-03-15T08:00:00Z'),
    endAt: at('2027-03-15T09:00:00Z'),
    timeZone: 'Europe/Paris',
    recurrence: { frequency: 'weekly', interval: 1 } as Recurrence,
  };
  it.each([
    ['2027-03-15T08:00:00Z', true],
    ['2027-03-29T07:00:00Z', true],
    ['2027-03-29T08:00:00Z', false],
    ['2027-03-16T08:00:00Z', false],
  ])('%s → %s', (startAt, expected) => {
    expect(isOccurrenceStart(series, at(startAt))).toBe(expected);
  });
});

describe('seriesEnd', () => {
  const base = { startAt: at('2027-03-15T08:00:00Z'), endAt: at('2027-03-15T09:00:00Z'), timeZone: 'Europe/Paris' };
  it.each([
    [{ frequency: 'weekly', interval: 1 }, null],
    [{ frequency: 'weekly', interval: 1, count: 3 }, '2027-03-29T08:00:00.000Z'],
    [{ frequency: 'daily', interval: 1, until: '2027-03-17' }, '2027-03-17T09:00:00.000Z'],
    [{ frequency: 'daily', interval: 1, until: '2027-03-01' }, '2027-03-15T09:00:00.000Z'],
  ] as [Recurrence, string | null][])('%j → %s', (recurrence, expected) => {
    expect(seriesEnd({ ...base, recurrence })?.toISOString() ?? null).toBe(expected);
  });
});

describe('toRRule', () => {
  const start = at('2027-03-15T08:00:00Z');
  it.each([
    [
      { frequency: 'weekly', interval: 1, byWeekday: ['MO', 'WE'], until: '2026-12-31T23:00:00Z' },
      'Europe/Paris',
      {},
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20261231T230000Z',
    ],
    [
      { frequency: 'weekly', interval: 1, byWeekday: ['MO', 'WE'], until: '2027-01-01' },
      'UTC',
      {},
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20270101T235959Z',
    ],
    [{ frequency: 'daily', interval: 2, until: '2027-04-01' }, 'Europe/Paris', {}, 'FREQ=DAILY;INTERVAL=2;UNTIL=20270401T215959Z'],
    [{ frequency: 'monthly', interval: 3, count: 4 }, 'Europe/Paris', {}, 'FREQ=MONTHLY;INTERVAL=3;COUNT=4'],
    [{ frequency: 'yearly', interval: 1 }, 'UTC', {}, 'FREQ=YEARLY;INTERVAL=1'],
    [{ frequency: 'daily', interval: 1, until: '2027-04-01' }, 'Europe/Paris', { allDay: true }, 'FREQ=DAILY;INTERVAL=1;UNTIL=20270401'],
  ] as [Recurrence, string, { allDay?: boolean }, string][])('%j in %s', (recurrence, zone, options, expected) => {
    expect(toRRule(recurrence, start, zone, options)).toBe(expected);
  });
});

describe('recurrenceProblems', () => {
  const start = at('2027-03-15T08:00:00Z');
  it.each([
    [{ frequency: 'weekly', interval: 1, byWeekday: ['MO'] }, []],
    [{ frequency: 'daily', interval: 1, count: 5 }, []],
    [{ frequency: 'hourly', interval: 1 }, ['frequency']],
    [{ frequency: 'daily', interval: 0 }, ['interval']],
    [{ frequency: 'daily', interval: 1.5 }, ['interval']],
    [{ frequency: 'daily', interval: 1, byWeekday: ['MO'] }, ['byWeekday']],
    [{ frequency: 'weekly', interval: 1, byWeekday: [] }, ['byWeekday']],
    [{ frequency: 'weekly', interval: 1, byWeekday: ['XX'] }, ['byWeekday']],
    [{ frequency: 'weekly', interval: 1, byWeekday: ['MO', 'MO'] }, ['byWeekday']],
    [{ frequency: 'daily', interval: 1, count: 2, until: '2027-04-01' }, ['until']],
    [{ frequency: 'daily', interval: 1, count: 0 }, ['count']],
    [{ frequency: 'daily', interval: 1, until: 'soon' }, ['until']],
    [{ frequency: 'daily', interval: 1, until: '2027-03-01' }, ['until']],
  ] as [Recurrence, string[]][])('%j → %j', (recurrence, fields) => {
    expect(recurrenceProblems(recurrence, start, 'Europe/Paris').map((problem) => problem.field)).toEqual(fields);
  });
});

describe('localTimeToInstant', () => {
  it.each([
    ['2027-03-26', 9, 0, 'Europe/Paris', '2027-03-26T08:00:00.000Z'],
    ['2027-03-29', 9, 0, 'Europe/Paris', '2027-03-29T07:00:00.000Z'],
    ['2027-03-29', 9, 30, 'UTC', '2027-03-29T09:30:00.000Z'],
  ] as [string, number, number, string, string][])('%s %i:%i in %s → %s', (day, hour, minute, zone, expected) => {
    expect(localTimeToInstant(day, hour, minute, zone).toISOString()).toBe(expected);
  });
});

describe('expandOccurrences far from the start (periods skipped)', () => {
  // the same occurrences as expanding from the first one and keeping those in the range
  const paris = (recurrence: Recurrence) => ({ startAt: at('2023-01-04T08:00:00Z'), endAt: at('2023-01-04T09:00:00Z'), timeZone: 'Europe/Paris', recurrence });
  it.each([
    [{ frequency: 'weekly', interval: 1, byWeekday: ['MO', 'WE', 'FR'] }],
    [{ frequency: 'weekly', interval: 2, byWeekday: ['MO', 'TU'], count: 300 }],
    [{ frequency: 'weekly', interval: 3, byWeekday: ['WE', 'SU'], count: 241 }],
    [{ frequency: 'weekly', interval: 1, count: 200 }],
    [{ frequency: 'daily', interval: 3, count: 500 }],
    [{ frequency: 'daily', interval: 1, until: '2027-03-30' }],
    [{ frequency: 'monthly', interval: 1 }],
    [{ frequency: 'monthly', interval: 5, count: 20 }],
    [{ frequency: 'yearly', interval: 1, count: 4 }],
  ] as [Recurrence][])('%j', (recurrence) => {
    const series = paris(recurrence);
    for (const [from, to] of [
      ['2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z'],
      ['2027-03-22T00:00:00Z', '2027-04-05T00:00:00Z'],
      ['2024-12-30T00:00:00Z', '2025-01-06T00:00:00Z'],
    ]) {
      const all = expandOccurrences(series, at('2023-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'))
        .filter((o) => o.startAt < at(to) && o.endAt > at(from))
        .map((o) => o.startAt.toISOString());
      expect(starts(series, from, to)).toEqual(all);
    }
  });
});

describe('occurrenceStartingAt', () => {
  const series = {
    startAt: at('2027-03-15T08:00:00Z'),
    endAt: at('2027-03-15T09:30:00Z'),
    timeZone: 'Europe/Paris',
    recurrence: { frequency: 'weekly', interval: 1 } as Recurrence,
  };
  it('is the occurrence with its own end (09:00-10:30 local after the change)', () => {
    expect(occurrenceStartingAt(series, at('2027-03-29T07:00:00Z'))).toEqual({ startAt: at('2027-03-29T07:00:00Z'), endAt: at('2027-03-29T08:30:00Z') });
  });
  it('is null between occurrences', () => {
    expect(occurrenceStartingAt(series, at('2027-03-29T08:00:00Z'))).toBeNull();
  });
});

describe('cutRecurrence', () => {
  // Paris: 09:00 local is 08:00 UTC before 28 March 2027, 07:00 UTC after
  const paris = (recurrence: Recurrence, start = '2027-03-15T08:00:00Z', end = '2027-03-15T09:00:00Z') => ({
    startAt: at(start),
    endAt: at(end),
    timeZone: 'Europe/Paris',
    recurrence,
  });

  it.each([
    [
      'an endless weekly series ends the day before',
      paris({ frequency: 'weekly', interval: 1 }),
      '2027-03-29T07:00:00Z',
      { before: { frequency: 'weekly', interval: 1, until: '2027-03-28' }, after: { frequency: 'weekly', interval: 1 } },
    ],
    [
      'a counted series shares its count',
      paris({ frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 }),
      '2027-03-29T07:00:00Z',
      { before: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 2 }, after: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 4 } },
    ],
    [
      'a series until a day keeps that day for the second part',
      paris({ frequency: 'daily', interval: 2, until: '2027-04-30' }),
      '2027-03-21T08:00:00Z',
      { before: { frequency: 'daily', interval: 2, until: '2027-03-20' }, after: { frequency: 'daily', interval: 2, until: '2027-04-30' } },
    ],
    [
      'the last occurrence of a count leaves one for the second part',
      paris({ frequency: 'daily', interval: 1, count: 3 }),
      '2027-03-17T08:00:00Z',
      { before: { frequency: 'daily', interval: 1, count: 2 }, after: { frequency: 'daily', interval: 1, count: 1 } },
    ],
  ] as [string, Parameters<typeof cutRecurrence>[0], string, unknown][])('%s', (_name, series, cutAt, expected) => {
    expect(cutRecurrence(series, at(cutAt))).toEqual(expected);
  });

  it.each([
    ['its start', paris({ frequency: 'weekly', interval: 1, count: 5 }), '2027-03-15T08:00:00Z'],
    // a Monday start on Wednesdays and Fridays: the first occurrence is that Wednesday
    ['its first occurrence after a start off the pattern', paris({ frequency: 'weekly', interval: 1, byWeekday: ['WE', 'FR'] }), '2027-03-17T08:00:00Z'],
  ] as [string, Parameters<typeof cutRecurrence>[0], string][])('is null at %s: the whole series changes', (_name, series, cutAt) => {
    expect(cutRecurrence(series, at(cutAt))).toBeNull();
  });

  // The two parts together have the series' occurrences: none lost, none twice.
  it.each([
    [{ frequency: 'weekly', interval: 1 }, '2027-04-05T07:00:00Z'],
    [{ frequency: 'weekly', interval: 1, count: 8 }, '2027-03-29T07:00:00Z'],
    [{ frequency: 'weekly', interval: 2, byWeekday: ['MO', 'WE'], count: 9 }, '2027-03-31T07:00:00Z'],
    [{ frequency: 'weekly', interval: 2, byWeekday: ['MO', 'WE'] }, '2027-04-12T07:00:00Z'],
    [{ frequency: 'daily', interval: 3, until: '2027-05-01' }, '2027-03-27T08:00:00Z'],
    [{ frequency: 'daily', interval: 1, count: 30 }, '2027-03-28T07:00:00Z'],
    [{ frequency: 'monthly', interval: 1, count: 6 }, '2027-06-15T07:00:00Z'],
    [{ frequency: 'yearly', interval: 1 }, '2029-03-15T08:00:00Z'],
  ] as [Recurrence, string][])('%j cut at %s', (recurrence, cutAt) => {
    const series = paris(recurrence);
    const cut = cutRecurrence(series, at(cutAt))!;
    const occurrence = occurrenceStartingAt(series, at(cutAt))!;
    const [from, to] = [at('2027-01-01T00:00:00Z'), at('2031-01-01T00:00:00Z')];
    const all = (part: Parameters<typeof expandOccurrences>[0]) =>
      expandOccurrences(part, from, to).map((o) => [o.startAt.toISOString(), o.endAt.toISOString()]);
    const parts = [...all({ ...series, recurrence: cut.before }), ...all({ ...occurrence, timeZone: series.timeZone, recurrence: cut.after })];
    expect(parts).toEqual(all(series));
    expect(parts.findIndex(([start]) => start === occurrence.startAt.toISOString())).toBe(all({ ...series, recurrence: cut.before }).length);
  });

  it('cuts at an occurrence a DST gap moved forward (02:30 does not exist on 28 March in Paris: 03:30)', () => {
    const series = paris({ frequency: 'daily', interval: 1, count: 4 }, '2027-03-27T01:30:00Z', '2027-03-27T03:00:00Z');
    const moved = occurrenceStartingAt(series, at('2027-03-28T01:30:00Z'))!;
    expect(moved.startAt.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(cutRecurrence(series, moved.startAt)).toEqual({
      before: { frequency: 'daily', interval: 1, count: 1 },
      after: { frequency: 'daily', interval: 1, count: 3 },
    });
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/Paris', 'America/New_York', 'UTC', 'Etc/GMT+5'])('accepts the IANA zone %s', (zone) => expect(isValidTimeZone(zone)).toBe(true));
  it.each(['Local', 'local', 'system', 'Mars/Olympus', '', '+02:00'])('refuses %j', (zone) => expect(isValidTimeZone(zone)).toBe(false));
});
