import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per calendar owner (a user or a team) and month, bumped by every
 * change to what that owner's calendar shows in that month: an event they
 * organise, attend, or that is put on the team. The API keeps calendar
 * answers in memory and serves one again while the versions of its owners'
 * months are unchanged; every API process reads the versions from here, so
 * none serves an answer another has made stale.
 *
 * Months (UTC) keep an edit of this week's meeting from throwing away the
 * answers of other months. Series and their edited occurrences reach over
 * many months: they bump the owner's `-infinity` bucket, which every range
 * of that owner reads.
 *
 * The bump commits with the change (same transaction): a reader that sees the
 * old version cannot have read the new rows after it. Statement triggers note
 * the owners and months a statement touched; a deferred trigger bumps them all
 * at commit, once each, in key order. Two transactions therefore lock version
 * rows in the same order, only at the very end, and cannot deadlock on them
 * (bumping in row order as the changes happen could: two users inviting each
 * other).
 */
export class CalendarVersions1764640000000 implements MigrationInterface {
  name = 'CalendarVersions1764640000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE calendar_versions (owner_id uuid NOT NULL, bucket date NOT NULL, version bigint NOT NULL, PRIMARY KEY (owner_id, bucket))`);
    // the owners and months the open transaction changed; emptied by its own commit (other transactions' rows are invisible to it)
    await db.query(`CREATE TABLE calendar_version_changes (owner_id uuid NOT NULL, bucket date NOT NULL)`);

    // The months an event shows in: those its [start, end) overlaps, or -infinity for a series, an occurrence of one, or what spans over a year.
    await db.query(`
      CREATE FUNCTION calendar_buckets(start_at timestamptz, end_at timestamptz, recurring boolean) RETURNS SETOF date LANGUAGE sql IMMUTABLE AS $$
        SELECT '-infinity'::date WHERE recurring OR end_at - start_at > interval '366 days'
        UNION ALL
        SELECT m::date FROM generate_series(date_trunc('month', start_at AT TIME ZONE 'UTC'), (end_at AT TIME ZONE 'UTC') - interval '1 microsecond', interval '1 month') m
         WHERE NOT (recurring OR end_at - start_at > interval '366 days')
      $$`);
    // One function for the five statement triggers below; each names its transition tables `old_rows` / `new_rows`,
    // and a branch only reads the ones its trigger has.
    const fromEvents = (rows: string) => `
      SELECT id, assigned_to_id, team_id, start_at, end_at, recurrence IS NOT NULL OR series_id IS NOT NULL AS recurring FROM ${rows}`;
    // an event's owners (organiser, team, users attending) at each of its months
    const noteEvents = (rows: string) => `
      INSERT INTO calendar_version_changes (owner_id, bucket)
        SELECT DISTINCT o, b FROM (${rows}) r,
               LATERAL (SELECT r.assigned_to_id UNION SELECT r.team_id
                        UNION SELECT user_id FROM event_attendees a WHERE a.event_id = r.id AND a.user_id IS NOT NULL) x(o),
               LATERAL calendar_buckets(r.start_at, r.end_at, r.recurring) b
         WHERE o IS NOT NULL`;
    // an attendee added or removed: their calendar and the event's other owners (its attendee lists changed), at the
    // event's months; an event already deleted (its attendees go after it): every month of theirs
    const noteAttendees = (rows: string) => `
      INSERT INTO calendar_version_changes (owner_id, bucket)
        SELECT DISTINCT o, coalesce(b, '-infinity') FROM (SELECT DISTINCT event_id FROM ${rows}) ev
               LEFT JOIN events e ON e.id = ev.event_id
               LEFT JOIN LATERAL calendar_buckets(e.start_at, e.end_at, e.recurrence IS NOT NULL OR e.series_id IS NOT NULL) b ON true
               CROSS JOIN LATERAL (SELECT user_id FROM ${rows} c WHERE c.event_id = ev.event_id AND c.user_id IS NOT NULL
                                   UNION SELECT e.assigned_to_id UNION SELECT e.team_id
                                   UNION SELECT user_id FROM event_attendees a WHERE a.event_id = ev.event_id AND a.user_id IS NOT NULL) x(o)
         WHERE o IS NOT NULL`;
    await db.query(`
      CREATE FUNCTION calendar_versions_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'events' THEN
          IF TG_OP = 'INSERT' THEN
            ${noteEvents(fromEvents('new_rows'))};
          ELSIF TG_OP = 'UPDATE' THEN
            -- where it was (an event moved or handed to someone else leaves that calendar) and where it is
            ${noteEvents(`${fromEvents('old_rows')} UNION ALL ${fromEvents('new_rows')}`)};
          ELSE
            -- (its attendees go after it, through their own trigger)
            ${noteEvents(fromEvents('old_rows'))};
          END IF;
        ELSIF TG_OP = 'INSERT' THEN
          ${noteAttendees('new_rows')};
        ELSE
          ${noteAttendees('old_rows')};
        END IF;
        RETURN NULL;
      END $$`);
    // (a trigger with transition tables takes one kind of statement)
    for (const [name, table, when, transitions] of TRIGGERS) {
      await db.query(
        `CREATE TRIGGER ${name} AFTER ${when} ON ${table} REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION calendar_versions_note()`,
      );
    }

    // At commit: the transaction's noted changes, bumped once each in key order (the first call does it all, the rest find nothing).
    await db.query(`
      CREATE FUNCTION calendar_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH changed AS (DELETE FROM calendar_version_changes RETURNING owner_id, bucket)
        INSERT INTO calendar_versions AS v (owner_id, bucket, version)
          SELECT DISTINCT owner_id, bucket, 1 FROM changed ORDER BY owner_id, bucket
          ON CONFLICT (owner_id, bucket) DO UPDATE SET version = v.version + 1;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER calendar_version_changes_bump AFTER INSERT ON calendar_version_changes
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION calendar_versions_bump()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [name, table] of TRIGGERS) await db.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    await db.query(`DROP TABLE IF EXISTS calendar_version_changes`);
    await db.query(`DROP FUNCTION IF EXISTS calendar_versions_bump()`);
    await db.query(`DROP FUNCTION IF EXISTS calendar_versions_note()`);
    await db.query(`DROP FUNCTION IF EXISTS calendar_buckets(timestamptz, timestamptz, boolean)`);
    await db.query(`DROP TABLE IF EXISTS calendar_versions`);
  }
}

/** The statement triggers that note changes: name, table, statement, transition tables. */
const TRIGGERS = [
  ['events_calendar_versions_insert', 'events', 'INSERT', 'NEW TABLE AS new_rows'],
  ['events_calendar_versions_update', 'events', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['events_calendar_versions_delete', 'events', 'DELETE', 'OLD TABLE AS old_rows'],
  ['event_attendees_calendar_versions_insert', 'event_attendees', 'INSERT', 'NEW TABLE AS new_rows'],
  ['event_attendees_calendar_versions_delete', 'event_attendees', 'DELETE', 'OLD TABLE AS old_rows'],
] as const;
