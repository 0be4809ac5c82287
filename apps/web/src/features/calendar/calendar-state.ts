import { EVENT_TYPES, type EventType } from '@crm/domain';
import dayjs from 'dayjs';
import { isOccurrence, originalStartOf, type CalendarItem, type EventsQuery } from '../events/event-types';

/** The calendar's views, as the URL names them, and FullCalendar's names for them. */
export const CALENDAR_VIEWS = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay', list: 'listWeek' } as const;
export type CalendarViewName = keyof typeof CALENDAR_VIEWS;
export type ColorBy = 'type' | 'user';

/** Whose events are shown: the signed-in user's (default), everyone's, or the chosen users'. */
export type UserFilter = { kind: 'mine' } | { kind: 'all' } | { kind: 'some'; ids: string[] };

/**
 * An event whose form the calendar opens (clicked, from a notification, or
 * a shared link): the event, or series, and for one occurrence of a series
 * its start (ISO 8601, as the series places it).
 */
export interface OpenedEvent {
  eventId: string;
  occurrenceStartAt: string | null;
}

/** Everything the calendar shows, all kept in the URL so a view can be bookmarked. */
export interface CalendarState {
  view: CalendarViewName;
  /** `YYYY-MM-DD`: a day inside the shown range. */
  date: string;
  colorBy: ColorBy;
  types: EventType[];
  users: UserFilter;
  teamId: string | null;
  calendarId: string | null;
  /** `event` and `occurrence`: the event open in the form, so a reload or a shared link opens it again. */
  opened: OpenedEvent | null;
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

/** An ISO instant, written as the API writes it (so it names the same occurrence); null when it is not one. */
function instant(value: string | null): string | null {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function parseCalendarState(params: URLSearchParams, today: string): CalendarState {
  const view = params.get('view');
  const date = params.get('date');
  const users = params.get('users');
  const eventId = params.get('event');
  return {
    view: view && view in CALENDAR_VIEWS ? (view as CalendarViewName) : 'week',
    date: date && dayjs(date, 'YYYY-MM-DD').isValid() && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today,
    colorBy: params.get('colorBy') === 'user' ? 'user' : 'type',
    types: list(params.get('types')).filter((type): type is EventType => (EVENT_TYPES as readonly string[]).includes(type)),
    users: users === null ? { kind: 'mine' } : users === 'all' ? { kind: 'all' } : { kind: 'some', ids: list(users) },
    teamId: params.get('teamId') || null,
    calendarId: params.get('calendarId') || null,
    opened: eventId ? { eventId, occurrenceStartAt: instant(params.get('occurrence')) } : null,
  };
}

/** The URL's search parameters for a state; defaults are left out so plain `/events` stays plain. */
export function writeCalendarState(state: CalendarState, today: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== 'week') params.set('view', state.view);
  if (state.date !== today) params.set('date', state.date);
  if (state.colorBy !== 'type') params.set('colorBy', state.colorBy);
  if (state.types.length > 0) params.set('types', state.types.join(','));
  if (state.users.kind === 'all') params.set('users', 'all');
  if (state.users.kind === 'some') params.set('users', state.users.ids.join(','));
  if (state.teamId) params.set('teamId', state.teamId);
  if (state.calendarId) params.set('calendarId', state.calendarId);
  if (state.opened) params.set('event', state.opened.eventId);
  if (state.opened?.occurrenceStartAt) params.set('occurrence', state.opened.occurrenceStartAt);
  return params;
}

/**
 * What the URL keeps of a calendar item opened by a click: its row (the
 * event; the series, for one of its occurrences; an occurrence's own row
 * once edited on its own) and, for an occurrence, its start in the series.
 */
export function openedItem(item: Pick<CalendarItem, 'id' | 'seriesId' | 'originalStartAt' | 'occurrenceId' | 'startAt'>): OpenedEvent {
  return { eventId: item.id, occurrenceStartAt: isOccurrence(item) ? instant(originalStartOf(item)) : null };
}

/**
 * The calendar at the day of an event (or occurrence) with its form open:
 * `/events?date=…&event=…&occurrence=…`, a link that works again after a
 * reload or from someone else's browser. Without a start (an older
 * notification), the calendar shows today.
 */
export function openedEventPath(opened: OpenedEvent): string {
  const start = instant(opened.occurrenceStartAt);
  const params = new URLSearchParams();
  // the day always, not left out when it is today: the link may be opened another day
  if (start) params.set('date', dayjs(start).format('YYYY-MM-DD'));
  params.set('event', opened.eventId);
  if (start) params.set('occurrence', start);
  return `/events?${params.toString()}`;
}

/** Who the calendar is about when no team or calendar configuration says: the signed-in user, or every user (by id). */
export interface CalendarPeople {
  meId: string | undefined;
  everyone: string[];
}

/**
 * Whose events the API is asked for. A chosen calendar or team brings its
 * own people (the API finds them), so "mine" and "everyone" only apply
 * without them; the API reads no user as "the caller", so everyone is every
 * user, by id.
 */
export function assignedToIds(state: CalendarState, people: CalendarPeople): string[] {
  if (state.users.kind === 'some') return state.users.ids;
  if (state.teamId || state.calendarId) return [];
  if (state.users.kind === 'all') return people.everyone;
  return people.meId ? [people.meId] : [];
}

export interface VisibleRange {
  start: Date;
  end: Date;
}

/**
 * `GET /events?from&to&...`: every occurrence overlapping the shown range,
 * with the filters (lists repeat their parameter). Null while "everyone" is
 * not known yet: without people, team or calendar the API answers the
 * caller's own events.
 */
export function calendarQuery(range: VisibleRange, state: CalendarState, people: CalendarPeople): EventsQuery | null {
  const query: EventsQuery = { from: range.start.toISOString(), to: range.end.toISOString() };
  const users = assignedToIds(state, people);
  if (users.length > 0) query.assignedToId = users;
  else if (!state.teamId && !state.calendarId) return null;
  if (state.types.length > 0) query.type = state.types;
  if (state.teamId) query.teamId = state.teamId;
  if (state.calendarId) query.calendarId = state.calendarId;
  return query;
}
