import type { EventType } from '@crm/domain';
import dayjs from 'dayjs';
import { openedEventPath, openedItem } from '../calendar/calendar-state';
import type { CalendarEvent, EventLink, EventsQuery } from '../events/event-types';

/**
 * The pure part of the events lists (Events > Calls, Meetings, Tasks, All
 * events): which rows a list and its URL ask for, the quick views, and the
 * overdue rule the rows are flagged by.
 */

export const ACTIVITY_KINDS = ['calls', 'meetings', 'tasks', 'all'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

interface KindInfo {
  title: string;
  /** Plural noun of the messages: "No calls match these filters". */
  noun: string;
  /** The one type of the list; none for "All events". */
  type: EventType | null;
  path: string;
  /** Tasks are read by due time, ascending; the others newest first. */
  defaultSort: string;
}

export const KINDS: Record<ActivityKind, KindInfo> = {
  calls: { title: 'Calls', noun: 'calls', type: 'call', path: '/events/calls', defaultSort: '-startAt' },
  meetings: { title: 'Meetings', noun: 'meetings', type: 'meeting', path: '/events/meetings', defaultSort: '-startAt' },
  tasks: { title: 'Tasks', noun: 'tasks', type: 'task', path: '/events/tasks', defaultSort: 'endAt' },
  all: { title: 'All events', noun: 'events', type: null, path: '/events/all', defaultSort: '-startAt' },
};

/** The list's URL parameters besides search, sort and paging; each is also the API's filter of that name, but for the ones read below. */
export const ACTIVITY_PARAMS = [
  'status',
  'type',
  'callDirection',
  'priority',
  'assignedToId',
  'teamId',
  'leadId',
  'partnerId',
  'contactId',
  'opportunityId',
  'startFrom',
  'startTo',
  'overdue',
] as const;
export type ActivityParam = (typeof ACTIVITY_PARAMS)[number];
export type ActivityValues = Partial<Record<ActivityParam, string>>;

/** `assignedToId=all`: everyone's events. Without the parameter: the signed-in user's. */
export const EVERYONE = 'all';
/** A day bound that follows the calendar: `startFrom=today` stays today's in a bookmark. */
export const TODAY = 'today';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day bound of the URL as the API takes it: `today` resolved, anything that is not a day dropped. */
export function resolveDay(value: string | undefined, today: string): string | undefined {
  if (value === TODAY) return today;
  return value && DAY.test(value) ? value : undefined;
}

const LINK_PARAMS = ['leadId', 'partnerId', 'contactId', 'opportunityId'] as const;

/**
 * `GET /events` for a list and the values of its URL: the list's type, whose
 * events (the user's unless the URL says someone else or everyone), and the
 * filters as the API names them.
 */
export function activitiesQuery(kind: ActivityKind, values: ActivityValues, context: { meId: string; today: string }): EventsQuery {
  const query: EventsQuery = {};
  const type = KINDS[kind].type ?? values.type;
  if (type) query.type = [type as EventType];
  const assignee = values.assignedToId;
  if (assignee !== EVERYONE) query.assignedToId = [assignee || context.meId];
  if (values.teamId) query.teamId = values.teamId;
  if (values.status) query.status = values.status as EventsQuery['status'];
  if (values.callDirection && (kind === 'calls' || type === 'call')) query.callDirection = values.callDirection as EventsQuery['callDirection'];
  if (values.priority && (kind === 'tasks' || type === 'task')) query.priority = values.priority as EventsQuery['priority'];
  if (values.overdue === 'true' || values.overdue === 'false') query.overdue = values.overdue === 'true';
  for (const param of LINK_PARAMS) if (values[param]) query[param] = values[param];
  const from = resolveDay(values.startFrom, context.today);
  const to = resolveDay(values.startTo, context.today);
  if (from) query.startFrom = from;
  if (to) query.startTo = to;
  return query;
}

export interface QuickView {
  id: string;
  label: string;
  kind: ActivityKind;
  /** The URL parameters the view sets; the others are cleared. */
  params: Record<string, string>;
}

/** One click to the lists asked for most; each is a plain URL, so it can be bookmarked too. */
export const QUICK_VIEWS: QuickView[] = [
  { id: 'open-tasks', label: 'My open tasks', kind: 'tasks', params: { status: 'planned' } },
  { id: 'overdue', label: 'Overdue', kind: 'tasks', params: { overdue: 'true' } },
  { id: 'today-calls', label: "Today's calls", kind: 'calls', params: { startFrom: TODAY, startTo: TODAY, sort: 'startAt' } },
];

/** Where a quick view leads: `/events/tasks?overdue=true`. */
export function quickViewPath(view: QuickView): string {
  const search = new URLSearchParams(view.params).toString();
  return `${KINDS[view.kind].path}${search ? `?${search}` : ''}`;
}

/** The quick view a list shows: its filters and sort are the view's, whatever the search, page and page size. */
export function activeQuickView(kind: ActivityKind, params: URLSearchParams): QuickView | null {
  const set = [...params.entries()].filter(([name, value]) => value !== '' && !['q', 'page', 'pageSize'].includes(name));
  return (
    QUICK_VIEWS.find(
      (view) => view.kind === kind && set.length === Object.keys(view.params).length && set.every(([name, value]) => view.params[name] === value),
    ) ?? null
  );
}

type OverdueFields = Pick<CalendarEvent, 'type' | 'status' | 'endAt' | 'recurrence'>;

/**
 * A task is overdue while it is planned and its due time (its end) is past;
 * a recurring series' row is not one task to tick off. The API's
 * `overdue=true` means the same.
 */
export function isOverdue(event: OverdueFields, now: Date): boolean {
  return event.type === 'task' && event.status === 'planned' && !event.recurrence && Date.parse(event.endAt) < now.getTime();
}

type LinkFields = Pick<CalendarEvent, 'id' | 'recurrence' | 'startAt' | 'seriesId' | 'originalStartAt'> & Partial<Pick<CalendarEvent, 'occurrenceId'>>;

/**
 * The calendar at the event's day with its form open, as a notification
 * links it; a recurring series' row opens the series (its form edits them all).
 */
export function calendarLink(event: LinkFields): string {
  // a list row is no calendar occurrence: an edited occurrence is named by its original start
  const opened = openedItem({ ...event, occurrenceId: event.occurrenceId ?? '' });
  if (opened.occurrenceStartAt || event.recurrence) return openedEventPath(opened);
  return openedEventPath({ eventId: event.id, occurrenceStartAt: event.startAt });
}

/** The record a row is about, most precise first (an opportunity's call names the opportunity, not its partner). */
export function primaryLink(event: Pick<CalendarEvent, keyof Required<EventLink>>): { param: keyof Required<EventLink>; id: string } | null {
  for (const param of ['opportunityId', 'contactId', 'leadId', 'partnerId'] as const) {
    const id = event[param];
    if (id) return { param, id };
  }
  return null;
}

/** Monday to Sunday of the week of `today` (`YYYY-MM-DD`). */
export function weekOf(today: string): { from: string; to: string } {
  const day = dayjs(today);
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}
