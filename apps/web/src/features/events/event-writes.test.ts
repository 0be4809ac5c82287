import { describe, expect, it } from 'vitest';
import { planChange, planRemoval } from './event-writes';

const single = {
  id: 'e1',
  version: 4,
  startAt: '2026-12-02T10:00:00.000Z',
  endAt: '2026-12-02T11:00:00.000Z',
  seriesId: null,
  recurrence: null,
  originalStartAt: null,
};
const occurrence = {
  id: 's1',
  version: 2,
  startAt: '2026-12-09T10:00:00.000Z',
  endAt: '2026-12-09T11:00:00.000Z',
  seriesId: 's1',
  recurrence: { frequency: 'weekly' as const, interval: 1 },
  originalStartAt: null,
  occurrenceId: 's1:2026-12-09T10:00:00.000Z',
};
const series = { id: 's1', version: 7, startAt: '2026-12-02T10:00:00.000Z', endAt: '2026-12-02T11:00:00.000Z' };
const moved = { startAt: '2026-12-10T10:00:00.000Z', endAt: '2026-12-10T11:00:00.000Z' };

describe('saving a change of a calendar item', () => {
  it('patches a single event with its version', () => {
    expect(planChange(single, moved, null)).toEqual({ kind: 'event', id: 'e1', body: { ...moved, version: 4 } });
  });

  it('patches one occurrence by its original start, without a recurrence of its own', () => {
    expect(planChange(occurrence, { ...moved, recurrence: null }, 'occurrence')).toEqual({
      kind: 'occurrence',
      seriesId: 's1',
      originalStartAt: '2026-12-09T10:00:00.000Z',
      body: { ...moved, version: 2 },
    });
  });

  it('moves the whole series by as much, with the series version', () => {
    expect(planChange(occurrence, moved, 'series', series)).toEqual({
      kind: 'event',
      id: 's1',
      body: { startAt: '2026-12-03T10:00:00.000Z', endAt: '2026-12-03T11:00:00.000Z', version: 7 },
    });
  });

  it('changes this occurrence and the following ones with its own new times and the series version', () => {
    expect(planChange(occurrence, { ...moved, subject: 'From here on', timeZone: 'Europe/Paris' }, 'following', series)).toEqual({
      kind: 'following',
      seriesId: 's1',
      originalStartAt: '2026-12-09T10:00:00.000Z',
      body: { ...moved, subject: 'From here on', timeZone: 'Europe/Paris', version: 7 },
    });
  });

  it('repeats anew from this occurrence on, or the whole series, with the series version', () => {
    const fortnightly = { recurrence: { frequency: 'weekly' as const, interval: 2, byWeekday: ['WE' as const] }, timeZone: 'Europe/Paris' };
    expect(planChange(occurrence, fortnightly, 'following', series)).toEqual({
      kind: 'following',
      seriesId: 's1',
      originalStartAt: '2026-12-09T10:00:00.000Z',
      body: { ...fortnightly, version: 7 },
    });
    expect(planChange(occurrence, fortnightly, 'series', series)).toEqual({ kind: 'event', id: 's1', body: { ...fortnightly, version: 7 } });
  });

  it('cuts the series at an edited occurrence by its original start, with the series version (not the occurrence one)', () => {
    const exception = {
      ...occurrence,
      id: 'x1',
      version: 3,
      startAt: '2026-12-17T10:00:00.000Z',
      originalStartAt: '2026-12-16T10:00:00.000Z',
      occurrenceId: 's1:2026-12-16T10:00:00.000Z',
    };
    expect(planChange(exception, { subject: 'From here on' }, 'following', series)).toEqual({
      kind: 'following',
      seriesId: 's1',
      originalStartAt: '2026-12-16T10:00:00.000Z',
      body: { subject: 'From here on', version: 7 },
    });
  });

  it('needs the series loaded to change this and the following occurrences', () => {
    expect(() => planChange(occurrence, { subject: 'x' }, 'following')).toThrow(/series must be loaded/);
  });

  it('keeps an exception row addressed by its series and original start', () => {
    const exception = { ...occurrence, id: 'x1', originalStartAt: '2026-12-16T10:00:00.000Z', occurrenceId: 's1:2026-12-16T10:00:00.000Z' };
    expect(planChange(exception, { subject: 'Moved' }, 'occurrence')).toMatchObject({
      kind: 'occurrence',
      seriesId: 's1',
      originalStartAt: '2026-12-16T10:00:00.000Z',
    });
  });
});

describe('deleting a calendar item', () => {
  it('changes a series listed as one row as a whole, with its version', () => {
    const seriesRow = { ...single, id: 's1', version: 7, recurrence: { frequency: 'weekly' as const, interval: 1 } };
    expect(planChange(seriesRow, { subject: 'Renamed' }, null)).toEqual({ kind: 'event', id: 's1', body: { subject: 'Renamed', version: 7 } });
    expect(planRemoval(seriesRow, null)).toEqual({ kind: 'event', id: 's1' });
  });

  it('deletes an event, cancels one occurrence, ends the series before it, or deletes the series', () => {
    expect(planRemoval(single, null)).toEqual({ kind: 'event', id: 'e1' });
    expect(planRemoval(occurrence, 'occurrence')).toEqual({ kind: 'occurrence', seriesId: 's1', originalStartAt: '2026-12-09T10:00:00.000Z' });
    expect(planRemoval(occurrence, 'following')).toEqual({ kind: 'following', seriesId: 's1', originalStartAt: '2026-12-09T10:00:00.000Z' });
    expect(planRemoval(occurrence, 'series')).toEqual({ kind: 'event', id: 's1' });
  });
});
