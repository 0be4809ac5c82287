#!/usr/bin/env node
// Event reminders at volume: 10,000 reminders due in the same minute on a
// fresh database `crm_bench_reminders`, delivered by the built API running
// two API processes (each with its reminder workers); prints the time from
// the due minute to the last delivery (goal < 60 s) and the duplicates (goal 0).
//
//   BENCH_PG_URL          server to use, default postgres://root@127.0.0.1:5432/postgres (trust auth)
//   BENCH_PORT            API port, default 3993
//   BENCH_REMINDERS       reminders (one per event), default 10000
//   BENCH_USERS           organisers they are spread over, default 200
//   BENCH_EMAIL_SHARE     share of reminders by email instead of in-app notification, default 0
//   BENCH_SPREAD_SECONDS  due times spread over this many seconds from the start of the minute, default 0
//                         (all at once: the hardest burst); 60 spreads them over the whole minute
//   BENCH_LEAD_SECONDS    the due minute starts at least this long after seeding, default 75
//   BENCH_TIMEOUT_SECONDS give up waiting this long after the due minute, default 180
//   BENCH_API_PROCESSES   API processes (CRM_API_PROCESSES), default 2 (the point: several racing for the same reminders)
//   BENCH_KEEP_DB=1       keep crm_bench_reminders afterwards
//
// Needs: a PostgreSQL server, apps/api built (built here with tsc when dist/ is
// missing), port 3993 free.

import { performance } from 'node:perf_hooks';
import {
  withDatabase,
  recreateDatabase,
  dropDatabase,
  benchPool,
  ensureBuilt,
  startApi,
  stopApi,
  createHttpClient,
  printTable,
  sec,
  sleep,
  runBench,
} from './lib/harness.mjs';

const env = process.env;
const ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const DB_NAME = 'crm_bench_reminders';
const DB_URL = withDatabase(ADMIN_URL, DB_NAME);
const PORT = Number(env.BENCH_PORT ?? 3993);
const API_PROCESSES = env.BENCH_API_PROCESSES ?? '2';
const REMINDERS = Number(env.BENCH_REMINDERS ?? 10_000);
const USERS = Number(env.BENCH_USERS ?? 200);
const EMAIL_SHARE = Number(env.BENCH_EMAIL_SHARE ?? 0);
const SPREAD_SECONDS = Number(env.BENCH_SPREAD_SECONDS ?? 0);
const LEAD_SECONDS = Number(env.BENCH_LEAD_SECONDS ?? 75);
const TIMEOUT_SECONDS = Number(env.BENCH_TIMEOUT_SECONDS ?? 180);
const KEEP_DB = env.BENCH_KEEP_DB === '1';
const GOAL_SECONDS = 60;
/** Reminder offset of every seeded event: it starts 10 minutes after its reminder is due. */
const OFFSET_MINUTES = 10;

const { request } = createHttpClient(2);

runBench(main);

async function main() {
  const started = performance.now();
  console.log(
    `reminders bench: ${REMINDERS.toLocaleString('en')} reminders due in one minute, ${USERS} organisers, ${API_PROCESSES} API processes, database ${DB_NAME}`,
  );
  await recreateDatabase(ADMIN_URL, DB_NAME);
  ensureBuilt();
  await startApi({ port: PORT, dbUrl: DB_URL, logPrefix: 'reminders-bench-', request, processes: API_PROCESSES });
  const db = benchPool(DB_URL, 2);
  try {
    const dueMinute = await seed(db);
    const result = await watch(db, dueMinute);
    await stopApi();
    await report(db, dueMinute, result);
  } finally {
    await db.end();
    await stopApi();
    if (KEEP_DB) console.log(`\nkept database ${DB_NAME}: ${DB_URL}`);
    else await dropDatabase(ADMIN_URL, DB_NAME);
    console.log(`\ntotal bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

/**
 * Organisers, then the events, written straight to the table in one
 * statement (the events trigger queues each for reminder planning, as the
 * API's writes do): every reminder falls due at the start of the same whole
 * minute (or at a random second of its first BENCH_SPREAD_SECONDS), which
 * starts at least BENCH_LEAD_SECONDS from now
 * (the planners run every 10 s and plan 5 minutes ahead).
 */
async function seed(db) {
  const t = performance.now();
  await db.query(
    `
    INSERT INTO users (id, email, name, role, active, password_hash)
    SELECT gen_random_uuid(), 'organiser' || lpad(g::text, 4, '0') || '@example.com', 'Organiser ' || g, 'salesperson', true, 'bench-dummy-hash-not-a-password'
      FROM generate_series(1, $1) g`,
    [USERS],
  );
  const dueMinute = new Date(Math.ceil((Date.now() + LEAD_SECONDS * 1000) / 60_000) * 60_000);
  await db.query(
    `
    WITH organisers AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE 'organiser%')
    INSERT INTO events (id, type, subject, start_at, end_at, assigned_to_id, reminders, series_end_at)
    SELECT gen_random_uuid(), 'meeting', 'Bench meeting ' || g, s.start_at, s.start_at + interval '30 minutes',
           organisers.ids[1 + (g % array_length(organisers.ids, 1))],
           jsonb_build_array(jsonb_build_object('offsetMinutes', $3::int, 'channel', CASE WHEN random() < $4 THEN 'email' ELSE 'notification' END)),
           s.start_at + interval '30 minutes'
      FROM generate_series(1, $1) g, organisers,
           -- (g in the expression: one random second per row, not one for all)
           LATERAL (SELECT $2::timestamptz + make_interval(mins => $3::int, secs => floor(random() * $5::int) + 0 * g) AS start_at) s`,
    [REMINDERS, dueMinute, OFFSET_MINUTES, EMAIL_SHARE, SPREAD_SECONDS],
  );
  const spread = SPREAD_SECONDS ? `from ${dueMinute.toISOString()} over ${SPREAD_SECONDS} s` : `all at ${dueMinute.toISOString()}`;
  console.log(
    `\nseeded ${USERS} organisers and ${REMINDERS.toLocaleString('en')} events in ${sec(t)}; reminders due ${spread} (${((dueMinute - Date.now()) / 1000).toFixed(0)} s from now)`,
  );
  return dueMinute;
}

/** Polls the jobs until every reminder is delivered (or the timeout), printing progress. */
async function watch(db, dueMinute) {
  const deadline = dueMinute.getTime() + TIMEOUT_SECONDS * 1000;
  let last = '';
  for (;;) {
    const {
      rows: [s],
    } = await db.query(`
      SELECT count(*)::int AS jobs, count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
             (SELECT count(*)::int FROM reminder_plan_queue) AS queued
        FROM reminder_jobs`);
    const line = `  ${new Date().toISOString()}: ${s.jobs} jobs planned, ${s.delivered} delivered, ${s.queued} events waiting for planning`;
    if (line.slice(27) !== last) console.log(line);
    last = line.slice(27);
    if (s.delivered >= REMINDERS) return { complete: true };
    if (Date.now() > deadline) return { complete: false };
    await sleep(250);
  }
}

async function report(db, dueMinute, { complete }) {
  const {
    rows: [jobs],
  } = await db.query(`
    SELECT count(*)::int AS jobs,
           count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE late)::int AS late,
           min(due_at) AS first_due, max(due_at) AS last_due, max(delivered_at) AS last_delivered, min(created_at) AS first_planned, max(created_at) AS last_planned,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - due_at)) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - due_at)) AS p95,
           max(extract(epoch FROM delivered_at - due_at)) AS worst
      FROM reminder_jobs`);
  // a duplicate is a second delivery of one (event, occurrence, offset, channel): a second
  // notification or email about the same event (every seeded event has one reminder)
  const {
    rows: [dups],
  } = await db.query(`
    SELECT (SELECT count(*) - count(DISTINCT record_id) FROM notifications WHERE kind = 'event_reminder')::int AS notifications,
           (SELECT count(*) - count(DISTINCT subject_id) FROM outbound_emails WHERE subject_type = 'event')::int AS emails,
           (SELECT count(*) FROM notifications WHERE kind = 'event_reminder')::int AS notification_rows,
           (SELECT count(*) FROM outbound_emails WHERE subject_type = 'event')::int AS email_rows`);
  const { rows: byProcess } = await db.query(`SELECT delivered_by, count(*)::int AS n FROM reminder_jobs WHERE status = 'delivered' GROUP BY 1 ORDER BY 1`);
  const seconds = (jobs.last_delivered - dueMinute) / 1000;
  console.log('\n== result');
  printTable(
    ['figure', 'value'],
    [
      ['reminders seeded', String(REMINDERS)],
      ['jobs planned', String(jobs.jobs)],
      ['jobs delivered', String(jobs.delivered)],
      ['notifications / emails written', `${dups.notification_rows} / ${dups.email_rows}`],
      ['duplicate deliveries', String(dups.notifications + dups.emails)],
      ['delivered per API process (host:pid)', byProcess.map((r) => `${r.delivered_by} ${r.n}`).join(', ')],
      ['planned (first .. last job written)', `${jobs.first_planned?.toISOString()} .. ${jobs.last_planned?.toISOString()}`],
      ['due (first .. last)', `${jobs.first_due?.toISOString()} .. ${jobs.last_due?.toISOString()}`],
      ['last delivery', jobs.last_delivered?.toISOString() ?? '-'],
      ['first due → last delivery', `${seconds.toFixed(1)} s`],
      ['delay after its own due time p50 / p95 / max', `${Number(jobs.p50).toFixed(2)} / ${Number(jobs.p95).toFixed(2)} / ${Number(jobs.worst).toFixed(2)} s`],
      ['marked late (> 2 min after due)', String(jobs.late)],
    ],
  );
  const allOnce = complete && jobs.delivered === REMINDERS && dups.notification_rows + dups.email_rows === REMINDERS && dups.notifications + dups.emails === 0;
  console.log(
    `\n${allOnce ? 'PASS' : 'MISS'} every reminder delivered exactly once (${jobs.delivered}/${REMINDERS}, ${dups.notifications + dups.emails} duplicates)`,
  );
  // the goal: each reminder out within 60 s of its due time (all due at once: first due → last delivery)
  const worst = Number(jobs.worst);
  console.log(
    `${complete && worst < GOAL_SECONDS ? 'PASS' : 'MISS'} slowest reminder delivered ${worst.toFixed(1)} s after it was due; first due → last delivery ${seconds.toFixed(1)} s (goal < ${GOAL_SECONDS} s)`,
  );
}
