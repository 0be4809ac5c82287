import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { EVENTS_PATH, type CalendarEvent, type CalendarItem, type EventsQuery } from './event-types';

type CreateEventBody = components['schemas']['CreateEventDto'];
type UpdateEventBody = components['schemas']['UpdateEventDto'];
type UpdateOccurrenceBody = components['schemas']['UpdateOccurrenceDto'];

/** Under the collection's key, like every resource: one invalidation refreshes calendars, lists and records. */
export const eventKeys = {
  all: [EVENTS_PATH] as const,
  calendar: (query: EventsQuery) => [EVENTS_PATH, 'calendar', query] as const,
  list: (query: EventsQuery) => [EVENTS_PATH, 'list', query] as const,
  record: (id: string) => [EVENTS_PATH, 'record', id] as const,
};

/** The occurrences overlapping a range (`from`, `to`, filters): the calendar's data, one query per range and filters. */
export function useCalendarEvents(query: EventsQuery | null) {
  return useQuery({
    queryKey: eventKeys.calendar(query ?? {}),
    enabled: query !== null,
    // compact items: a quarter of the bytes of full ones, and what the grid needs (the form loads the rest)
    queryFn: async (): Promise<CalendarItem[]> =>
      unwrap(await client.GET('/api/v1/events', { params: { query: { ...query, view: 'compact' } } })).items as CalendarItem[],
    // Moving to the next week keeps this week's events on screen until the next ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** A record's events (`?leadId=` ...), newest first, paged like any list. */
export function useEventList(query: EventsQuery) {
  return useQuery({
    queryKey: eventKeys.list(query),
    queryFn: async () => {
      const page = unwrap(await client.GET('/api/v1/events', { params: { query } }));
      // without from/to the API lists whole event rows, never compact items
      return { ...page, items: page.items as CalendarEvent[] };
    },
    placeholderData: keepPreviousData,
  });
}

export async function fetchEvent(id: string): Promise<CalendarEvent> {
  return unwrap(await client.GET('/api/v1/events/{id}', { params: { path: { id } } }));
}

export function useEvent(id: string | null) {
  return useQuery({ queryKey: eventKeys.record(id ?? ''), enabled: Boolean(id), queryFn: () => fetchEvent(id!) });
}

/**
 * What a change of an event is sent as: a new event, the event (or whole
 * series) itself, one occurrence of a series, or one occurrence and the
 * following ones (the series is cut there, a new series takes the change).
 */
export type EventWrite =
  | { kind: 'create'; body: CreateEventBody }
  | { kind: 'event'; id: string; body: UpdateEventBody }
  | { kind: 'occurrence'; seriesId: string; originalStartAt: string; body: UpdateOccurrenceBody }
  | { kind: 'following'; seriesId: string; originalStartAt: string; body: UpdateEventBody };

export async function writeEvent(write: EventWrite): Promise<CalendarEvent> {
  switch (write.kind) {
    case 'create':
      return unwrap(await client.POST('/api/v1/events', { body: write.body }));
    case 'event':
      return unwrap(await client.PATCH('/api/v1/events/{id}', { params: { path: { id: write.id } }, body: write.body }));
    case 'occurrence':
      return unwrap(
        await client.PATCH('/api/v1/events/{seriesId}/occurrences/{originalStartAt}', {
          params: { path: { seriesId: write.seriesId, originalStartAt: write.originalStartAt } },
          body: write.body,
        }),
      );
    case 'following':
      return unwrap(
        await client.PATCH('/api/v1/events/{seriesId}/occurrences/{originalStartAt}/following', {
          params: { path: { seriesId: write.seriesId, originalStartAt: write.originalStartAt } },
          body: write.body,
        }),
      );
  }
}

/** Saves an event change; every calendar and list showing events is refreshed, whatever the answer. */
export function useWriteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: writeEvent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export type EventRemoval = { kind: 'event'; id: string } | { kind: 'occurrence' | 'following'; seriesId: string; originalStartAt: string };

/** Deletes an event or a whole series, cancels one occurrence of a series, or ends a series before one occurrence. */
export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (removal: EventRemoval) => {
      if (removal.kind === 'event') {
        unwrap(await client.DELETE('/api/v1/events/{id}', { params: { path: { id: removal.id } } }));
        return;
      }
      const path = { seriesId: removal.seriesId, originalStartAt: removal.originalStartAt };
      if (removal.kind === 'occurrence') unwrap(await client.DELETE('/api/v1/events/{seriesId}/occurrences/{originalStartAt}', { params: { path } }));
      else unwrap(await client.DELETE('/api/v1/events/{seriesId}/occurrences/{originalStartAt}/following', { params: { path } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
