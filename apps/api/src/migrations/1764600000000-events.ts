import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_COLUMNS } from './sql-fragments';

/**
 * Events (calls, meetings, tasks, events) and their attendees. A recurring
 * series is one row with `recurrence`; an occurrence edited or cancelled on its
 * own is a row of its own pointing at the series (`series_id`,
 * `original_start_at`). Calendar ranges are read per organiser (or team) with
 * separate indexes for single events and for series, so neither scan reads the other.
 */
export class Events1764600000000 implements MigrationInterface {
  name = 'Events1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('call', 'meeting', 'task', 'event')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'realized', 'cancelled')),
        call_direction text CHECK (call_direction IN ('inbound', 'outbound')),
        subject text NOT NULL,
        description text,
        location text,
        category_id uuid REFERENCES event_categories (id) ON DELETE SET NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        all_day boolean NOT NULL DEFAULT false,
        time_zone text NOT NULL DEFAULT 'UTC',
        priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        assigned_to_id uuid NOT NULL REFERENCES users (id),
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        lead_id uuid REFERENCES leads (id) ON DELETE SET NULL,
        partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
        contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
        opportunity_id uuid REFERENCES opportunities (id) ON DELETE SET NULL,
        reminders jsonb NOT NULL DEFAULT '[]',
        recurrence jsonb,
        series_end_at timestamptz,
        series_id uuid REFERENCES events (id) ON DELETE CASCADE,
        original_start_at timestamptz,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(subject)) STORED,
        CONSTRAINT events_end_after_start CHECK (end_at > start_at),
        CONSTRAINT events_call_direction_calls CHECK (call_direction IS NULL OR type = 'call'),
        CONSTRAINT events_priority_tasks CHECK (priority IS NULL OR type = 'task'),
        -- an exception row names the occurrence it replaces, and never recurs itself
        CONSTRAINT events_exception_shape CHECK ((series_id IS NULL) = (original_start_at IS NULL) AND (series_id IS NULL OR recurrence IS NULL))
      )`);

    // Calendar range, single events and exception rows: "start_at in [from - 24 h, to)"
    // is a tight index range; events longer than a day are read by the next index.
    await db.query(`CREATE INDEX events_assignee_range_idx ON events (assigned_to_id, start_at) WHERE recurrence IS NULL`);
    // ... the few single events longer than 24 hours (all-day spans, trips)
    await db.query(
      `CREATE INDEX events_assignee_long_idx ON events (assigned_to_id, start_at) WHERE recurrence IS NULL AND end_at - start_at > interval '24 hours'`,
    );
    // Statistics on an event's length: without them the planner takes "longer than 24 hours" for a third
    // of the rows, expects thousands of rows from the long-event index, and the cost then switches JIT on
    // (about 100 ms of compilation for a read of a few milliseconds)
    await db.query(`CREATE STATISTICS events_length_stats ON (end_at - start_at) FROM events`);
    // Calendar range, series: a user's series started before the range's end
    await db.query(`CREATE INDEX events_assignee_series_idx ON events (assigned_to_id, start_at) WHERE recurrence IS NOT NULL`);
    // The same three for events put on a team's calendar
    await db.query(`CREATE INDEX events_team_range_idx ON events (team_id, start_at) WHERE recurrence IS NULL AND team_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX events_team_long_idx ON events (team_id, start_at) WHERE recurrence IS NULL AND team_id IS NOT NULL AND end_at - start_at > interval '24 hours'`,
    );
    await db.query(`CREATE INDEX events_team_series_idx ON events (team_id, start_at) WHERE recurrence IS NOT NULL AND team_id IS NOT NULL`);
    // One occurrence replaced at most once; also a series' exceptions in a range
    await db.query(`CREATE UNIQUE INDEX events_series_occurrence_key ON events (series_id, original_start_at) WHERE series_id IS NOT NULL`);
    // A record's events (its page's events tab and `GET /events?leadId=`), latest first
    await db.query(`CREATE INDEX events_lead_idx ON events (lead_id, start_at DESC) WHERE lead_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_partner_idx ON events (partner_id, start_at DESC) WHERE partner_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_contact_idx ON events (contact_id, start_at DESC) WHERE contact_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_opportunity_idx ON events (opportunity_id, start_at DESC) WHERE opportunity_id IS NOT NULL`);
    // The list without a filter: by start, newest first
    await db.query(`CREATE INDEX events_start_idx ON events (start_at DESC, id DESC)`);
    // q: substring search on the subject
    await db.query(`CREATE INDEX events_search_trgm ON events USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE event_attendees (
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        contact_id uuid REFERENCES contacts (id) ON DELETE CASCADE,
        CHECK ((user_id IS NULL) <> (contact_id IS NULL))
      )`);
    // an event's attendees, each once
    await db.query(`CREATE UNIQUE INDEX event_attendees_user_key ON event_attendees (event_id, user_id) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX event_attendees_contact_key ON event_attendees (event_id, contact_id) WHERE contact_id IS NOT NULL`);
    // the events a user or a contact attends (deletes cascading from users and contacts)
    await db.query(`CREATE INDEX event_attendees_user_idx ON event_attendees (user_id) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE INDEX event_attendees_contact_idx ON event_attendees (contact_id) WHERE contact_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS event_attendees`);
    await db.query(`DROP TABLE IF EXISTS events`);
  }
}
