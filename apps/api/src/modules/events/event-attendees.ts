import { EntityManager } from 'typeorm';
import type { FieldError } from '../../platform/errors/domain-error';

export interface Attendees {
  userIds: string[];
  contactIds: string[];
}

const NONE: Attendees = { userIds: [], contactIds: [] };

/**
 * The attendees of many events in one query (a page or a calendar range);
 * each half reads its own partial unique index on (event_id, …).
 */
export async function attendeesOf(manager: EntityManager, eventIds: string[]): Promise<(eventId: string) => Attendees> {
  const byEvent = new Map<string, Attendees>();
  if (eventIds.length) {
    const rows: { event_id: string; user_id: string | null; contact_id: string | null }[] = await manager.query(
      `SELECT event_id, user_id, NULL::uuid AS contact_id FROM event_attendees WHERE event_id = ANY($1::uuid[]) AND user_id IS NOT NULL
       UNION ALL
       SELECT event_id, NULL, contact_id FROM event_attendees WHERE event_id = ANY($1::uuid[]) AND contact_id IS NOT NULL`,
      [eventIds],
    );
    for (const row of rows) {
      const entry = byEvent.get(row.event_id) ?? { userIds: [], contactIds: [] };
      if (row.user_id) entry.userIds.push(row.user_id);
      if (row.contact_id) entry.contactIds.push(row.contact_id);
      byEvent.set(row.event_id, entry);
    }
  }
  return (eventId) => byEvent.get(eventId) ?? NONE;
}

/**
 * Attendees that do not exist, as field errors: checked before writing so
 * the refusal names the request's list rather than a join table's column.
 */
export async function missingAttendees(manager: EntityManager, given: Partial<Attendees>): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const [field, table, ids] of [
    ['attendeeUserIds', 'users', given.userIds],
    ['attendeeContactIds', 'contacts', given.contactIds],
  ] as const) {
    if (!ids?.length) continue;
    const found: { id: string }[] = await manager.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    const known = new Set(found.map((row) => row.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) problems.push({ field, message: `refers to records that do not exist: ${missing.join(', ')}` });
  }
  return problems;
}

/** Replaces the lists given (undefined leaves a list as it is); duplicates collapse. */
export async function replaceAttendees(manager: EntityManager, eventId: string, given: Partial<Attendees>): Promise<void> {
  if (given.userIds) {
    await manager.query(`DELETE FROM event_attendees WHERE event_id = $1 AND user_id IS NOT NULL`, [eventId]);
    await manager.query(`INSERT INTO event_attendees (event_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`, [
      eventId,
      [...new Set(given.userIds)],
    ]);
  }
  if (given.contactIds) {
    await manager.query(`DELETE FROM event_attendees WHERE event_id = $1 AND contact_id IS NOT NULL`, [eventId]);
    await manager.query(`INSERT INTO event_attendees (event_id, contact_id) SELECT $1, c FROM unnest($2::uuid[]) AS c ON CONFLICT DO NOTHING`, [
      eventId,
      [...new Set(given.contactIds)],
    ]);
  }
}

/** The invitations of merged contacts pass to the kept one; an event that invited both keeps one invitation. */
export async function reassignAttendingContact(manager: EntityManager, fromIds: string[], toId: string): Promise<void> {
  await manager.query(
    `DELETE FROM event_attendees merged WHERE merged.contact_id = ANY($1::uuid[])
       AND EXISTS (SELECT 1 FROM event_attendees kept WHERE kept.event_id = merged.event_id AND kept.contact_id = $2)`,
    [fromIds, toId],
  );
  // two merged contacts invited to the same event: one invitation stays
  await manager.query(
    `DELETE FROM event_attendees merged USING event_attendees other
      WHERE merged.contact_id = ANY($1::uuid[]) AND other.contact_id = ANY($1::uuid[])
        AND other.event_id = merged.event_id AND other.contact_id < merged.contact_id`,
    [fromIds],
  );
  await manager.query(`UPDATE event_attendees SET contact_id = $2 WHERE contact_id = ANY($1::uuid[])`, [fromIds, toId]);
}
