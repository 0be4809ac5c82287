import type { components, operations } from '../../api/schema';

export const EVENTS_PATH = '/api/v1/events';

type EventView = components['schemas']['EventView'];

/** An event as the API answers it (`GET /events/:id`), and each occurrence of a full calendar answer (with its `occurrenceId`). */
export type CalendarEvent = EventView & { occurrenceId?: string | null };

/**
 * An item of the calendar screen (`view=compact`): what the grid draws and a
 * drag writes with; the form loads the rest (`GET /events/:id`) when it opens.
 */
export type CalendarItem = components['schemas']['EventCalendarItem'];

/** The query of `GET /events`: the calendar range and filters, or a record's events. */
export type EventsQuery = NonNullable<operations['Events_list']['parameters']['query']>;

/** The record an event may be linked to, by its field in the event. */
export type EventLink = Partial<Record<'leadId' | 'partnerId' | 'contactId' | 'opportunityId', string>>;

/**
 * Whether an item is one occurrence of a recurring series (its changes ask
 * "this one or all?"): calendar items of a series and edited occurrences
 * carry `seriesId`; a series listed as one row (a record's events) does not,
 * and is changed as a whole.
 */
export function isOccurrence(event: Pick<CalendarEvent, 'seriesId'>): boolean {
  return Boolean(event.seriesId);
}

/** The series an occurrence belongs to: its `seriesId`, or the event itself for the series' own row. */
export function seriesIdOf(event: Pick<CalendarEvent, 'seriesId' | 'id'>): string {
  return event.seriesId ?? event.id;
}

/** The start of the series occurrence that an item stands for (the key of `/occurrences/:originalStartAt`). */
export function originalStartOf(event: Pick<CalendarEvent, 'originalStartAt' | 'occurrenceId' | 'startAt'>): string {
  if (event.originalStartAt) return event.originalStartAt;
  const fromId = event.occurrenceId?.slice(event.occurrenceId.indexOf(':') + 1);
  return fromId || event.startAt;
}
