import { EntityManager } from 'typeorm';
import type { Recurrence } from '@crm/domain';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { EventCategory } from '../configuration';
import { forbidden, invalidInput, type FieldError } from '../../platform/errors/domain-error';
import { missingAttendees } from './event-attendees';
import { eventProblems, seriesEndAt, typeDefaults } from './event-rules';
import type { Event } from './event.entity';
import type { CreateEventDto } from './dto/event.dto';

/** The request fields that become columns (attendees and version are handled apart). */
export type EventFields = Partial<Omit<CreateEventDto, 'attendeeUserIds' | 'attendeeContactIds'>>;

/** Columns a caller may write; the rest (ids, series link, audit) the service sets. */
export type EventColumns = Omit<Event, 'id' | 'createdAt' | 'updatedAt' | 'createdById' | 'version' | 'seriesId' | 'originalStartAt'>;

const COLUMN_KEYS = [
  'type',
  'status',
  'callDirection',
  'subject',
  'description',
  'location',
  'categoryId',
  'startAt',
  'endAt',
  'allDay',
  'timeZone',
  'priority',
  'assignedToId',
  'teamId',
  'leadId',
  'partnerId',
  'contactId',
  'opportunityId',
  'reminders',
  'recurrence',
  'seriesEndAt',
] as const satisfies readonly (keyof EventColumns)[];

/** Fields whose change moves a series' occurrences: its edited occurrences no longer line up. */
export const TIMING_FIELDS = ['startAt', 'endAt', 'allDay', 'timeZone', 'recurrence'] as const;

/**
 * The row an event becomes once the request is applied to `base` (the stored
 * row, or defaults for a new one): dates parsed, type-bound fields adjusted,
 * `series_end_at` recomputed. Refuses with 400 and every field error when
 * the result breaks a rule or names a category or attendee that does not
 * exist; links the database checks (lead, user…) are refused by their
 * foreign keys in the same statement that writes them.
 */
export async function applyEventFields(
  manager: EntityManager,
  base: EventColumns & { seriesId: string | null },
  fields: EventFields,
  attendees: { userIds?: string[]; contactIds?: string[] },
): Promise<EventColumns> {
  const { startAt, endAt, recurrence, reminders, ...plain } = fields;
  const next = Object.fromEntries(COLUMN_KEYS.map((key) => [key, base[key]])) as unknown as EventColumns;
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (startAt !== undefined) next.startAt = new Date(startAt);
  if (endAt !== undefined) next.endAt = new Date(endAt);
  if (reminders !== undefined) next.reminders = reminders.map(({ offsetMinutes, channel }) => ({ offsetMinutes, channel }));
  if (recurrence !== undefined) next.recurrence = recurrence ? plainRecurrence(recurrence) : null;
  const typeChanged = fields.type !== undefined && fields.type !== base.type;
  Object.assign(next, typeDefaults(next.type, fields, typeChanged ? undefined : base));
  // a category belongs to one type (Axelor clears it when the type changes)
  if (typeChanged && fields.categoryId === undefined) next.categoryId = null;

  const problems: FieldError[] = eventProblems({ ...next, seriesId: base.seriesId });
  problems.push(...(await categoryProblems(manager, next)), ...(await missingAttendees(manager, attendees)));
  if (problems.length) throw invalidInput(problems);
  next.seriesEndAt = seriesEndAt(next);
  return next;
}

/** Which of the given columns differ between two versions of a row. */
export function changedFields<K extends keyof EventColumns>(before: EventColumns, after: EventColumns, keys: readonly K[]): K[] {
  return keys.filter((key) =>
    // a stored recurrence has jsonb's key order, a request's the contract's: compared as stored
    key === 'recurrence' ? !sameRecurrence(before.recurrence, after.recurrence) : JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** A salesperson changes the events they organise or created; managers and admins any event. */
export function assertMayChange(event: Pick<Event, 'assignedToId' | 'createdById'>, actor: AuthenticatedUser): void {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  if (event.assignedToId === actor.id || event.createdById === actor.id) return;
  throw forbidden('Only its organiser, its creator, a manager or an admin may change this event.');
}

/** Whether two recurrences repeat alike (compared as stored: a request's object against a row's). */
export function sameRecurrence(a: Recurrence | null, b: Recurrence | null): boolean {
  return JSON.stringify(a && plainRecurrence(a)) === JSON.stringify(b && plainRecurrence(b));
}

/** The recurrence as stored: only the fields given, in a fixed order. */
function plainRecurrence(recurrence: Recurrence): Recurrence {
  const { frequency, interval, byWeekday, count, until } = recurrence;
  return {
    frequency,
    interval,
    ...(byWeekday ? { byWeekday: [...byWeekday] } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(until !== undefined ? { until } : {}),
  };
}

async function categoryProblems(manager: EntityManager, event: EventColumns): Promise<FieldError[]> {
  if (!event.categoryId) return [];
  const category = await manager.getRepository(EventCategory).findOneBy({ id: event.categoryId });
  if (!category) return [{ field: 'categoryId', message: 'refers to a record that does not exist' }];
  if (category.type !== event.type) return [{ field: 'categoryId', message: `the category "${category.name}" is for ${category.type}s, not ${event.type}s` }];
  return [];
}
