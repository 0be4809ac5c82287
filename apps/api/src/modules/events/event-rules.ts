import { type EventType, type Recurrence } from '@crm/domain';
import { isValidTimeZone, recurrenceProblems, seriesEnd } from '@crm/domain/recurrence';
import type { FieldError } from '../../platform/errors/domain-error';
import type { Event } from './event.entity';

/** The fields the rules look at, once the request is merged onto the stored row. */
export type EventShape = Pick<Event, 'type' | 'callDirection' | 'priority' | 'startAt' | 'endAt' | 'timeZone' | 'recurrence' | 'seriesId'>;

/** What is wrong with an event as it would be stored: field errors for a 400. */
export function eventProblems(event: EventShape): FieldError[] {
  const problems: FieldError[] = [];
  if (event.endAt.getTime() <= event.startAt.getTime()) problems.push({ field: 'endAt', message: 'endAt must be after startAt' });
  if (event.callDirection && event.type !== 'call') problems.push({ field: 'callDirection', message: 'only a call has a direction' });
  if (event.priority && event.type !== 'task') problems.push({ field: 'priority', message: 'only a task has a priority' });
  if (!isValidTimeZone(event.timeZone)) problems.push({ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Paris' });
  else if (event.recurrence) {
    if (event.seriesId) problems.push({ field: 'recurrence', message: 'an occurrence of a series cannot recur itself' });
    for (const problem of recurrenceProblems(event.recurrence, event.startAt, event.timeZone)) {
      problems.push({ field: `recurrence.${problem.field}`, message: problem.message });
    }
  }
  return problems;
}

/**
 * Fields that only one type carries, adjusted to a (new) type: a new call is
 * outbound and a new task of normal priority unless said otherwise (Axelor's
 * defaults); changing the type drops what the new type does not have, unless
 * the request sets it (then the rules refuse it).
 */
export function typeDefaults(
  type: EventType,
  given: { callDirection?: string | null; priority?: string | null },
  stored?: { callDirection: string | null; priority: string | null },
): { callDirection: string | null; priority: string | null } {
  const pick = (field: 'callDirection' | 'priority', owner: EventType, fallback: string) =>
    given[field] !== undefined ? given[field] : type === owner ? (stored?.[field] ?? fallback) : null;
  return { callDirection: pick('callDirection', 'call', 'outbound'), priority: pick('priority', 'task', 'normal') };
}

/** What `series_end_at` stores: a series' last end (null: endless), a single event's end. */
export function seriesEndAt(event: { startAt: Date; endAt: Date; timeZone: string; recurrence: Recurrence | null }): Date | null {
  if (!event.recurrence) return event.endAt;
  return seriesEnd({ startAt: event.startAt, endAt: event.endAt, timeZone: event.timeZone, recurrence: event.recurrence });
}
