import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_COLUMNS } from './sql-fragments';

/**
 * In-app notifications, event reminders as database jobs, calendar
 * configurations and the per-user iCalendar feed tokens.
 *
 * Reminders fire once per (event, occurrence, offset, channel): that key is
 * unique in reminder_jobs, planners in every process insert with ON CONFLICT
 * DO NOTHING, and workers claim due rows with FOR UPDATE SKIP LOCKED and mark
 * them delivered in the claiming transaction. Events are written by the events
 * module only; a trigger here queues every changed event for re-planning
 * (reminder_plan_queue), so that module needs no knowledge of reminders.
 */
export class Calendars1764610000000 implements MigrationInterface {
  name = 'Calendars1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text,
        record_type text,
        record_id uuid,
        late boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    // the bell's list: a user's notifications, newest first (and `unread=true` through the filter)
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    // the unread count
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);

    await db.query(`
      CREATE TABLE reminder_jobs (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        occurrence_start_at timestamptz NOT NULL,
        offset_minutes integer NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'notification')),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dropped')),
        delivered_at timestamptz,
        delivered_by text,
        late boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_jobs_once UNIQUE (event_id, occurrence_start_at, offset_minutes, channel)
      )`);
    // the workers' claim: pending jobs by due time
    await db.query(`CREATE INDEX reminder_jobs_due_idx ON reminder_jobs (due_at) WHERE status = 'pending'`);

    // Where the planners have looked up to: reminders due from here on are not planned yet.
    // Starts at the migration time, so a new installation does not fire old demo reminders.
    await db.query(`CREATE TABLE reminder_planner (id integer PRIMARY KEY CHECK (id = 1), planned_until timestamptz NOT NULL)`);
    await db.query(`INSERT INTO reminder_planner (id, planned_until) VALUES (1, now())`);

    // Events created or changed since the last planning (filled by the trigger below).
    await db.query(`CREATE TABLE reminder_plan_queue (event_id uuid PRIMARY KEY, queued_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`
      CREATE FUNCTION queue_event_reminder_planning() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.reminders <> '[]'::jsonb OR NEW.series_id IS NOT NULL THEN
          INSERT INTO reminder_plan_queue (event_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_queue_reminder_planning
        AFTER INSERT OR UPDATE OF start_at, end_at, time_zone, reminders, recurrence, status ON events
        FOR EACH ROW EXECUTE FUNCTION queue_event_reminder_planning()`);
    // the planners' window scan: single events (and exception rows) with reminders, by start
    await db.query(`CREATE INDEX events_reminder_start_idx ON events (start_at) WHERE recurrence IS NULL AND reminders <> '[]'::jsonb`);

    await db.query(`
      CREATE TABLE calendars (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        owner_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        owner_team_id uuid REFERENCES teams (id) ON DELETE CASCADE,
        followed_user_ids uuid[] NOT NULL DEFAULT '{}',
        followed_team_ids uuid[] NOT NULL DEFAULT '{}',
        colour text NOT NULL DEFAULT '#3b82f6' CHECK (colour ~ '^#[0-9a-fA-F]{6}$'),
        in_menu boolean NOT NULL DEFAULT false,
        ${AUDIT_COLUMNS},
        CONSTRAINT calendars_one_owner CHECK ((owner_user_id IS NULL) <> (owner_team_id IS NULL))
      )`);
    // the calendars of a user and of a team (list and menu)
    await db.query(`CREATE INDEX calendars_owner_user_idx ON calendars (owner_user_id) WHERE owner_user_id IS NOT NULL`);
    await db.query(`CREATE INDEX calendars_owner_team_idx ON calendars (owner_team_id) WHERE owner_team_id IS NOT NULL`);

    // One feed per user. The URL's token is HMAC(installation key, feed id): it can be
    // shown again by GET /calendar/feed, and only its SHA-256 is stored for the lookup.
    // Regenerating gives the feed a new id, so the old token no longer matches.
    await db.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        feed_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the installation's HMAC key (written by the app on first use, from node:crypto)
    await db.query(`CREATE TABLE calendar_feed_key (id integer PRIMARY KEY CHECK (id = 1), key text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS calendar_feed_key`);
    await db.query(`DROP TABLE IF EXISTS calendar_feeds`);
    await db.query(`DROP TABLE IF EXISTS calendars`);
    await db.query(`DROP INDEX IF EXISTS events_reminder_start_idx`);
    await db.query(`DROP TRIGGER IF EXISTS events_queue_reminder_planning ON events`);
    await db.query(`DROP FUNCTION IF EXISTS queue_event_reminder_planning()`);
    await db.query(`DROP TABLE IF EXISTS reminder_plan_queue`);
    await db.query(`DROP TABLE IF EXISTS reminder_planner`);
    await db.query(`DROP TABLE IF EXISTS reminder_jobs`);
    await db.query(`DROP TABLE IF EXISTS notifications`);
  }
}
