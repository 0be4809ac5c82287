import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Recurrence, type Reminder } from '@crm/domain';
import { expandOccurrences } from '@crm/domain/recurrence';
import { newId } from '../../platform/database/ids';

/** How far ahead jobs are materialised; longer than the planning interval, so a due job always exists before it is due. */
export const PLANNING_HORIZON_MS = 5 * 60 * 1000;
/** The furthest before its start a reminder may fire (the events module's limit: four weeks). */
const MAX_OFFSET_MINUTES = 40_320;
const MINUTE_MS = 60_000;
/** Changed events re-planned per run; the planning worker runs again at once after a full batch. */
export const QUEUE_BATCH = 5000;

/** What one planning run did. */
export interface PlanningRun {
  /** Jobs written (new, or dropped ones wanted again). */
  planned: number;
  /** Changed events taken from the queue. */
  changedEvents: number;
}

interface PlannedJob {
  eventId: string;
  occurrenceStartAt: Date;
  offsetMinutes: number;
  channel: Reminder['channel'];
  dueAt: Date;
}

interface SeriesRow {
  id: string;
  start_at: Date;
  end_at: Date;
  time_zone: string;
  recurrence: Recurrence;
  reminders: Reminder[];
}

/**
 * Turns events' reminders into reminder_jobs rows, one per (event,
 * occurrence, offset, channel): that key is unique, so planners running in
 * several processes at once, or twice over the same window, never make two.
 *
 * Two passes per run:
 * - the window: every reminder due in [planned_until, now + horizon). The
 *   stored planned_until only moves forward, so after a downtime the window
 *   starts where planning stopped and the reminders due meanwhile are
 *   planned, then delivered late.
 * - changed events: a trigger on events queues every insert or change of
 *   time, reminders, recurrence or status (reminder_plan_queue); their
 *   reminders due before now + horizon whose occurrence has not started yet
 *   are planned (a reminder for an event created 5 minutes before it starts
 *   fires at once).
 * Jobs made stale by a later change (moved, cancelled, reminder removed) are
 * not hunted down here: the worker checks each job against the event when it
 * claims it and drops those that no longer match. A job dropped that way and
 * wanted again (the event moved back) is revived by the conflict clause.
 */
@Injectable()
export class ReminderPlanner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One planning run. Runs are serialised across processes by the planner row's lock. */
  plan(now = new Date()): Promise<PlanningRun> {
    return this.dataSource.transaction(async (manager) => {
      const state: { planned_until: Date }[] = await manager.query(`SELECT planned_until FROM reminder_planner WHERE id = 1 FOR UPDATE SKIP LOCKED`);
      if (!state.length) return { planned: 0, changedEvents: 0 }; // another process is planning right now
      const horizon = new Date(now.getTime() + PLANNING_HORIZON_MS);
      const from = state[0].planned_until;
      const jobs: PlannedJob[] = [];
      if (from < horizon) {
        jobs.push(...(await this.singleEventJobs(manager, { from, to: horizon })));
        jobs.push(...(await this.seriesJobs(manager, { from, to: horizon })));
        await manager.query(`UPDATE reminder_planner SET planned_until = $1 WHERE id = 1`, [horizon]);
      }
      const changed = await this.changedEventJobs(manager, now, horizon);
      return { planned: await this.insert(manager, [...jobs, ...changed.jobs]), changedEvents: changed.events };
    });
  }

  /** Single events and edited occurrences (rows without recurrence) with a reminder due in the window. */
  private async singleEventJobs(manager: EntityManager, window: { from: Date; to: Date; eventIds?: string[]; startsAfter?: Date }): Promise<PlannedJob[]> {
    const params: unknown[] = [window.from, window.to, MAX_OFFSET_MINUTES];
    let only = '';
    if (window.eventIds) {
      params.push(window.eventIds);
      only = `AND e.id = ANY($${params.length}::uuid[])`;
    }
    const rows: { id: string; start_at: Date; offset_minutes: number; channel: Reminder['channel'] }[] = await manager.query(
      `SELECT e.id, e.start_at, (r->>'offsetMinutes')::int AS offset_minutes, r->>'channel' AS channel
         FROM events e CROSS JOIN LATERAL jsonb_array_elements(e.reminders) r
        WHERE e.recurrence IS NULL AND e.reminders <> '[]'::jsonb AND e.status = 'planned'
          AND e.start_at >= $1 AND e.start_at < $2::timestamptz + make_interval(mins => $3)
          AND e.start_at - make_interval(mins => (r->>'offsetMinutes')::int) >= $1
          AND e.start_at - make_interval(mins => (r->>'offsetMinutes')::int) < $2
          ${only}`,
      params,
    );
    return rows.map((row) => ({
      eventId: row.id,
      occurrenceStartAt: row.start_at,
      offsetMinutes: row.offset_minutes,
      channel: row.channel,
      dueAt: new Date(row.start_at.getTime() - row.offset_minutes * MINUTE_MS),
    }));
  }

  /** Occurrences of series with a reminder due in the window, less the occurrences edited or cancelled on their own. */
  private async seriesJobs(manager: EntityManager, window: { from: Date; to: Date; eventIds?: string[] }): Promise<PlannedJob[]> {
    const params: unknown[] = [window.from, window.to, MAX_OFFSET_MINUTES];
    let only = '';
    if (window.eventIds) {
      params.push(window.eventIds);
      only = `AND e.id = ANY($${params.length}::uuid[])`;
    }
    const series: SeriesRow[] = await manager.query(
      `SELECT e.id, e.start_at, e.end_at, e.time_zone, e.recurrence, e.reminders
         FROM events e
        WHERE e.recurrence IS NOT NULL AND e.reminders <> '[]'::jsonb AND e.status = 'planned'
          AND e.start_at < $2::timestamptz + make_interval(mins => $3)
          AND (e.series_end_at IS NULL OR e.series_end_at > $1)
          ${only}`,
      params,
    );
    if (!series.length) return [];
    const replaced = await this.replacedOccurrences(
      manager,
      series.map((s) => s.id),
    );
    const jobs: PlannedJob[] = [];
    for (const s of series) {
      const maxOffset = Math.max(...s.reminders.map((r) => r.offsetMinutes));
      // occurrences starting in [from, to + the largest offset) can have a reminder due in [from, to)
      const occurrences = expandOccurrences(
        { startAt: s.start_at, endAt: s.end_at, timeZone: s.time_zone, recurrence: s.recurrence },
        window.from,
        new Date(window.to.getTime() + maxOffset * MINUTE_MS),
      );
      for (const occurrence of occurrences) {
        if (occurrence.startAt < window.from || replaced.has(`${s.id}|${occurrence.startAt.toISOString()}`)) continue;
        for (const reminder of s.reminders) {
          const dueAt = new Date(occurrence.startAt.getTime() - reminder.offsetMinutes * MINUTE_MS);
          if (dueAt < window.from || dueAt >= window.to) continue;
          jobs.push({ eventId: s.id, occurrenceStartAt: occurrence.startAt, offsetMinutes: reminder.offsetMinutes, channel: reminder.channel, dueAt });
        }
      }
    }
    return jobs;
  }

  /**
   * Events queued by the trigger since the last run: their reminders for
   * occurrences that have not started, due before the horizon (past due
   * ones at once: the event was created or moved inside its reminder time).
   */
  private async changedEventJobs(manager: EntityManager, now: Date, horizon: Date): Promise<{ jobs: PlannedJob[]; events: number }> {
    // (a CTE, so the driver hands back plain rows for a DELETE … RETURNING)
    const queued: { event_id: string }[] = await manager.query(
      `WITH taken AS (
         DELETE FROM reminder_plan_queue
          WHERE event_id IN (SELECT event_id FROM reminder_plan_queue ORDER BY queued_at LIMIT ${QUEUE_BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING event_id)
       SELECT event_id FROM taken`,
    );
    if (!queued.length) return { jobs: [], events: 0 };
    const eventIds = queued.map((row) => row.event_id);
    // due from the start of time: the occurrence itself must only be yet to come
    const window = { from: new Date(now.getTime() - MAX_OFFSET_MINUTES * MINUTE_MS), to: horizon, eventIds };
    const jobs = [...(await this.singleEventJobs(manager, window)), ...(await this.seriesJobs(manager, window))];
    return { jobs: jobs.filter((job) => job.occurrenceStartAt > now), events: queued.length };
  }

  private async replacedOccurrences(manager: EntityManager, seriesIds: string[]): Promise<Set<string>> {
    const rows: { series_id: string; original_start_at: Date }[] = await manager.query(
      `SELECT series_id, original_start_at FROM events WHERE series_id = ANY($1::uuid[])`,
      [seriesIds],
    );
    return new Set(rows.map((row) => `${row.series_id}|${row.original_start_at.toISOString()}`));
  }

  private async insert(manager: EntityManager, planned: PlannedJob[]): Promise<number> {
    // both passes may plan the same job; one INSERT … ON CONFLICT DO UPDATE must not see a key twice
    const jobs = [
      ...new Map(planned.map((job) => [`${job.eventId}|${job.occurrenceStartAt.toISOString()}|${job.offsetMinutes}|${job.channel}`, job])).values(),
    ];
    let written = 0;
    for (let i = 0; i < jobs.length; i += 5000) {
      const chunk = jobs.slice(i, i + 5000);
      const result: unknown[] = await manager.query(
        `WITH written AS (
           INSERT INTO reminder_jobs (id, event_id, occurrence_start_at, offset_minutes, channel, due_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::int[], $5::text[], $6::timestamptz[])
           ON CONFLICT (event_id, occurrence_start_at, offset_minutes, channel)
             DO UPDATE SET status = 'pending', due_at = EXCLUDED.due_at
             WHERE reminder_jobs.status = 'dropped'
           RETURNING id)
         SELECT id FROM written`,
        [
          chunk.map(() => newId()),
          chunk.map((job) => job.eventId),
          chunk.map((job) => job.occurrenceStartAt),
          chunk.map((job) => job.offsetMinutes),
          chunk.map((job) => job.channel),
          chunk.map((job) => job.dueAt),
        ],
      );
      written += result.length;
    }
    return written;
  }
}
