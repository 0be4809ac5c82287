import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Occurrence, Recurrence } from '@crm/domain';
import { cutRecurrence, type RecurrenceCut } from '@crm/domain/recurrence';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { updateVersioned } from '../../platform/database/versioned-update';
import { staleVersion } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { UpdateEventDto } from './dto/event.dto';
import { attendeesOf, replaceAttendees } from './event-attendees';
import { applyEventFields, changedFields, sameRecurrence, TIMING_FIELDS, type EventColumns } from './event-changes';
import { EventOccurrencesService } from './event-occurrences.service';
import { seriesEndAt } from './event-rules';
import { eventEntry, followingChangedEntry, statusEntryKind } from './event-timeline';
import { Event, EventView } from './event.entity';
import { EventsService } from './events.service';

type Series = Event & { recurrence: Recurrence };

/**
 * "This and following": a series cut at one of its occurrences. The series
 * ends just before it; a new series, with the change, starts there. The
 * edited or cancelled occurrences from the cut on go with the new series
 * when its occurrences fall where the old ones did, and are dropped when
 * they moved (as a whole-series change drops them). Cut at its first
 * occurrence, the change is the whole series'. One transaction, the series
 * row locked throughout, as for every change of an occurrence.
 */
@Injectable()
export class EventSeriesSplitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly occurrences: EventOccurrencesService,
    private readonly history: HistoryService,
  ) {}

  /** Answers the new series (the series itself when cut at its first occurrence). `version` is the series'. */
  async update(seriesId: string, originalStartAt: string, dto: UpdateEventDto, actor: AuthenticatedUser): Promise<EventView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { series, occurrence } = await this.occurrences.lockedOccurrence(manager, seriesId, originalStartAt, actor);
      if (dto.version !== undefined && dto.version !== series.version) throw staleVersion('event');
      const cut = cutRecurrence(series, occurrence.startAt);
      if (!cut) {
        await this.events.updateWithin(manager, seriesId, dto, actor);
        return seriesId;
      }
      return this.split(manager, series, occurrence, cut, dto, actor);
    });
    return this.events.findById(id);
  }

  /** Ends the series before the occurrence, its edited occurrences from there on with it (the first occurrence: the whole series goes). */
  async remove(seriesId: string, originalStartAt: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { series, occurrence } = await this.occurrences.lockedOccurrence(manager, seriesId, originalStartAt, actor);
      const cut = cutRecurrence(series, occurrence.startAt);
      if (!cut) return this.events.removeWithin(manager, seriesId, actor);
      await this.endBefore(manager, series, undefined, cut.before);
      await manager.query(`DELETE FROM events WHERE series_id = $1 AND original_start_at >= $2`, [series.id, occurrence.startAt]);
      await this.history.record(manager, eventEntry('event_following_deleted', { ...series, startAt: occurrence.startAt }, actor));
    });
  }

  private async split(
    manager: EntityManager,
    series: Series,
    occurrence: Occurrence,
    cut: RecurrenceCut,
    dto: UpdateEventDto,
    actor: AuthenticatedUser,
  ): Promise<string> {
    const { version, attendeeUserIds, attendeeContactIds, ...fields } = dto;
    const attendees = { userIds: attendeeUserIds, contactIds: attendeeContactIds };
    // The new series as it would be unchanged: the rest of the old one, from the occurrence of the cut.
    const unchanged: EventColumns = { ...series, startAt: occurrence.startAt, endAt: occurrence.endAt, recurrence: cut.after };
    // The series' recurrence sent back as loaded (the form sends what it shows) means the rest of it, not as many again.
    const recurrence = fields.recurrence === undefined || sameRecurrence(fields.recurrence, series.recurrence) ? cut.after : fields.recurrence;
    const next = await applyEventFields(manager, { ...unchanged, seriesId: null }, { ...fields, recurrence }, attendees);

    await this.endBefore(manager, series, version, cut.before);
    const id = newId();
    // The following occurrences are still those its creator made: they keep the creator's right to change them.
    await manager.insert(Event, { ...next, id, createdById: series.createdById });
    await replaceAttendees(manager, id, (await attendeesOf(manager, [series.id]))(series.id));
    await replaceAttendees(manager, id, attendees);
    await this.moveExceptions(manager, series.id, id, occurrence.startAt, unchanged, next);

    const created = { ...next, id, seriesId: null };
    await this.history.record(manager, followingChangedEntry(created, series, actor));
    const kind = statusEntryKind(series.status, next.status);
    if (kind) await this.history.record(manager, eventEntry(kind, created, actor));
    return id;
  }

  /** The series ends before the cut: its recurrence cut, `series_end_at` recomputed; the `version` loaded checked when given. */
  private async endBefore(manager: EntityManager, series: Series, version: number | undefined, recurrence: Recurrence): Promise<void> {
    await updateVersioned(manager, Event, 'event', series.id, version, { recurrence, seriesEndAt: seriesEndAt({ ...series, recurrence }) });
  }

  /**
   * The old series' edited or cancelled occurrences from the cut on: moved
   * to the new series when its timing is the rest of the old one's (the
   * shared fields changed then reach those that had the old value), dropped
   * when it changed, as they no longer line up.
   */
  private async moveExceptions(manager: EntityManager, fromId: string, toId: string, cutAt: Date, unchanged: EventColumns, next: EventColumns): Promise<void> {
    if (changedFields(unchanged, next, TIMING_FIELDS).length) {
      await manager.query(`DELETE FROM events WHERE series_id = $1 AND original_start_at >= $2`, [fromId, cutAt]);
      return;
    }
    await manager.query(`UPDATE events SET series_id = $1, version = version + 1, updated_at = now() WHERE series_id = $2 AND original_start_at >= $3`, [
      toId,
      fromId,
      cutAt,
    ]);
    await this.events.followSeries(manager, toId, unchanged, next);
  }
}
