import { describe, expect, it } from 'vitest';
import { anEvent } from '../../test/fixtures';
import { on, page, problem, stubApi } from '../../test/http';
import type { CalendarEvent } from '../events/event-types';
import { findOpenedEvent } from './use-opened-event';

const organiser = crypto.randomUUID();
const series = anEvent({
  version: 3,
  subject: 'Weekly sync',
  endAt: '2026-12-02T10:30:00.000Z',
  assignedToId: organiser,
  reminders: [{ offsetMinutes: 10, channel: 'notification' }],
  recurrence: { frequency: 'weekly', interval: 1 },
  seriesEndAt: null,
});
const third = '2026-12-16T10:00:00.000Z';
const occurrence = (startAt: string, overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  ...series,
  startAt,
  endAt: new Date(Date.parse(startAt) + 30 * 60_000).toISOString(),
  seriesId: series.id,
  originalStartAt: startAt,
  occurrenceId: `${series.id}:${startAt}`,
  ...overrides,
});

describe('the event a calendar link opens', () => {
  it('opens a single event, or an edited occurrence (a row of its own), as loaded, asking nothing more', async () => {
    const single = { ...series, id: crypto.randomUUID(), recurrence: null, seriesEndAt: series.endAt };
    const edited = { ...occurrence(third), id: crypto.randomUUID(), recurrence: null, occurrenceId: undefined };
    for (const row of [single, edited]) {
      const { requests } = stubApi(on('GET', `/api/v1/events/${row.id}`, { status: 200, body: row }));
      expect(await findOpenedEvent({ eventId: row.id, occurrenceStartAt: row.startAt })).toEqual(row);
      expect(requests.map((request) => request.url.pathname)).toEqual([`/api/v1/events/${row.id}`]);
    }
  });

  it('opens the occurrence of a series at that start, as the calendar shows it, whoever organises it', async () => {
    const wanted = occurrence(third, { location: 'Room 2' });
    const { requests } = stubApi(
      on('GET', `/api/v1/events/${series.id}`, { status: 200, body: series }),
      on('GET', '/api/v1/events', { status: 200, body: page([occurrence('2026-12-16T09:45:00.000Z', { occurrenceId: 'other' }), wanted]) }),
    );
    expect(await findOpenedEvent({ eventId: series.id, occurrenceStartAt: third })).toEqual(wanted);
    const range = requests.find((request) => request.url.pathname === '/api/v1/events')!.url.searchParams;
    expect(Object.fromEntries(range)).toEqual({ from: third, to: '2026-12-16T10:30:00.000Z', assignedToId: organiser });
  });

  it('finds nothing when the series no longer has that occurrence (cancelled, or moved on its own)', async () => {
    stubApi(on('GET', `/api/v1/events/${series.id}`, { status: 200, body: series }), on('GET', '/api/v1/events', { status: 200, body: page([]) }));
    expect(await findOpenedEvent({ eventId: series.id, occurrenceStartAt: third })).toBeNull();
  });

  it('fails with the API’s answer when the event is gone', async () => {
    stubApi(on('GET', `/api/v1/events/${series.id}`, { status: 404, body: problem(404, 'Event not found.') }));
    await expect(findOpenedEvent({ eventId: series.id, occurrenceStartAt: third })).rejects.toThrow('Event not found.');
  });
});
