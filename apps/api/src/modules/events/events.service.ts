import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { reassignColumn, type RecordReassignment } from '../../platform/database/record-merge';
import { updateVersioned } from '../../platform/database/versioned-update';
import { invalidInput, notFound, staleVersion } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { CalendarsService } from '../calendars';
import { onOrAfterLocalDay, onOrBeforeLocalDay } from '../settings';
import { CreateEventDto, ListEventsQuery, UpdateEventDto } from './dto/event.dto';
import { attendeesOf, reassignAttendingContact, replaceAttendees } from './event-attendees';
import { EventCalendarAnswers, ServedAnswer } from './event-calendar-answers';
import { MAX_RANGE_DAYS, OccurrenceFilter } from './event-calendar.service';
import { applyEventFields, assertMayChange, changedFields, EventColumns, TIMING_FIELDS } from './event-changes';
import { eventEntry, statusEntryKind } from './event-timeline';
import { Event, EventView } from './event.entity';

const EVENT_LIST: ListSpec = {
  alias: 'event',
  filters: {
    type: (value) => `event.type = ANY(CAST(${value} AS text[]))`,
    assignedToId: (value) => `event.assigned_to_id = ANY(CAST(${value} AS uuid[]))`,
    teamId: (value) => `(event.team_id = ${value} OR event.assigned_to_id IN (SELECT user_id FROM team_members WHERE team_id = ${value}))`,
    status: 'event.status',
    callDirection: 'event.call_direction',
    startFrom: onOrAfterLocalDay('event.start_at'),
    startTo: onOrBeforeLocalDay('event.start_at'),
    priority: 'event.priority',
    // a task is due at its end; a recurring series' row is not one task to tick off
    overdue: (value) => `(event.type = 'task' AND event.status = 'planned' AND event.recurrence IS NULL AND event.end_at < now()) = ${value}`,
    leadId: 'event.lead_id',
    partnerId: 'event.partner_id',
    contactId: 'event.contact_id',
    opportunityId: 'event.opportunity_id',
    categoryId: 'event.category_id',
    seriesId: 'event.series_id',
    recurring: (value) => `(event.recurrence IS NOT NULL) = ${value}`,
  },
  sorts: {
    startAt: 'event.start_at',
    endAt: 'event.end_at',
    subject: 'event.subject',
    type: 'event.type',
    status: 'event.status',
    priority: 'event.priority',
    createdAt: 'event.created_at',
    updatedAt: 'event.updated_at',
  },
  searchColumn: 'event.search_text',
  defaultSort: '-startAt',
  nullableSorts: ['priority'],
};

/** Fields of a series that its edited occurrences follow, unless they were changed on the occurrence. */
const SHARED_FIELDS = [
  'type',
  'status',
  'callDirection',
  'subject',
  'description',
  'location',
  'categoryId',
  'priority',
  'assignedToId',
  'teamId',
  'leadId',
  'partnerId',
  'contactId',
  'opportunityId',
  'reminders',
] as const;

/** Calendar mode filters: the list's other filters do not apply to expanded occurrences. */
const RANGE_FIELDS = new Set(['from', 'to', 'view', 'type', 'assignedToId', 'teamId', 'calendarId', 'status']);

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly calendarAnswers: EventCalendarAnswers,
    private readonly calendars: CalendarsService,
  ) {}

  /** The list: a page of event rows (without `from` and `to`, see `isCalendarRange`). */
  async list(query: ListEventsQuery): Promise<Page<EventView>> {
    for (const field of ['calendarId', 'view'] as const) {
      if (query[field]) throw invalidInput([{ field, message: `${field} goes with from and to (the calendar mode)` }]);
    }
    const page = await runList(this.dataSource.getRepository(Event).createQueryBuilder('event'), query, EVENT_LIST);
    return { ...page, items: await this.withAttendees(page.items) };
  }

  /** With `from` or `to` the list is a calendar range. */
  isCalendarRange(query: ListEventsQuery): boolean {
    return query.from !== undefined || query.to !== undefined;
  }

  /** The calendar: every occurrence in the range, as one page of gzipped JSON (kept while nothing in it changes). */
  async calendarRange(query: ListEventsQuery, actor: AuthenticatedUser): Promise<ServedAnswer> {
    return this.calendarAnswers.answer(await this.rangeFilter(query, actor), query.view ?? 'full');
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<EventView> {
    const event = await manager.getRepository(Event).findOneBy({ id });
    if (!event) throw notFound('event', id);
    const [view] = await this.withAttendees([event], manager);
    return view;
  }

  async create(dto: CreateEventDto, actor: AuthenticatedUser): Promise<EventView> {
    const { attendeeUserIds, attendeeContactIds, ...fields } = dto;
    const id = newId();
    await this.dataSource.transaction(async (manager) => {
      const base: EventColumns = {
        type: dto.type,
        status: 'planned',
        callDirection: null,
        subject: dto.subject,
        description: null,
        location: null,
        categoryId: null,
        startAt: new Date(dto.startAt),
        endAt: new Date(dto.endAt),
        allDay: false,
        timeZone: 'UTC',
        priority: null,
        assignedToId: actor.id,
        teamId: null,
        leadId: null,
        partnerId: null,
        contactId: null,
        opportunityId: null,
        reminders: [],
        recurrence: null,
        seriesEndAt: null,
      };
      const row = await applyEventFields(manager, { ...base, seriesId: null }, fields, { userIds: attendeeUserIds, contactIds: attendeeContactIds });
      await manager.insert(Event, { ...row, id, createdById: actor.id });
      await replaceAttendees(manager, id, { userIds: attendeeUserIds, contactIds: attendeeContactIds });
      const created = { ...row, id, seriesId: null };
      await this.history.record(manager, eventEntry('event_created', created, actor));
      const kind = statusEntryKind('planned', row.status);
      if (kind) await this.history.record(manager, eventEntry(kind, created, actor));
    });
    return this.findById(id);
  }

  /**
   * Changes one row: a single event, an edited occurrence, or a whole series.
   * A series whose timing changes drops its edited occurrences (they no longer
   * line up); other changes reach the occurrences that still had the old value.
   */
  async update(id: string, dto: UpdateEventDto, actor: AuthenticatedUser): Promise<EventView> {
    await this.dataSource.transaction((manager) => this.updateWithin(manager, id, dto, actor));
    return this.findById(id);
  }

  /** `update` inside the caller's transaction ("this and following" from a series' first occurrence is the whole series). */
  async updateWithin(manager: EntityManager, id: string, dto: UpdateEventDto, actor: AuthenticatedUser): Promise<void> {
    const { version, attendeeUserIds, attendeeContactIds, ...fields } = dto;
    const current = await this.locked(manager, id);
    assertMayChange(current, actor);
    if (version !== undefined && version !== current.version) throw staleVersion('event');
    const next = await applyEventFields(manager, current, fields, { userIds: attendeeUserIds, contactIds: attendeeContactIds });
    if (current.recurrence) {
      if (!next.recurrence || changedFields(current, next, TIMING_FIELDS).length) {
        await manager.query(`DELETE FROM events WHERE series_id = $1`, [id]);
      } else {
        await this.followSeries(manager, id, current, next);
      }
    }
    await updateVersioned(manager, Event, 'event', id, version, next);
    await replaceAttendees(manager, id, { userIds: attendeeUserIds, contactIds: attendeeContactIds });
    const kind = statusEntryKind(current.status, next.status);
    if (kind) await this.history.record(manager, eventEntry(kind, { ...next, id, seriesId: current.seriesId }, actor));
  }

  /**
   * Deletes an event or a whole series (its edited occurrences with it). An
   * edited occurrence is cancelled instead: deleting its row would bring the
   * series' original occurrence back.
   */
  /**
   * A merge: the events of a merged lead, partner or contact are now the kept
   * one's (versions go up), and a merged contact's invitations pass to the
   * kept contact (once per event: where both were invited, one remains).
   */
  async reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    const column = ({ lead: 'leadId', partner: 'partnerId', contact: 'contactId' } as const)[reassignment.type];
    const moved = await reassignColumn(manager, Event, column, reassignment);
    if (reassignment.type === 'contact') await reassignAttendingContact(manager, reassignment.fromIds, reassignment.toId);
    return moved;
  }

  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction((manager) => this.removeWithin(manager, id, actor));
  }

  /** `remove` inside the caller's transaction (deleting "this and following" from a series' first occurrence deletes it all). */
  async removeWithin(manager: EntityManager, id: string, actor: AuthenticatedUser): Promise<void> {
    const current = await this.locked(manager, id);
    assertMayChange(current, actor);
    if (current.seriesId) {
      if (current.status === 'cancelled') return;
      await updateVersioned(manager, Event, 'event', id, undefined, { status: 'cancelled' });
      await this.history.record(manager, eventEntry('event_cancelled', current, actor));
      return;
    }
    await manager.delete(Event, { id });
    await this.history.record(manager, eventEntry('event_deleted', current, actor));
  }

  /** Locks the row for the rest of the transaction (a series: its occurrences too, as they are edited under it). */
  async locked(manager: EntityManager, id: string): Promise<Event> {
    const event = await manager.getRepository(Event).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw notFound('event', id);
    return event;
  }

  async withAttendees(events: Event[], manager: EntityManager = this.dataSource.manager): Promise<EventView[]> {
    const attendees = await attendeesOf(
      manager,
      events.map((event) => event.id),
    );
    return events.map((event) => ({ ...event, attendeeUserIds: attendees(event.id).userIds, attendeeContactIds: attendees(event.id).contactIds }));
  }

  /** A series' shared fields changed: each edited occurrence that still had the old value takes the new one. */
  async followSeries(manager: EntityManager, seriesId: string, before: EventColumns, after: EventColumns): Promise<void> {
    const columns = manager.getRepository(Event).metadata;
    for (const field of changedFields(before, after, SHARED_FIELDS)) {
      const column = columns.findColumnWithPropertyName(field)!.databaseName;
      const json = field === 'reminders';
      const [value, old] = json ? [JSON.stringify(after[field]), JSON.stringify(before[field])] : [after[field], before[field]];
      const cast = json ? '::jsonb' : '';
      await manager.query(
        `UPDATE events SET ${column} = $1${cast}, version = version + 1, updated_at = now() WHERE series_id = $2 AND ${column} IS NOT DISTINCT FROM $3${cast}`,
        [value, seriesId, old],
      );
    }
  }

  private async rangeFilter(query: ListEventsQuery, actor: AuthenticatedUser): Promise<OccurrenceFilter> {
    const problems = Object.entries(query)
      .filter(([field, value]) => value !== undefined && !RANGE_FIELDS.has(field))
      .map(([field]) => ({ field, message: `${field} does not apply to the calendar mode (from/to)` }));
    if (!query.from || !query.to) problems.push({ field: query.from ? 'to' : 'from', message: 'from and to go together' });
    if (problems.length) throw invalidInput(problems);
    const from = new Date(query.from!);
    const to = new Date(query.to!);
    if (to.getTime() <= from.getTime()) throw invalidInput([{ field: 'to', message: 'to must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * 60 * 60 * 1000) {
      throw invalidInput([{ field: 'to', message: `a calendar range spans at most ${MAX_RANGE_DAYS} days` }]);
    }
    const followed = query.calendarId ? await this.calendars.followedUserIds(query.calendarId, actor) : [];
    const mine = !query.assignedToId?.length && !query.teamId && !query.calendarId;
    return {
      from,
      to,
      assignedToIds: mine ? [actor.id] : [...(query.assignedToId ?? []), ...followed],
      teamId: query.teamId,
      types: query.type,
      statuses: query.status ? [query.status] : undefined,
    };
  }
}
