import type { EventStatus } from '@crm/domain';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import type { HistoryRecord, HistorySubject } from '../../platform/history/history.service';
import type { Event } from './event.entity';

type Linked = Pick<Event, 'id' | 'type' | 'subject' | 'startAt' | 'leadId' | 'partnerId' | 'contactId' | 'opportunityId' | 'seriesId'>;
export type EventHistoryKind = 'event_created' | 'event_realized' | 'event_cancelled' | 'event_deleted' | 'event_following_changed' | 'event_following_deleted';

const VERB: Record<EventHistoryKind, string> = {
  event_created: 'planned',
  event_realized: 'done',
  event_cancelled: 'cancelled',
  event_deleted: 'deleted',
  event_following_changed: 'changed from this occurrence on',
  event_following_deleted: 'deleted from this occurrence on',
};

/** The records on whose timeline an event shows: its lead, partner, contact and opportunity. */
export function linkedSubjects(event: Linked): HistorySubject[] {
  return [
    ...(event.leadId ? [{ type: 'lead' as const, id: event.leadId }] : []),
    ...(event.partnerId ? [{ type: 'partner' as const, id: event.partnerId }] : []),
    ...(event.contactId ? [{ type: 'contact' as const, id: event.contactId }] : []),
    ...(event.opportunityId ? [{ type: 'opportunity' as const, id: event.opportunityId }] : []),
  ];
}

/** A timeline entry for one event (or one occurrence: its own start). */
export function eventEntry(kind: EventHistoryKind, event: Linked, actor: AuthenticatedUser): HistoryRecord {
  const label = event.type.charAt(0).toUpperCase() + event.type.slice(1);
  return {
    subjects: linkedSubjects(event),
    kind,
    summary: `${label} "${event.subject}" ${VERB[kind]} (${event.startAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    data: { eventId: event.id, seriesId: event.seriesId, type: event.type, startAt: event.startAt.toISOString() },
    actorId: actor.id,
  };
}

/** The entry a status change deserves, if any: realized and cancelled are on the timeline. */
export function statusEntryKind(from: EventStatus | null, to: EventStatus): EventHistoryKind | null {
  if (from === to) return null;
  if (to === 'realized') return 'event_realized';
  if (to === 'cancelled') return 'event_cancelled';
  return null;
}

/**
 * "This and following" changed: the entry of the new series (its start is
 * the cut), on the records of both series, as the change may have moved a link.
 */
export function followingChangedEntry(cut: Linked, from: Linked, actor: AuthenticatedUser): HistoryRecord {
  const entry = eventEntry('event_following_changed', cut, actor);
  const subjects = [...entry.subjects];
  for (const subject of linkedSubjects(from)) {
    if (!subjects.some((known) => known.type === subject.type && known.id === subject.id)) subjects.push(subject);
  }
  return { ...entry, subjects, data: { ...entry.data, fromSeriesId: from.id } };
}
