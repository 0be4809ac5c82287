import { occurrenceId } from '@crm/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { fetchEvent } from '../events/event-api';
import type { CalendarEvent, CalendarItem } from '../events/event-types';
import { openedItem, type OpenedEvent } from './calendar-state';
import type { CalendarUpdate } from './use-calendar-state';

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
 * The event open in the calendar's form, as the URL names it. A click opens
 * the item clicked, as it is, and adds it to the URL: Back closes it, a
 * reload or a shared link opens it again. Only an event the URL alone names
 * (a link, a reload) is read, with findOpenedEvent, afresh each time it is
 * opened: not kept once closed, and apart from the event queries, so a save
 * from its form does not fetch it again while the form closes. Closing goes
 * back to where the click was, or takes a link's event out of the URL.
 */
export function useOpenedEvent(opened: OpenedEvent | null, update: CalendarUpdate) {
  const navigate = useNavigate();
  const [clicked, setClicked] = useState<CalendarItem | null>(null);
  // the URL names the item clicked (just now, or again after Back and Forward): it opens as clicked
  const fromClick = clicked ? openedItem(clicked) : null;
  const isClicked = opened !== null && fromClick?.eventId === opened.eventId && fromClick.occurrenceStartAt === opened.occurrenceStartAt;
  const query = useQuery({
    queryKey: ['calendar-opened-event', opened],
    enabled: opened !== null && !isClicked,
    queryFn: () => findOpenedEvent(opened!),
    gcTime: 0,
  });
  const item: CalendarItem | CalendarEvent | null = isClicked ? clicked : opened ? (query.data ?? null) : null;
  const open = (next: CalendarItem) => {
    setClicked(next);
    update({ opened: openedItem(next) }, { push: true });
  };
  const close = () => {
    if (isClicked) void navigate(-1);
    else if (opened) update({ opened: null });
  };
  return { item, query, open, close };
}
