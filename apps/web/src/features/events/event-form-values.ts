import {
  WEEKDAYS,
  type CallDirection,
  type EventPriority,
  type EventStatus,
  type EventType,
  type Recurrence,
  type RecurrenceFrequency,
  type Reminder,
  type Weekday,
} from '@crm/domain';
import dayjs from 'dayjs';
import type { components } from '../../api/schema';
import type { CalendarEvent, EventLink } from './event-types';

/** How a series ends in the form. */
export type RecurrenceEnd = 'never' | 'count' | 'until';

/** The recurrence part of the event form. */
export interface RecurrenceForm {
  repeats: boolean;
  frequency: RecurrenceFrequency;
  interval: number;
  byWeekday: Weekday[];
  ends: RecurrenceEnd;
  count: number;
  /** `YYYY-MM-DD`, the last day an occurrence may start on. */
  until: string;
}

/** The event form's values; dates are local wall-clock text as the inputs show them. */
export interface EventFormValues {
  type: EventType;
  subject: string;
  allDay: boolean;
  /** `YYYY-MM-DDTHH:mm` (timed) or `YYYY-MM-DD` (all day). */
  start: string;
  /** Timed: the end instant; all day: the last day, inclusive. */
  end: string;
  callDirection: CallDirection | null;
  priority: EventPriority | null;
  categoryId: string | null;
  status: EventStatus;
  location: string;
  description: string;
  assignedToId: string | null;
  attendeeUserIds: string[];
  attendeeContactIds: string[];
  leadId: string | null;
  partnerId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  reminders: Reminder[];
  recurrence: RecurrenceForm;
}

const TIMED = 'YYYY-MM-DDTHH:mm';
const DAY = 'YYYY-MM-DD';

/** The weekday code of a date (for a weekly series' default day). */
export function weekdayOf(date: Date): Weekday {
  return WEEKDAYS[(date.getDay() + 6) % 7];
}

export function recurrenceToForm(recurrence: Recurrence | null, start: Date): RecurrenceForm {
  if (!recurrence) return { repeats: false, frequency: 'weekly', interval: 1, byWeekday: [weekdayOf(start)], ends: 'never', count: 10, until: '' };
  const ends: RecurrenceEnd = recurrence.count ? 'count' : recurrence.until ? 'until' : 'never';
  return {
    repeats: true,
    frequency: recurrence.frequency,
    interval: recurrence.interval,
    byWeekday: recurrence.byWeekday?.length ? recurrence.byWeekday : [weekdayOf(start)],
    ends,
    count: recurrence.count ?? 10,
    until: recurrence.until ? (/^\d{4}-\d{2}-\d{2}$/.test(recurrence.until) ? recurrence.until : dayjs(recurrence.until).format(DAY)) : '',
  };
}

/**
 * The API's recurrence from the form: weekdays only for a weekly series (in
 * week order), one end only; `until` is the last day an occurrence may start
 * on, a plain date the API reads in the event's time zone.
 */
export function recurrenceFromForm(form: RecurrenceForm): Recurrence | null {
  if (!form.repeats) return null;
  const recurrence: Recurrence = { frequency: form.frequency, interval: Math.max(1, Math.floor(form.interval || 1)) };
  if (form.frequency === 'weekly') recurrence.byWeekday = WEEKDAYS.filter((day) => form.byWeekday.includes(day));
  if (form.ends === 'count') recurrence.count = Math.max(1, Math.floor(form.count || 1));
  if (form.ends === 'until' && form.until) recurrence.until = form.until;
  return recurrence;
}

/** Form start/end from the API's instants, in the browser's (the user's) zone. All-day ends are exclusive in the API. */
export function datesToForm(startAt: string, endAt: string, allDay: boolean): Pick<EventFormValues, 'start' | 'end' | 'allDay'> {
  if (allDay) {
    const lastDay = dayjs(endAt).subtract(1, 'day');
    const start = dayjs(startAt);
    return { allDay, start: start.format(DAY), end: (lastDay.isBefore(start) ? start : lastDay).format(DAY) };
  }
  return { allDay, start: dayjs(startAt).format(TIMED), end: dayjs(endAt).format(TIMED) };
}

/** The API's `startAt`/`endAt` from the form; all day: local midnights, the end the day after the last one. */
export function datesFromForm(values: Pick<EventFormValues, 'start' | 'end' | 'allDay'>): { startAt: string; endAt: string } {
  if (values.allDay) {
    const start = dayjs(values.start).startOf('day');
    const end = values.end ? dayjs(values.end).startOf('day').add(1, 'day') : start.add(1, 'day');
    return { startAt: start.toISOString(), endAt: end.toISOString() };
  }
  return { startAt: dayjs(values.start).toISOString(), endAt: dayjs(values.end).toISOString() };
}

/** A new event's values: one hour from the next full hour unless a slot was chosen, linked as asked. */
export function newEventValues(options: {
  start?: Date;
  end?: Date;
  allDay?: boolean;
  type?: EventType;
  link?: EventLink;
  assignedToId?: string | null;
  now?: Date;
}): EventFormValues {
  const now = dayjs(options.now ?? new Date());
  const start = options.start ? dayjs(options.start) : now.startOf('hour').add(1, 'hour');
  const allDay = options.allDay ?? false;
  const end = options.end ? dayjs(options.end) : allDay ? start.add(1, 'day') : start.add(1, 'hour');
  const type = options.type ?? 'meeting';
  return {
    type,
    subject: '',
    ...datesToForm(start.toISOString(), end.toISOString(), allDay),
    callDirection: type === 'call' ? 'outbound' : null,
    priority: type === 'task' ? 'normal' : null,
    categoryId: null,
    status: 'planned',
    location: '',
    description: '',
    assignedToId: options.assignedToId ?? null,
    attendeeUserIds: [],
    attendeeContactIds: [],
    leadId: options.link?.leadId ?? null,
    partnerId: options.link?.partnerId ?? null,
    contactId: options.link?.contactId ?? null,
    opportunityId: options.link?.opportunityId ?? null,
    reminders: [],
    recurrence: recurrenceToForm(null, start.toDate()),
  };
}

/** The form's values for an event (or one occurrence of a series) as loaded. */
export function eventToForm(event: CalendarEvent): EventFormValues {
  return {
    type: event.type,
    subject: event.subject,
    ...datesToForm(event.startAt, event.endAt, event.allDay),
    callDirection: event.callDirection,
    priority: event.priority,
    categoryId: event.categoryId,
    status: event.status,
    location: event.location ?? '',
    description: event.description ?? '',
    assignedToId: event.assignedToId,
    attendeeUserIds: event.attendeeUserIds ?? [],
    attendeeContactIds: event.attendeeContactIds ?? [],
    leadId: event.leadId,
    partnerId: event.partnerId,
    contactId: event.contactId,
    opportunityId: event.opportunityId,
    reminders: event.reminders ?? [],
    recurrence: recurrenceToForm(event.recurrence, new Date(event.startAt)),
  };
}

/** The event fields of a request body, as the API names them (all optional: an edit sends what changed). */
export type EventBody = components['schemas']['UpdateEventDto'];
type CreateEventBody = components['schemas']['CreateEventDto'];

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Every field the form edits, in the API's shape; a call's direction and a task's priority only for those types. */
export function formToBody(values: EventFormValues, timeZone: string): CreateEventBody {
  return {
    type: values.type,
    subject: values.subject.trim(),
    ...datesFromForm(values),
    allDay: values.allDay,
    timeZone,
    callDirection: values.type === 'call' ? (values.callDirection ?? 'outbound') : null,
    priority: values.type === 'task' ? (values.priority ?? 'normal') : null,
    categoryId: values.categoryId,
    status: values.status,
    location: text(values.location),
    description: text(values.description),
    // Nobody chosen: the API gives a new event to its creator, and an edit keeps the organiser.
    assignedToId: values.assignedToId ?? undefined,
    attendeeUserIds: values.attendeeUserIds,
    attendeeContactIds: values.attendeeContactIds,
    leadId: values.leadId,
    partnerId: values.partnerId,
    contactId: values.contactId,
    opportunityId: values.opportunityId,
    reminders: values.reminders.map(({ offsetMinutes, channel }) => ({ offsetMinutes: Number(offsetMinutes), channel })),
    recurrence: recurrenceFromForm(values.recurrence),
  };
}

/** A new event: the filled fields only (nulls left out, the API's defaults apply). */
export function createBody(values: EventFormValues, timeZone: string): CreateEventBody {
  return Object.fromEntries(
    Object.entries(formToBody(values, timeZone)).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as CreateEventBody;
}

/** An edit: only what changed from the loaded values, so a concurrent change of another field is kept. */
export function changesBody(values: EventFormValues, initial: EventFormValues, timeZone: string): EventBody {
  const next = formToBody(values, timeZone);
  const before: Record<string, unknown> = formToBody(initial, timeZone);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'timeZone' || value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  // A moved event keeps the zone it was planned in unless its times change.
  if ('startAt' in changes || 'endAt' in changes || 'recurrence' in changes) changes.timeZone = timeZone;
  return changes;
}

/** Fields one occurrence of a series may change on its own (no recurrence of its own). */
export function occurrenceChanges(changes: EventBody): Omit<EventBody, 'recurrence'> {
  const { recurrence: _recurrence, timeZone: _timeZone, ...rest } = changes;
  return rest;
}

/**
 * The series' new times when one occurrence was moved "for the whole series":
 * the series' first start and end shift by how much the occurrence moved.
 */
export function shiftSeries(
  series: { startAt: string; endAt: string },
  occurrence: { startAt: string; endAt: string },
  moved: { startAt: string; endAt: string },
) {
  const startDelta = Date.parse(moved.startAt) - Date.parse(occurrence.startAt);
  const endDelta = Date.parse(moved.endAt) - Date.parse(occurrence.endAt);
  return {
    startAt: new Date(Date.parse(series.startAt) + startDelta).toISOString(),
    endAt: new Date(Date.parse(series.endAt) + endDelta).toISOString(),
  };
}

/** Client checks before the API's: a subject, and an end after the start. */
export function validateEvent(values: EventFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.subject.trim()) errors.subject = 'Subject is required';
  if (!values.start) errors.start = 'Start is required';
  if (!values.allDay && !values.end) errors.end = 'End is required';
  if (values.start && values.end) {
    const { startAt, endAt } = datesFromForm(values);
    if (Date.parse(endAt) <= Date.parse(startAt)) errors.end = 'The end must be after the start';
  }
  const recurrence = values.recurrence;
  if (recurrence.repeats) {
    if (recurrence.frequency === 'weekly' && recurrence.byWeekday.length === 0) errors['recurrence.byWeekday'] = 'Choose at least one day';
    if (recurrence.ends === 'until' && !recurrence.until) errors['recurrence.until'] = 'Choose the last day';
    if (recurrence.ends === 'until' && recurrence.until && values.start && recurrence.until < values.start.slice(0, 10))
      errors['recurrence.until'] = 'The last day is before the start';
  }
  values.reminders.forEach((reminder, index) => {
    if (!(Number(reminder.offsetMinutes) >= 0)) errors[`reminders.${index}.offsetMinutes`] = 'Minutes before the start, 0 or more';
  });
  return errors;
}

/** API field names the form shows errors under, by the name of the input. */
export const API_FIELDS = [
  'type',
  'subject',
  'startAt',
  'endAt',
  'allDay',
  'timeZone',
  'callDirection',
  'priority',
  'categoryId',
  'status',
  'location',
  'description',
  'assignedToId',
  'attendeeUserIds',
  'attendeeContactIds',
  'leadId',
  'partnerId',
  'contactId',
  'opportunityId',
  'reminders',
  'recurrence',
  'recurrence.frequency',
  'recurrence.interval',
  'recurrence.byWeekday',
  'recurrence.count',
  'recurrence.until',
] as const;

/** Where an API field's error shows in the form: `startAt` under Start, `reminders[0].offsetMinutes` under the reminders. */
export function formFieldOf(apiField: string): string {
  if (apiField === 'startAt') return 'start';
  if (apiField === 'endAt') return 'end';
  if (apiField.startsWith('reminders')) return 'reminders';
  if (apiField === 'recurrence') return 'recurrence.frequency';
  return apiField;
}
