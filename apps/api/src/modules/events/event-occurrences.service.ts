import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Occurrence, Recurrence } from '@crm/domain';
import { occurrenceStartingAt } from '@crm/domain/recurrence';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { updateVersioned } from '../../platform/database/versioned-update';
import { DomainError, invalidInput, ruleViolation, staleVersion } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { UpdateOccurrenceDto } from './dto/event.dto';
import { attendeesOf, replaceAttendees } from './event-attendees';
import { applyEventFields, assertMayChange } from './event-changes';
import { eventEntry, statusEntryKind } from './event-timeline';
import { Event, EventView } from './event.entity';
import { EventsService } from './events.service';

/**
 * One occurrence of a series changed or cancelled on its own: a row of its
 * own (an exception) that names the series and the occurrence's original
 * start; made on the first change, updated on the next ones. The series row
 * is locked meanwhile, so a whole-series change and an occurrence change
 * never interleave.
 */
@Injectable()
export class EventOccurrencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly history: HistoryService,
  ) {}

  async update(seriesId: string, originalStartAt: string, dto: UpdateOccurrenceDto, actor: AuthenticatedUser): Promise<EventView> {
    const id = await this.dataSource.transaction((manager) => this.write(manager, seriesId, originalStartAt, dto, actor));
    return this.events.findById(id);
  }

  async cancel(seriesId: string, originalStartAt: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction((manager) => this.write(manager, seriesId, originalStartAt, { status: 'cancelled' }, actor));
  }

  /**
   * The series, locked for the rest of the transaction, and its occurrence
   * that starts at `originalStartAt` (the path's text): 400 when that is no
   * date-time, 422 when the event does not recur, 403 when the caller may
   * not change it, 404 when no occurrence starts there.
   */
  async lockedOccurrence(
    manager: EntityManager,
    seriesId: string,
    originalStartAtText: string,
    actor: AuthenticatedUser,
  ): Promise<{ series: Event & { recurrence: Recurrence }; occurrence: Occurrence }> {
    const originalStartAt = new Date(originalStartAtText);
    if (Number.isNaN(originalStartAt.getTime())) {
      throw invalidInput([{ field: 'originalStartAt', message: 'originalStartAt must be an ISO 8601 date-time' }]);
    }
    const series = await this.events.locked(manager, seriesId);
    const { recurrence } = series;
    if (!recurrence) throw ruleViolation('NOT_A_SERIES', 'This event does not recur: change it with PATCH /events/:id.');
    assertMayChange(series, actor);
    const occurrence = occurrenceStartingAt({ startAt: series.startAt, endAt: series.endAt, timeZone: series.timeZone, recurrence }, originalStartAt);
    if (!occurrence) {
      throw new DomainError('not_found', 'NOT_FOUND', `The series has no occurrence starting at ${originalStartAt.toISOString()}.`);
    }
    return { series: { ...series, recurrence }, occurrence };
  }

  private async write(
    manager: EntityManager,
    seriesId: string,
    originalStartAtText: string,
    dto: UpdateOccurrenceDto,
    actor: AuthenticatedUser,
  ): Promise<string> {
    const { version, attendeeUserIds, attendeeContactIds, ...fields } = dto;
    const { series, occurrence } = await this.lockedOccurrence(manager, seriesId, originalStartAtText, actor);
    const originalStartAt = occurrence.startAt;
    const existing = await manager.getRepository(Event).findOne({ where: { seriesId, originalStartAt }, lock: { mode: 'pessimistic_write' } });
    // the version the client loaded: the edited occurrence's, or the series' for an occurrence not yet edited
    if (version !== undefined && version !== (existing ?? series).version) throw staleVersion('event');
    const attendees = { userIds: attendeeUserIds, contactIds: attendeeContactIds };
    const base = existing ?? { ...series, startAt: occurrence.startAt, endAt: occurrence.endAt, recurrence: null, seriesEndAt: occurrence.endAt };
    const next = await applyEventFields(manager, { ...base, seriesId }, fields, attendees);
    const before = existing?.status ?? series.status;
    let id: string;
    if (existing) {
      id = existing.id;
      await updateVersioned(manager, Event, 'event', id, undefined, next);
    } else {
      id = newId();
      await manager.insert(Event, { ...next, id, seriesId, originalStartAt, createdById: actor.id });
      const inherited = (await attendeesOf(manager, [seriesId]))(seriesId);
      await replaceAttendees(manager, id, inherited);
    }
    await replaceAttendees(manager, id, attendees);
    const kind = statusEntryKind(before, next.status);
    if (kind) await this.history.record(manager, eventEntry(kind, { ...next, id, seriesId }, actor));
    return id;
  }
}
