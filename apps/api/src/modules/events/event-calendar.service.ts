import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { occurrenceId, type EventStatus, type EventType } from '@crm/domain';
import { expandOccurrences } from '@crm/domain/recurrence';
import { queryPrepared } from '../../platform/database/prepared-query';
import type { CalendarView } from './dto/event.dto';
import { Event, EventCalendarItem, EventOccurrenceView } from './event.entity';

/** What a calendar shows: whose events, over which range, of which types. */
export interface OccurrenceFilter {
  from: Date;
  to: Date;
  /** Events these users organise or attend. */
  assignedToIds?: string[];
  /** Events organised by the team's members, and events put on the team. */
  teamId?: string;
  /** The team's members when the caller has read them already (else read here). */
  teamMemberIds?: string[];
  types?: EventType[];
  statuses?: EventStatus[];
}

/** Longest range one request may expand (a year view plus its edges). */
export const MAX_RANGE_DAYS = 366;

/**
 * The entity's fields, timestamps as epoch milliseconds (float8): node-postgres
 * parses a timestamptz text with a regular expression, and a calendar answer
 * has thousands of them; a number becomes a Date at once.
 */
const epoch = (column: string, field: string) => `date_part('epoch', ${column}) * 1000 AS "${field}"`;
const FULL_FIELDS = `id, type, status, call_direction AS "callDirection", subject, description, location, category_id AS "categoryId",
  ${epoch('start_at', 'startAt')}, ${epoch('end_at', 'endAt')}, all_day AS "allDay", time_zone AS "timeZone", priority,
  assigned_to_id AS "assignedToId", team_id AS "teamId", lead_id AS "leadId", partner_id AS "partnerId", contact_id AS "contactId",
  opportunity_id AS "opportunityId", reminders, recurrence, ${epoch('series_end_at', 'seriesEndAt')}, series_id AS "seriesId",
  ${epoch('original_start_at', 'originalStartAt')}, ${epoch('created_at', 'createdAt')}, ${epoch('updated_at', 'updatedAt')},
  created_by_id AS "createdById", version,
  ARRAY(SELECT a.user_id FROM event_attendees a WHERE a.event_id = events.id AND a.user_id IS NOT NULL) AS "attendeeUserIds",
  ARRAY(SELECT a.contact_id FROM event_attendees a WHERE a.event_id = events.id AND a.contact_id IS NOT NULL) AS "attendeeContactIds"`;
/** The compact item's fields, and what expanding a series needs (its time zone and recurrence). */
const COMPACT_FIELDS = `id, type, status, call_direction AS "callDirection", subject, ${epoch('start_at', 'startAt')}, ${epoch('end_at', 'endAt')},
  all_day AS "allDay", time_zone AS "timeZone", priority, assigned_to_id AS "assignedToId", team_id AS "teamId", recurrence,
  series_id AS "seriesId", ${epoch('original_start_at', 'originalStartAt')}, version`;
/** Every field (`full`), or what a calendar grid draws and drags (`compact`: a quarter of the bytes, no attendee look-ups per row). */
const FIELDS: Record<CalendarView, string> = { full: FULL_FIELDS, compact: COMPACT_FIELDS };
const DATE_FIELDS = ['startAt', 'endAt', 'seriesEndAt', 'originalStartAt', 'createdAt', 'updatedAt'] as const;

/**
 * A row with its attendees (full view: two probes of the attendee indexes per row, cheaper than another round
 * trip) and, for a series, the original starts of its edited or cancelled occurrences near the range.
 */
type Row = Event & { attendeeUserIds: string[]; attendeeContactIds: string[]; replaced: number[] | null };

/**
 * Reads a calendar range in one statement (single events and series side by
 * side; a team's members first). Each "who" (the users, the
 * team's members, the team itself) is read with the indexes of migration
 * 1764600000000: single events and exception rows by (who, start_at) over
 * [from − 24 h, to), the rare longer ones and the series by (who, end,
 * start) of migration 1764630000000: ending after `from`, starting before
 * `to` (an endless series ends at infinity); each series with the
 * original starts of its exception rows (unique index on series_id,
 * original_start_at). Series are expanded here; an exception row replaces
 * or, cancelled, removes the occurrence it names.
 */
@Injectable()
export class EventCalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async occurrences(filter: OccurrenceFilter, view: CalendarView): Promise<EventOccurrenceView[] | EventCalendarItem[]> {
    const statement = await this.rangeStatement(filter, view);
    if (!statement) return [];
    // its generic plan: the same index ranges whatever the ids and times, without planning a dozen branches each time
    const rows = await queryPrepared<Row>(this.dataSource, statement.sql, statement.params, { generic: true });
    return view === 'full' ? toItems(rows, filter, toView) : toItems(rows, filter, toCompactItem);
  }

  /** The one statement that reads the range's rows (null when the filter names nobody's calendar). */
  private async rangeStatement(filter: OccurrenceFilter, view: CalendarView): Promise<{ sql: string; params: unknown[] } | null> {
    const params: unknown[] = [filter.from, filter.to];
    const param = (value: unknown) => `$${params.push(value)}`;
    const extra = [
      filter.types?.length ? `AND type = ANY(${param(filter.types)}::text[])` : '',
      filter.statuses?.length ? `AND status = ANY(${param(filter.statuses)}::text[])` : '',
    ].join(' ');
    const whos: string[] = [];
    let organisers = filter.assignedToIds ?? [];
    if (filter.teamId) {
      // the members as a list, not a sub-select: with the ids the planner estimates each one's index range
      // well (a sub-select's unknown list made it expect thousands of rows, and the cost then turned JIT on)
      const members = filter.teamMemberIds ?? (await this.teamMemberIds(filter.teamId));
      organisers = [...new Set([...organisers, ...members])];
      // the team's own events, less those the organisers' branch already reads
      whos.push(`team_id = ${param(filter.teamId)} AND assigned_to_id <> ALL(${param(organisers)}::uuid[])`);
    }
    if (organisers.length) {
      const ids = param(organisers);
      whos.push(`assigned_to_id = ANY(${ids}::uuid[])`);
      // what they attend without organising it (read by id through the attendee index), once even when also on the team
      const notTeam = filter.teamId ? ` AND team_id IS DISTINCT FROM ${param(filter.teamId)}` : '';
      whos.push(`id IN (SELECT event_id FROM event_attendees WHERE user_id = ANY(${ids}::uuid[])) AND assigned_to_id <> ALL(${ids}::uuid[])${notTeam}`);
    }
    if (!whos.length) return null;

    const fields = FIELDS[view];
    // one statement, one round trip: single events (and exception rows) with no `replaced`, then the series
    const singles = whos.flatMap((who) => [
      `SELECT ${fields}, NULL::float8[] AS replaced FROM events WHERE recurrence IS NULL AND ${who}
         AND start_at >= $1::timestamptz - interval '24 hours' AND start_at < $2 AND end_at > $1 AND end_at - start_at <= interval '24 hours' ${extra}`,
      `SELECT ${fields}, NULL::float8[] AS replaced FROM events WHERE recurrence IS NULL AND ${who}
         AND end_at - start_at > interval '24 hours' AND end_at > $1 AND start_at < $2 ${extra}`,
    ]);
    // an occurrence overlapping the range started at most one series length (plus a DST hour) before it
    const replaced = `ARRAY(SELECT date_part('epoch', x.original_start_at) * 1000 FROM events x WHERE x.series_id = events.id
         AND x.original_start_at > $1::timestamptz - (events.end_at - events.start_at) - interval '2 hours' AND x.original_start_at < $2) AS replaced`;
    const series = whos.map(
      (who) => `SELECT ${fields}, ${replaced} FROM events WHERE recurrence IS NOT NULL AND ${who}
         AND coalesce(series_end_at, 'infinity'::timestamptz) > $1 AND start_at < $2 ${extra}`,
    );
    return { sql: [...singles, ...series].join(' UNION ALL '), params };
  }

  private async teamMemberIds(teamId: string): Promise<string[]> {
    const members: { user_id: string }[] = await this.dataSource.query(`SELECT user_id FROM team_members WHERE team_id = $1`, [teamId]);
    return members.map((member) => member.user_id);
  }
}

/** Makes one calendar item of a row, at an occurrence's times. */
type ItemMaker<T> = (e: Row, startAt: Date, endAt: Date, seriesId: string | null, originalStartAt: Date | null, itemId: string) => T;

/**
 * The range's items, sorted by start: series expanded, less the
 * occurrences their exception rows replace; an exception row shows as
 * itself (when in range), a cancelled one only hides its occurrence.
 */
function toItems<T extends { startAt: Date; occurrenceId: string }>(rows: Row[], filter: OccurrenceFilter, toItem: ItemMaker<T>): T[] {
  const items: T[] = [];
  for (const row of rows) {
    const replaced = new Set(row.replaced ?? []);
    const event = withDates(row);
    if (event.recurrence) {
      const recurring = { startAt: event.startAt, endAt: event.endAt, timeZone: event.timeZone, recurrence: event.recurrence };
      for (const { startAt, endAt } of expandOccurrences(recurring, filter.from, filter.to)) {
        if (!replaced.has(startAt.getTime())) items.push(toItem(event, startAt, endAt, event.id, startAt, occurrenceId(event.id, startAt)));
      }
    } else if (!(event.seriesId && event.status === 'cancelled')) {
      const itemId = event.seriesId ? occurrenceId(event.seriesId, event.originalStartAt!) : event.id;
      items.push(toItem(event, event.startAt, event.endAt, event.seriesId, event.originalStartAt, itemId));
    }
  }
  return items.sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || (a.occurrenceId < b.occurrenceId ? -1 : a.occurrenceId > b.occurrenceId ? 1 : 0));
}

/** A row with its epoch-millisecond timestamps as dates (and without the series' helper column); the compact rows have some of them. */
function withDates(row: Row): Row {
  const fields = row as unknown as Record<string, unknown>;
  for (const field of DATE_FIELDS) if (fields[field] != null) fields[field] = new Date(fields[field] as number);
  delete fields.replaced;
  return row;
}

/**
 * One calendar item, written field by field: a calendar answer has hundreds,
 * and spreading a wide row into a new object for each cost more than the
 * query that read them.
 */
function toView(e: Row, startAt: Date, endAt: Date, seriesId: string | null, originalStartAt: Date | null, itemId: string): EventOccurrenceView {
  return {
    id: e.id,
    type: e.type,
    status: e.status,
    callDirection: e.callDirection,
    subject: e.subject,
    description: e.description,
    location: e.location,
    categoryId: e.categoryId,
    startAt,
    endAt,
    allDay: e.allDay,
    timeZone: e.timeZone,
    priority: e.priority,
    assignedToId: e.assignedToId,
    teamId: e.teamId,
    leadId: e.leadId,
    partnerId: e.partnerId,
    contactId: e.contactId,
    opportunityId: e.opportunityId,
    reminders: e.reminders,
    recurrence: e.recurrence,
    seriesEndAt: e.seriesEndAt,
    seriesId,
    originalStartAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    createdById: e.createdById,
    version: e.version,
    attendeeUserIds: e.attendeeUserIds,
    attendeeContactIds: e.attendeeContactIds,
    occurrenceId: itemId,
  };
}

/** The compact item: what the calendar grid draws, and the keys and version a drag writes with. */
function toCompactItem(e: Row, startAt: Date, endAt: Date, seriesId: string | null, originalStartAt: Date | null, itemId: string): EventCalendarItem {
  return {
    id: e.id,
    occurrenceId: itemId,
    seriesId,
    originalStartAt,
    type: e.type,
    status: e.status,
    callDirection: e.callDirection,
    priority: e.priority,
    subject: e.subject,
    startAt,
    endAt,
    allDay: e.allDay,
    assignedToId: e.assignedToId,
    teamId: e.teamId,
    version: e.version,
  };
}
