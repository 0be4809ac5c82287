import { describe, expect, it } from 'vitest';
import { on, page, problem, stubApi } from '../../test/http';
import type { CalendarEvent } from '../events/event-types';
import { findOpenedEvent } from './use-opened-event';

const organiser = crypto.randomUUID();
const series: CalendarEvent = {
  id: crypto.randomUUID(),
  createdAt: '2026-11-28T09:30:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  createdById: null,
  version: 3,
  type: 'meeting',
  status: 'planned',
  callDirection: null,
  subject: 'Weekly sync',
  description: null,
  location: null,
  categoryId: null,
  startAt: '2026-12-02T10:00:00.000Z',
  endAt: '2026-12-02T10:30:00.000Z',
  allDay: false,
  timeZone: 'UTC',
  priority: null,
  assignedToId: organiser,
  teamId: null,
  leadId: null,
  partnerId: null,
  contactId: null,
  opportunityId: null,
  reminders: [{ offsetMinutes: 10, channel: 'notification' }],
  recurrence: { frequency: 'weekly', interval: 1 },
  seriesEndAt: null,
  seriesId: null,
  originalStartAt: null,
  attendeeUserIds: [],
  attendeeContactIds: [],
};
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
