import { occurrenceId } from '@crm/domain';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { fetchEvent } from '../events/event-api';
import type { CalendarEvent } from '../events/event-types';
import type { OpenedEvent } from './calendar-state';

/**
 * The calendar item an `OpenedEvent` names, as the form edits it: a single
 * event or an edited occurrence as loaded; for a series, its occurrence at
 * that start as the calendar would show it (edited on its own, it is that
 * row). Null when the series no longer has it there (cancelled, or edited to
 * another time). Read whoever organises it, whatever the calendar's filters.
 */
export async function findOpenedEvent(opened: OpenedEvent): Promise<CalendarEvent | null> {
  const event = await fetchEvent(opened.eventId);
  if (!event.recurrence || !opened.occurrenceStartAt) return event;
  const start = new Date(opened.occurrenceStartAt);
  const length = Date.parse(event.endAt) - Date.parse(event.startAt);
  const query = { from: start.toISOString(), to: new Date(start.getTime() + length).toISOString(), assignedToId: [event.assignedToId] };
  // full items (the default view): the item the form opens on, which it then reads afresh by id for the current version
  const items = unwrap(await client.GET('/api/v1/events', { params: { query } })).items as CalendarEvent[];
  const wanted = occurrenceId(event.id, start);
  return items.find((item) => item.occurrenceId === wanted) ?? null;
}

/**
 * The event the calendar's URL opens, read afresh each time it is opened
 * (not kept once closed). Kept apart from the event queries, so a save from
 * its form does not fetch it again while the form closes.
 */
export function useOpenedEvent(opened: OpenedEvent | null) {
  return useQuery({
    queryKey: ['calendar-opened-event', opened],
    enabled: opened !== null,
    queryFn: () => findOpenedEvent(opened!),
    gcTime: 0,
  });
}
