/** Event types of the contract; event categories are attached to one of them. */
export const EVENT_TYPES = ['call', 'meeting', 'task', 'event'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event statuses of the contract: a task is done when `realized`. */
export const EVENT_STATUSES = ['planned', 'realized', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Task priorities (Axelor's crm.event.priority.select); only tasks carry one. */
export const EVENT_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type EventPriority = (typeof EVENT_PRIORITIES)[number];

/** Call directions; only calls carry one. */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** How a reminder reaches the organiser. */
export const REMINDER_CHANNELS = ['email', 'notification'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** A reminder fires `offsetMinutes` before the event (or occurrence) starts. */
export interface Reminder {
  offsetMinutes: number;
  channel: ReminderChannel;
}

/** The id of one occurrence of a series in calendar answers: `${seriesId}:${originalStartAt ISO}`. */
export function occurrenceId(seriesId: string, originalStartAt: Date): string {
  return `${seriesId}:${originalStartAt.toISOString()}`;
}

/** Recurrence frequencies of the contract (`recurrence.frequency`). */
export const RECURRENCE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** Weekdays as RFC 5545 writes them (BYDAY), so an RRULE needs no translation table. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The contract's recurrence: every `interval` days/weeks/months/years from the
 * event's start, weekly on `byWeekday` (default: the start's weekday), ending after
 * `count` occurrences or on `until` (an ISO date, the last day an occurrence may
 * start, in the event's time zone; a full ISO date-time is taken as an instant),
 * or never.
 */
export interface Recurrence {
  frequency: RecurrenceFrequency;
  interval: number;
  byWeekday?: Weekday[];
  count?: number;
  until?: string;
}

export interface RecurringSeries {
  startAt: Date;
  endAt: Date;
  timeZone: string;
  recurrence: Recurrence;
}

export interface Occurrence {
  startAt: Date;
  endAt: Date;
}

export const MAX_RECURRENCE_INTERVAL = 1000;
export const MAX_RECURRENCE_COUNT = 1000;
