import type { Test } from 'supertest';
import { ReminderPlanner } from '../src/modules/reminders/reminder-planner';
import { ReminderWorker } from '../src/modules/reminders/reminder-worker';
import type { TestDatabase } from './support/test-database';
import { ApiProcess, newDatabase, signUp, startApiProcess } from './support/worker-apps';

type User = { id: string; token: string };
const MINUTE = 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** Runs both processes' delivery until neither finds anything due; returns what each claimed. */
async function drain(processes: ApiProcess[]): Promise<number[]> {
  const claimed = processes.map(() => 0);
  for (;;) {
    // two calls per process at once: the processes race each other and themselves
    const round = await Promise.all(processes.flatMap((p, i) => [0, 1].map(async () => [i, await p.app.get(ReminderWorker).deliverDue()] as const)));
    for (const [i, n] of round) claimed[i] += n;
    if (round.every(([, n]) => n === 0)) return claimed;
  }
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('reminders: once and only once, across processes and restarts', () => {
  describe('two API processes on one database (workers driven by hand)', () => {
    let database: TestDatabase;
    let a: ApiProcess;
    let b: ApiProcess;
    let jane: User;
    const as = (req: Test) => req.auth(jane.token, { type: 'bearer' });
    const createEvent = async (body: object) =>
      (
        await as(a.http.post('/api/v1/events'))
          .send({ type: 'meeting', subject: 'Meeting', ...body })
          .expect(201)
      ).body as { id: string };
    const planBoth = async () => (await Promise.all([a.app.get(ReminderPlanner).plan(), b.app.get(ReminderPlanner).plan()])).map((run) => run.planned);
    const jobs = (eventId: string) =>
      a.dataSource.query(
        `SELECT occurrence_start_at, offset_minutes, channel, status, late FROM reminder_jobs WHERE event_id = $1 ORDER BY occurrence_start_at, channel`,
        [eventId],
      );
    const notificationsOf = (eventId: string) => a.dataSource.query(`SELECT title, body, late FROM notifications WHERE record_id = $1`, [eventId]);

    beforeAll(async () => {
      database = await newDatabase();
      a = await startApiProcess(database.url!, { runWorkers: false });
      b = await startApiProcess(database.url!, { runWorkers: false });
      jane = await signUp(a.http, 'salesperson', 'jane@example.com');
    });
    afterAll(async () => {
      await a.close();
      await b.close();
      await database.drop();
    });

    it('delivers each due reminder exactly once when two processes plan and deliver at the same time', async () => {
      // through the API: starts in 30 s, reminders 1 and 2 minutes before (both due already)
      const viaApi = await createEvent({
        startAt: at(MINUTE / 2),
        endAt: at(MINUTE),
        reminders: [
          { offsetMinutes: 1, channel: 'notification' },
          { offsetMinutes: 2, channel: 'email' },
        ],
      });
      // and 1,200 more written straight to the table, so the claims (500 a batch) overlap
      await a.dataSource.query(
        `INSERT INTO events (id, type, subject, start_at, end_at, assigned_to_id, reminders, series_end_at)
         SELECT gen_random_uuid(), 'call', 'Call ' || g, now() + interval '30 seconds', now() + interval '40 seconds', $1,
                '[{"offsetMinutes": 1, "channel": "notification"}]', now() + interval '40 seconds'
           FROM generate_series(1, 1200) g`,
        [jane.id],
      );
      const planned = await planBoth();
      expect(planned.reduce((x, y) => x + y, 0)).toBe(1202);

      const claimed = await drain([a, b]);
      expect(claimed.reduce((x, y) => x + y, 0)).toBe(1202);
      expect(claimed.every((n) => n > 0)).toBe(true);
      const [{ delivered, pending }] = await a.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*) FILTER (WHERE status <> 'delivered')::int AS pending FROM reminder_jobs`,
      );
      expect({ delivered, pending }).toEqual({ delivered: 1202, pending: 0 });
      const [{ notifications, events, duplicates }] = await a.dataSource.query(
        `SELECT count(*)::int AS notifications, count(DISTINCT record_id)::int AS events,
                (SELECT count(*)::int FROM (SELECT record_id FROM notifications GROUP BY record_id HAVING count(*) > 1) d) AS duplicates
           FROM notifications WHERE user_id = $1`,
        [jane.id],
      );
      expect({ notifications, events, duplicates }).toEqual({ notifications: 1201, events: 1201, duplicates: 0 });
      const emails = await a.dataSource.query(`SELECT to_address, subject FROM outbound_emails WHERE subject_type = 'event' AND subject_id = $1`, [viaApi.id]);
      expect(emails).toEqual([{ to_address: 'jane@example.com', subject: 'Reminder: Meeting in 2 minutes: Meeting' }]);

      // planning and delivering again changes nothing
      expect(await planBoth()).toEqual([0, 0]);
      expect(await drain([a, b])).toEqual([0, 0]);
      expect((await notificationsOf(viaApi.id)).length).toBe(1);
    });

    it('gives a cancelled occurrence of a series no reminder, and the others theirs', async () => {
      // daily at now + 2 min, reminded 1 day 3 minutes before: the first two occurrences' reminders are due (the second's a minute ago)
      const start = Date.now() + 2 * MINUTE;
      const first = new Date(start).toISOString();
      const second = new Date(start + 1440 * MINUTE).toISOString();
      const cancelledLate = await createEvent({
        startAt: first,
        endAt: new Date(start + 30 * MINUTE).toISOString(),
        recurrence: { frequency: 'daily', interval: 1, count: 3 },
        reminders: [{ offsetMinutes: 1443, channel: 'notification' }],
      });
      const cancelledEarly = await createEvent({
        startAt: first,
        endAt: new Date(start + 30 * MINUTE).toISOString(),
        recurrence: { frequency: 'daily', interval: 1, count: 3 },
        reminders: [{ offsetMinutes: 1443, channel: 'notification' }],
      });
      // one cancelled before planning: never planned
      await as(a.http.delete(`/api/v1/events/${cancelledEarly.id}/occurrences/${first}`)).expect(204);
      await planBoth();
      expect((await jobs(cancelledEarly.id)).map((j: { occurrence_start_at: Date }) => j.occurrence_start_at.toISOString())).toEqual([second]);
      // the other after planning: its job is dropped when claimed
      expect((await jobs(cancelledLate.id)).length).toBe(2);
      await as(a.http.delete(`/api/v1/events/${cancelledLate.id}/occurrences/${first}`)).expect(204);
      await drain([a, b]);

      for (const event of [cancelledLate, cancelledEarly]) {
        const sent = await notificationsOf(event.id);
        expect(sent).toHaveLength(1);
        expect(sent[0].title).toBe('Meeting in 1443 minutes: Meeting');
      }
      expect((await jobs(cancelledLate.id)).map((j: { status: string }) => j.status)).toEqual(['dropped', 'delivered']);
    });

    it('links each reminder to the occurrence it is about: the series and that occurrence’s start, or the edited occurrence’s own row', async () => {
      // daily at now + 2 min, reminded 1 day 3 minutes before: the first two occurrences' reminders are due
      const start = Date.now() + 2 * MINUTE;
      const first = new Date(start).toISOString();
      const second = new Date(start + 1440 * MINUTE).toISOString();
      const series = await createEvent({
        subject: 'Daily stand-up',
        startAt: first,
        endAt: new Date(start + 15 * MINUTE).toISOString(),
        recurrence: { frequency: 'daily', interval: 1, count: 3 },
        reminders: [{ offsetMinutes: 1443, channel: 'notification' }],
      });
      // the second one edited on its own (same time): a row of its own, which its reminder is about
      const edited = (
        await as(a.http.patch(`/api/v1/events/${series.id}/occurrences/${second}`))
          .send({ location: 'Room 2' })
          .expect(200)
      ).body as { id: string };
      await planBoth();
      await drain([a, b]);

      const mine = (await as(a.http.get('/api/v1/notifications?q=stand-up')).expect(200)).body.items as Record<string, unknown>[];
      const links = mine.map(({ recordType, recordId, occurrenceStartAt }) => ({ recordType, recordId, occurrenceStartAt }));
      expect(links).toEqual(
        expect.arrayContaining([
          { recordType: 'event', recordId: series.id, occurrenceStartAt: first },
          { recordType: 'event', recordId: edited.id, occurrenceStartAt: second },
        ]),
      );
      expect(links).toHaveLength(2);
    });

    it('drops the reminder of an event moved later or cancelled, and plans the moved one anew', async () => {
      const moved = await createEvent({ startAt: at(MINUTE / 2), endAt: at(MINUTE), reminders: [{ offsetMinutes: 1, channel: 'notification' }] });
      const cancelled = await createEvent({ startAt: at(MINUTE / 2), endAt: at(MINUTE), reminders: [{ offsetMinutes: 1, channel: 'notification' }] });
      const deleted = await createEvent({ startAt: at(MINUTE / 2), endAt: at(MINUTE), reminders: [{ offsetMinutes: 1, channel: 'notification' }] });
      await planBoth();
      // moved to start in 3 minutes: the old job no longer matches; the new one is due in 2 minutes
      await as(a.http.patch(`/api/v1/events/${moved.id}`))
        .send({ startAt: at(3 * MINUTE), endAt: at(4 * MINUTE) })
        .expect(200);
      await as(a.http.patch(`/api/v1/events/${cancelled.id}`))
        .send({ status: 'cancelled' })
        .expect(200);
      await as(a.http.delete(`/api/v1/events/${deleted.id}`)).expect(204);
      await planBoth();
      await drain([a, b]);
      expect(await notificationsOf(moved.id)).toEqual([]);
      expect(await notificationsOf(cancelled.id)).toEqual([]);
      expect(await notificationsOf(deleted.id)).toEqual([]);
      expect((await jobs(moved.id)).map((j: { status: string }) => j.status).sort()).toEqual(['dropped', 'pending']);
      expect(await jobs(cancelled.id)).toEqual([expect.objectContaining({ status: 'dropped' })]);
      expect(await jobs(deleted.id)).toEqual([]);
    });
  });

  describe('a restart', () => {
    let database: TestDatabase;

    beforeAll(async () => (database = await newDatabase()));
    afterAll(() => database.drop());

    it('delivers on start, marked late, the reminders that fell due while no process ran, once', async () => {
      const before = await startApiProcess(database.url!, { runWorkers: true });
      const jane = await signUp(before.http, 'salesperson', 'jane@example.com');
      const create = async (subject: string, startsIn: number, offsetMinutes: number) =>
        (
          await before.http
            .post('/api/v1/events')
            .auth(jane.token, { type: 'bearer' })
            .send({ type: 'call', subject, startAt: at(startsIn), endAt: at(startsIn + 5 * MINUTE), reminders: [{ offsetMinutes, channel: 'notification' }] })
            .expect(201)
        ).body.id as string;
      // due in 3 minutes (planned before the stop) and in 20 minutes (beyond the planning horizon)
      const planned = await create('Planned before the stop', 8 * MINUTE, 5);
      const unplanned = await create('Not planned yet', 30 * MINUTE, 10);
      await before.app.get(ReminderPlanner).plan();
      const pending = await before.dataSource.query(`SELECT event_id, status FROM reminder_jobs`);
      expect(pending).toEqual([{ event_id: planned, status: 'pending' }]);
      await before.close();

      // 25 minutes go by with no API process: every stored time moves 25 minutes back
      const { Client } = await import('pg');
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query(`BEGIN; SET LOCAL session_replication_role = replica`);
      await client.query(
        `UPDATE events SET start_at = start_at - interval '25 minutes', end_at = end_at - interval '25 minutes', series_end_at = series_end_at - interval '25 minutes'`,
      );
      await client.query(`UPDATE reminder_jobs SET due_at = due_at - interval '25 minutes', occurrence_start_at = occurrence_start_at - interval '25 minutes'`);
      await client.query(`UPDATE reminder_planner SET planned_until = planned_until - interval '25 minutes'`);
      await client.query(`COMMIT`);
      await client.end();

      const after = await startApiProcess(database.url!, { runWorkers: true });
      try {
        const read = () => after.dataSource.query(`SELECT record_id, title, late FROM notifications ORDER BY title`);
        const delivered = await waitFor(read, (rows) => rows.length >= 2);
        expect(delivered).toEqual([
          { record_id: unplanned, title: 'Call (reminder sent late): Not planned yet', late: true },
          { record_id: planned, title: 'Call (reminder sent late): Planned before the stop', late: true },
        ]);
        const jobs = await after.dataSource.query(`SELECT event_id, status, late FROM reminder_jobs ORDER BY event_id`);
        expect(jobs).toEqual([planned, unplanned].sort().map((eventId) => ({ event_id: eventId, status: 'delivered', late: true })));
      } finally {
        await after.close();
      }
      // and a further restart does not deliver them again
      const again = await startApiProcess(database.url!, { runWorkers: true });
      await again.app.get(ReminderPlanner).plan();
      await again.app.get(ReminderWorker).deliverDue();
      expect((await again.dataSource.query(`SELECT count(*)::int AS n FROM notifications`))[0].n).toBe(2);
      await again.close();
    });
  });
});
