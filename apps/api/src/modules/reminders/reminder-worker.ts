import { hostname } from 'node:os';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Reminder } from '@crm/domain';
import { isOccurrenceStart } from '@crm/domain/recurrence';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { PollingWorker } from '../../platform/jobs/polling-worker';
import { EmailService, QueuedEmail } from '../email';
import { NewNotification, Notification, NotificationsService } from '../notifications';
import type { EventRow } from '../events';
import { reminderMessage } from './reminder-message';
import { QUEUE_BATCH, ReminderPlanner } from './reminder-planner';

/** Jobs claimed per transaction. */
export const DELIVERY_BATCH = 500;
/** A reminder delivered more than this after it was due is marked late (the server was down, or busy). */
const LATE_AFTER = `interval '2 minutes'`;
const DELIVERY_INTERVAL_MS = 2000;
// short, so a reminder already due when its event is created or moved goes out within seconds
const PLANNING_INTERVAL_MS = 10_000;
/** Which process delivered a job (host:pid), kept on the job for operators and the benchmark. */
const THIS_PROCESS = `${hostname()}:${process.pid}`;

/** A claimed job with its event's columns and its organiser. */
interface ClaimedJob extends Pick<
  EventRow,
  'type' | 'status' | 'subject' | 'location' | 'start_at' | 'end_at' | 'all_day' | 'time_zone' | 'reminders' | 'recurrence'
> {
  id: string;
  event_id: string;
  occurrence_start_at: Date;
  offset_minutes: number;
  channel: Reminder['channel'];
  late: boolean;
  replaced: boolean;
  user_id: string;
  email: string;
  active: boolean;
}

/**
 * Delivers due reminder jobs: claims them with FOR UPDATE SKIP LOCKED (two
 * processes never get the same row), creates the notification or queues the
 * email, and marks the job delivered, all in the claiming transaction, so a
 * crash before the commit leaves the job pending and nothing half-sent, and
 * a commit means delivered exactly once. Runs, with the planner, in every
 * process whose config says runWorkers.
 */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly delivery = new PollingWorker('ReminderDelivery', () => this.deliverDue(), DELIVERY_INTERVAL_MS, DELIVERY_BATCH);
  private readonly planning = new PollingWorker('ReminderPlanning', () => this.planAndPoke(), PLANNING_INTERVAL_MS, QUEUE_BATCH);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: ReminderPlanner,
    private readonly notifications: NotificationsService,
    private readonly emails: EmailService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    // planning first on start: reminders due while no process ran are planned, then delivered late
    this.planning.start();
    this.delivery.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.planning.stop(), this.delivery.stop()]);
  }

  /** Delivers one batch of due jobs; returns how many were claimed (the worker runs again at once after a full batch). */
  async deliverDue(): Promise<number> {
    let created: Notification[] = [];
    const claimed = await this.dataSource.transaction(async (manager) => {
      const jobs = await this.claim(manager);
      if (!jobs.length) return 0;
      const { deliver, drop } = partition(jobs);
      created = await this.notifications.record(manager, deliver.filter((job) => job.channel === 'notification').map(toNotification));
      await this.emails.queueInTransaction(manager, deliver.filter((job) => job.channel === 'email').map(toEmail));
      await manager.query(
        `UPDATE reminder_jobs SET status = 'delivered', delivered_at = now(), delivered_by = $3, late = j.late
           FROM unnest($1::uuid[], $2::boolean[]) AS j(id, late) WHERE reminder_jobs.id = j.id`,
        [deliver.map((job) => job.id), deliver.map((job) => job.late), THIS_PROCESS],
      );
      await manager.query(`UPDATE reminder_jobs SET status = 'dropped' WHERE id = ANY($1::uuid[])`, [drop.map((job) => job.id)]);
      return jobs.length;
    });
    this.notifications.announce(created);
    return claimed;
  }

  /** Plans, wakes the delivery when jobs were written; a full queue batch makes the planning run again at once. */
  private async planAndPoke(): Promise<number> {
    const run = await this.planner.plan();
    if (run.planned) this.delivery.poke();
    return run.changedEvents;
  }

  private async claim(manager: EntityManager): Promise<ClaimedJob[]> {
    return manager.query(
      `SELECT j.id, j.event_id, j.occurrence_start_at, j.offset_minutes, j.channel, (now() - j.due_at > ${LATE_AFTER}) AS late,
              e.type, e.status, e.subject, e.location, e.start_at, e.end_at, e.all_day, e.time_zone, e.reminders, e.recurrence,
              EXISTS (SELECT 1 FROM events x WHERE x.series_id = e.id AND x.original_start_at = j.occurrence_start_at) AS replaced,
              u.id AS user_id, u.email, u.active
         FROM reminder_jobs j
         JOIN events e ON e.id = j.event_id
         JOIN users u ON u.id = e.assigned_to_id
        WHERE j.status = 'pending' AND j.due_at <= now()
        ORDER BY j.due_at
        LIMIT ${DELIVERY_BATCH}
        FOR UPDATE OF j SKIP LOCKED`,
    );
  }
}

/**
 * Whether a claimed job still matches its event as it is now: planned (not
 * cancelled or done), the reminder still set, the occurrence still there (a
 * single event not moved; a series occurrence still in the rule and not
 * replaced by an edited or cancelled row of its own), the organiser active.
 */
function stillWanted(job: ClaimedJob): boolean {
  if (job.status !== 'planned' || !job.active) return false;
  if (!job.reminders.some((r) => r.offsetMinutes === job.offset_minutes && r.channel === job.channel)) return false;
  if (!job.recurrence) return job.start_at.getTime() === job.occurrence_start_at.getTime();
  if (job.replaced) return false;
  return isOccurrenceStart({ startAt: job.start_at, endAt: job.end_at, timeZone: job.time_zone, recurrence: job.recurrence }, job.occurrence_start_at);
}

function partition(jobs: ClaimedJob[]): { deliver: ClaimedJob[]; drop: ClaimedJob[] } {
  const deliver: ClaimedJob[] = [];
  const drop: ClaimedJob[] = [];
  for (const job of jobs) (stillWanted(job) ? deliver : drop).push(job);
  return { deliver, drop };
}

function message(job: ClaimedJob) {
  return reminderMessage({
    type: job.type,
    subject: job.subject,
    location: job.location,
    allDay: job.all_day,
    timeZone: job.time_zone,
    occurrenceStartAt: job.occurrence_start_at,
    offsetMinutes: job.offset_minutes,
    late: job.late,
  });
}

/**
 * Reminders go to the organiser (the event's assignee), like Axelor's "for me" reminders.
 * With the occurrence's start, so the bell opens the meeting it reminded of, not the series.
 */
function toNotification(job: ClaimedJob): NewNotification {
  const { title, body } = message(job);
  return {
    userId: job.user_id,
    kind: 'event_reminder',
    title,
    body,
    recordType: 'event',
    recordId: job.event_id,
    occurrenceStartAt: job.occurrence_start_at,
    late: job.late,
  };
}

function toEmail(job: ClaimedJob): QueuedEmail {
  const { title, body } = message(job);
  return { subjectType: 'event', subjectId: job.event_id, toAddress: job.email, subject: `Reminder: ${title}`, body: `${title}\n\n${body}\n` };
}
