#!/usr/bin/env node
// Calendars at volume: a fresh database `crm_bench_events` with 2,000,000
// events of 200 users (weekly series with edited and cancelled occurrences
// among them), the built API on it, then (a) a user's week and (b) a team's
// month through `GET /events?from&to&view=compact` (what the calendar screen
// asks) at 16 concurrent clients, the same reads through the built
// EventCalendarService without HTTP, plans; PASS/MISS.
//
// The API keeps calendar answers between reads while nothing in them changes
// (EventCalendarAnswers): the clients ask a set of ranges over and over, as a
// sales floor does, while a writer changes events of random users through the
// API (BENCH_WRITES_PER_SECOND), each write making the answers that show that
// event read afresh. `svc` is the read without that cache (nor HTTP): what a
// range costs the first time. CRM_CALENDAR_CACHE_MB=0 runs the API without it.
//
//   BENCH_PG_URL          server to use, default postgres://root@127.0.0.1:5432/postgres (trust auth)
//   BENCH_PORT            API port, default 3992
//   BENCH_EVENTS          default 2000000      BENCH_USERS  default 200 (teams of BENCH_TEAM_SIZE, default 5)
//   BENCH_YEARS           span of the events, default 5 (four years back, one ahead)
//   BENCH_CONCURRENCY     default 16           BENCH_REQUESTS  per client, default 400
//   BENCH_WARMUP          per client, default 100
//   BENCH_VIEW            items asked for: compact (default, the calendar screen's) or full (every field)
//   BENCH_PHASE_SECONDS   a measured phase stops at this deadline, default 60
//   BENCH_WRITES_PER_SECOND  event changes (PATCH subject) during each API phase, default 2
//   BENCH_KEEP_DB=1       keep crm_bench_events afterwards (to EXPLAIN by hand)
//   BENCH_REUSE_DB=1      measure a kept crm_bench_events as it is (no reseed, not dropped)
//
// Needs: a PostgreSQL server (superuser for the fast load), apps/api built
// (built here with tsc when dist/ is missing), port 3992 free.

import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import {
  API_DIR,
  apiRequire,
  recreateDatabase,
  benchPool,
  ensureBuilt,
  startApi,
  stopApi,
  createHttpClient,
  login,
  dropSecondaryIndexes,
  buildIndex,
  loadSettings,
  settleAfterLoad,
  printSizes,
  explainAnalyze,
  shortPlan,
  measure,
  summarize,
  printTable,
  ms,
  sec,
  runBench,
  benchSettings,
  finishBench,
} from './lib/harness.mjs';
import { EVENT_SUBJECTS } from './lib/sample-data.mjs';

const env = process.env;
// 400 requests a client: phases of several seconds, long enough for the writer to change events during them
const SETTINGS = benchSettings('crm_bench_events', 3992, { requests: 400 });
const { ADMIN_URL, DB_NAME, DB_URL, PORT, API, CONCURRENCY, REUSE_DB } = SETTINGS;
const EVENTS = Number(env.BENCH_EVENTS ?? 2_000_000);
const USERS = Number(env.BENCH_USERS ?? 200);
const TEAM_SIZE = Number(env.BENCH_TEAM_SIZE ?? 5);
const YEARS = Number(env.BENCH_YEARS ?? 5);
const GOAL_P95_MS = 50;
const VIEW = env.BENCH_VIEW ?? 'compact';
const WRITES_PER_SECOND = Number(env.BENCH_WRITES_PER_SECOND ?? 2);
if (!['compact', 'full'].includes(VIEW)) throw new Error('BENCH_VIEW is compact or full');
// weekly series: 0.2% of the events (20 per user over the span, a third of them endless), each with
// a few edited and cancelled occurrences
const SERIES_SHARE = 0.002;
const EXCEPTIONS_PER_SERIES = 5;
const DAY_MS = 86_400_000;

const SUBJECTS = EVENT_SUBJECTS;

// gzip accepted, as every browser does (the API sends a calendar gzipped then); the body is not inflated
// here, as that is the browser's work on its own machine, not the server's
const { request } = createHttpClient(CONCURRENCY, { 'accept-encoding': 'gzip' });

runBench(main);

async function main() {
  const started = performance.now();
  console.log(
    `events-calendar bench: ${EVENTS.toLocaleString('en')} events, ${USERS} users in teams of ${TEAM_SIZE}, over ${YEARS} years, database ${DB_NAME}`,
  );
  if (REUSE_DB) console.log(`reusing the seeded database ${DB_NAME} as it is (BENCH_REUSE_DB=1)`);
  else await recreateDatabase(ADMIN_URL, DB_NAME);
  ensureBuilt();
  await startApi({ port: PORT, dbUrl: DB_URL, logPrefix: 'events-calendar-bench-', request });

  const db = benchPool(DB_URL, CONCURRENCY);
  const direct = await directCalendar();
  const reads = [];
  try {
    if (!REUSE_DB) await seed(db);
    const params = await pickParams(db);
    const token = await login(request, API);
    const cases = defineCases(params);
    for (const c of cases) {
      console.log(`\n== case ${c.name}: GET ${c.path(0, 0)}`);
      const probe = await request('GET', `${API}${c.path(0, 0)}`, { headers: { authorization: `Bearer ${token}` } });
      const text = probe.headers['content-encoding'] === 'gzip' ? gunzipSync(probe.body) : probe.body;
      const { items } = JSON.parse(text);
      const series = items.filter((item) => item.seriesId).length;
      console.log(
        `   response: ${items.length} occurrences (${series} of series), ${kB(text.length)} kB of JSON, ${kB(probe.body.length)} kB sent (${probe.headers['content-encoding'] ?? 'identity'})`,
      );
      console.log(`   ranges asked: ${distinctPaths(c)} distinct over the warm-up and the measured requests`);
      const writer = startWriter(params.writable, token);
      const served = servedCounter();
      const api = await measure(`API ${c.name}`, (client, i) => served.get(client, c.path(client, i), token), SETTINGS.PHASE);
      const writes = await writer.stop();
      console.log(`   meanwhile ${writes.count} events changed through the API (${writes.rate.toFixed(1)}/s)`);
      console.log(`   ${served.report()}`);
      const service = await measure(`svc ${c.name}`, (client, i) => direct.calendar.occurrences(c.filter(client, i), VIEW), SETTINGS.PHASE);
      const sizes = [];
      for (let i = 0; i < 20; i++) sizes.push((await direct.calendar.occurrences(c.filter(i % CONCURRENCY, i), VIEW)).length);
      reads.push({ c, api, service, items: sizes.reduce((a, b) => a + b, 0) / sizes.length });
    }

    console.log('\n== plans (EXPLAIN ANALYZE, BUFFERS; warm cache): the statements EventCalendarService sends');
    for (const c of cases) {
      for (const stmt of await direct.capture(c.filter(0, 0))) await printPlan(db, `case ${c.name}`, stmt);
    }
    printTable(
      ['case', 'occurrences', 'API p50', 'API p95', 'API p99', 'API req/s', 'svc p50', 'svc p95', 'svc req/s'],
      reads.map(({ c, api, service, items }) => [
        `${c.name} ${c.label}`,
        items.toFixed(0),
        ms(api.p50),
        ms(api.p95),
        ms(api.p99),
        api.rps.toFixed(1),
        ms(service.p50),
        ms(service.p95),
        service.rps.toFixed(1),
      ]),
    );
    await stopApi();
    console.log(`\n== goal: API p95 < ${GOAL_P95_MS} ms at ${CONCURRENCY} concurrent clients`);
    for (const { c, api } of reads) {
      console.log(
        `${api.p95 < GOAL_P95_MS ? 'PASS' : 'MISS'} ${c.name} ${c.label}: p95 ${ms(api.p95)} ms ${api.p95 < GOAL_P95_MS ? '<' : '>='} ${GOAL_P95_MS} (${api.rps.toFixed(1)} req/s)`,
      );
    }
  } finally {
    await direct.close();
    await db.end();
    await finishBench(SETTINGS, started);
  }
}

// ---------------------------------------------------------------- seeding

async function seed(db) {
  const client = await db.connect();
  const other = await db.connect();
  const t0 = performance.now();
  try {
    await client.query(`SELECT setseed(0.42)`);
    await other.query(`SELECT setseed(0.17)`);
    // salespeople with a dummy hash (nobody signs in as them), in teams of TEAM_SIZE
    await client.query(
      `
      INSERT INTO users (id, email, name, role, active, password_hash)
      SELECT gen_random_uuid(), 'user' || lpad(g::text, 3, '0') || '@example.com', 'Sales Person ' || g, 'salesperson', true, 'bench-dummy-hash-not-a-password'
        FROM generate_series(1, $1::int) g`,
      [USERS],
    );
    await client.query(`INSERT INTO teams (id, name, code) SELECT gen_random_uuid(), 'Team ' || g, 'T' || g FROM generate_series(1, $1::int) g`, [
      Math.ceil(USERS / TEAM_SIZE),
    ]);
    await client.query(
      `
      INSERT INTO team_members (team_id, user_id)
      SELECT t.id, u.id
        FROM (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE role = 'salesperson') u
        JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM teams) t ON t.n = u.n / $1::int`,
      [TEAM_SIZE],
    );
    console.log(`\nseeding: ${USERS} users, ${Math.ceil(USERS / TEAM_SIZE)} teams`);

    const indexes = await dropSecondaryIndexes(client, ['events']);
    console.log(`  dropped ${indexes.length} secondary indexes of events for the load`);
    const settings = await loadSettings(client);
    await client.query(settings);
    await other.query(settings);
    const seriesCount = Math.round(EVENTS * SERIES_SHARE);
    const exceptions = seriesCount * EXCEPTIONS_PER_SERIES;
    const singles = EVENTS - seriesCount - exceptions;
    const spanStart = new Date(Date.now() - (YEARS - 1) * 365 * DAY_MS);
    const half = Math.floor(singles / 2);
    const t = performance.now();
    await Promise.all([
      client.query(SINGLES_INSERT, [1, half, spanStart, YEARS * 365, SUBJECTS]),
      other.query(SINGLES_INSERT, [half + 1, singles, spanStart, YEARS * 365, SUBJECTS]),
    ]);
    console.log(`  ${singles.toLocaleString('en')} single events inserted in ${sec(t)}`);
    const ts = performance.now();
    await client.query(SERIES_INSERT, [seriesCount, spanStart, YEARS * 365]);
    await client.query(EXCEPTIONS_INSERT, [EXCEPTIONS_PER_SERIES]);
    console.log(
      `  ${seriesCount.toLocaleString('en')} weekly series (Europe/Paris) and ${exceptions.toLocaleString('en')} edited or cancelled occurrences in ${sec(ts)}`,
    );
    const gin = indexes.filter((i) => /\busing gin\b/i.test(i.indexdef));
    const btree = indexes.filter((i) => !gin.includes(i));
    await Promise.all([
      (async () => {
        for (const ix of [...gin, ...btree.filter((_, k) => k % 2 === 1)]) await buildIndex(client, ix);
      })(),
      (async () => {
        for (const ix of btree.filter((_, k) => k % 2 === 0)) await buildIndex(other, ix);
      })(),
    ]);
    await Promise.all([client.query('RESET ALL'), other.query('RESET ALL')]);
    await settleAfterLoad(db, ['events', 'users', 'team_members']);
    await printSizes(client, ['events']);
    const total = (await client.query(`SELECT count(*)::int AS n FROM events`)).rows[0].n;
    console.log(`SEEDING TIME: ${sec(t0)} (${total.toLocaleString('en')} events, indexes rebuilt after the load, VACUUM ANALYZE)`);
  } finally {
    await client.query('RESET ALL').catch(() => {});
    await other.query('RESET ALL').catch(() => {});
    client.release();
    other.release();
  }
}

// Single events g in [$1, $2]: a salesperson each (round robin), on a random
// weekday of the span at 07:00–17:45 UTC; calls 45% (15–30 min), meetings 30% (30–120
// min), tasks 20% (30 min), events 5% (a fifth of them 1–3 days long); 2% put
// on the organiser's team; past ones realized (85%) or cancelled, future planned.
// Ids are UUID v7-like (time-ordered by start), as the app makes them.
const SINGLES_INSERT = `
  WITH u AS (SELECT array_agg(u.id ORDER BY u.email) AS ids, array_agg(m.team_id ORDER BY u.email) AS teams
               FROM users u JOIN team_members m ON m.user_id = u.id WHERE u.role = 'salesperson'),
  g AS (
    SELECT g, r, (u.ids)[1 + g % array_length(u.ids, 1)] AS who, (u.teams)[1 + g % array_length(u.ids, 1)] AS team,
           CASE WHEN r < 0.45 THEN 'call' WHEN r < 0.75 THEN 'meeting' WHEN r < 0.95 THEN 'task' ELSE 'event' END AS type,
           date_trunc('day', $3::timestamptz) + floor(r2 * $4::int) * interval '1 day'
             + (7 + floor(r3 * 11)) * interval '1 hour' + ((g * 13) % 4) * interval '15 minutes' AS s
      FROM u, (SELECT g, random() AS r, random() AS r2, random() AS r3 FROM generate_series($1::int, $2::int) g) gs
  ),
  d AS (
    SELECT g.*, CASE WHEN extract(isodow FROM s) >= 6 THEN s - interval '2 days' ELSE s END AS start_at,
           CASE type WHEN 'call' THEN interval '15 minutes' * (1 + g % 2) WHEN 'meeting' THEN interval '30 minutes' * (1 + g % 4)
                     WHEN 'task' THEN interval '30 minutes' ELSE CASE WHEN g % 5 = 0 THEN interval '1 day' * (1 + g % 3) ELSE interval '2 hours' END END AS length
      FROM g
  )
  INSERT INTO events (id, type, status, call_direction, subject, start_at, end_at, all_day, time_zone, priority, assigned_to_id, team_id,
                      reminders, series_end_at, created_at, updated_at, created_by_id)
  SELECT (lpad(to_hex((extract(epoch FROM start_at) * 1000)::bigint), 12, '0') || '7' || substr(md5(g::text), 1, 19))::uuid,
         type,
         CASE WHEN start_at + length > now() THEN 'planned' WHEN g % 100 < 85 THEN 'realized' ELSE 'cancelled' END,
         CASE WHEN type = 'call' THEN CASE WHEN g % 3 = 0 THEN 'inbound' ELSE 'outbound' END END,
         ($5::text[])[1 + g % array_length($5::text[], 1)] || ' #' || g,
         start_at, start_at + length, type = 'event' AND g % 5 = 0, 'Europe/Paris',
         CASE WHEN type = 'task' THEN (ARRAY['low', 'normal', 'high', 'urgent'])[1 + g % 4] END,
         who, CASE WHEN g % 50 = 0 THEN team END,
         CASE WHEN type IN ('call', 'meeting') THEN '[{"offsetMinutes": 15, "channel": "notification"}]'::jsonb ELSE '[]'::jsonb END,
         start_at + length, start_at - interval '3 days', start_at - interval '3 days', who
    FROM d`;

// $1 weekly series over the users: 09:00–17:00 Paris time on one weekday, 30–60 min, from a
// random week of the span; a third endless, a third of 10–60 occurrences (count), a third until a date.
const SERIES_INSERT = `
  WITH u AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'salesperson'),
  g AS (
    SELECT g, (u.ids)[1 + g % array_length(u.ids, 1)] AS who,
           (date_trunc('week', ($2::timestamptz + ((g * 6007) % $3::int) * interval '1 day') AT TIME ZONE 'Europe/Paris')
             + (g % 5) * interval '1 day' + (9 + g % 8) * interval '1 hour') AT TIME ZONE 'Europe/Paris' AS start_at,
           interval '30 minutes' * (1 + g % 2) AS length, g % 3 AS ending, 10 + g % 51 AS n
      FROM u, generate_series(1, $1::int) g
  )
  INSERT INTO events (id, type, status, subject, start_at, end_at, time_zone, assigned_to_id, reminders, recurrence, series_end_at,
                      created_at, updated_at, created_by_id)
  SELECT gen_random_uuid(), 'meeting', 'planned', 'Weekly sync #' || g, start_at, start_at + length, 'Europe/Paris', who,
         '[{"offsetMinutes": 10, "channel": "notification"}]'::jsonb,
         jsonb_build_object('frequency', 'weekly', 'interval', 1, 'byWeekday', jsonb_build_array((ARRAY['MO', 'TU', 'WE', 'TH', 'FR'])[1 + g % 5]))
           || CASE ending WHEN 1 THEN jsonb_build_object('count', n)
                          WHEN 2 THEN jsonb_build_object('until', to_char((start_at AT TIME ZONE 'Europe/Paris') + ((n - 1) * 7) * interval '1 day', 'YYYY-MM-DD'))
                          ELSE '{}'::jsonb END,
         CASE ending WHEN 0 THEN NULL
                     ELSE (((start_at AT TIME ZONE 'Europe/Paris') + ((n - 1) * 7) * interval '1 day') AT TIME ZONE 'Europe/Paris') + length END,
         start_at, start_at, who
    FROM g`;

// $1 exceptions per series: occurrences 2, 4, 6… (wall-clock weeks in Paris) of each series;
// odd ones cancelled, even ones moved an hour later with another subject.
const EXCEPTIONS_INSERT = `
  INSERT INTO events (id, type, status, subject, start_at, end_at, time_zone, assigned_to_id, reminders, series_id, original_start_at,
                      series_end_at, created_at, updated_at, created_by_id)
  SELECT gen_random_uuid(), 'meeting', CASE WHEN k % 2 = 1 THEN 'cancelled' ELSE 'planned' END,
         s.subject || CASE WHEN k % 2 = 1 THEN '' ELSE ' (moved)' END,
         o.original + CASE WHEN k % 2 = 1 THEN interval '0' ELSE interval '1 hour' END,
         o.original + (s.end_at - s.start_at) + CASE WHEN k % 2 = 1 THEN interval '0' ELSE interval '1 hour' END,
         s.time_zone, s.assigned_to_id, s.reminders, s.id, o.original,
         o.original + (s.end_at - s.start_at), now(), now(), s.assigned_to_id
    FROM events s, generate_series(1, $1::int) k,
         LATERAL (SELECT ((s.start_at AT TIME ZONE 'Europe/Paris') + (2 * k * 7) * interval '1 day') AT TIME ZONE 'Europe/Paris' AS original) o
   WHERE s.recurrence IS NOT NULL AND (s.series_end_at IS NULL OR o.original < s.series_end_at)`;

// ---------------------------------------------------------------- cases

async function pickParams(db) {
  const users = (await db.query(`SELECT id FROM users WHERE role = 'salesperson' ORDER BY email`)).rows.map((r) => r.id);
  const teams = (await db.query(`SELECT id FROM teams ORDER BY name`)).rows.map((r) => r.id);
  // single events in the months read, for the writer (with an id the API takes: the seed's ids are not all RFC 9562 variants)
  const writable = (
    await db.query(`
    SELECT id FROM events WHERE recurrence IS NULL AND series_id IS NULL AND start_at > now() - interval '6 months' AND start_at < now() + interval '6 months'
       AND substr(id::text, 20, 1) IN ('8', '9', 'a', 'b')
     ORDER BY random() LIMIT 5000`)
  ).rows.map((r) => r.id);
  // Mondays and first days of months within a year around today (where calendars are read)
  const monday = new Date();
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const weeks = Array.from({ length: 52 }, (_, i) => new Date(monday.getTime() + (i - 26) * 7 * DAY_MS));
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth() - 6 + i, 1)));
  return { users, teams, weeks, months, writable };
}

function defineCases({ users, teams, weeks, months }) {
  const pick = (list, client, i) => list[(client * 7919 + i * 104729) % list.length];
  const week = (client, i) => {
    const from = pick(weeks, client, i);
    return { from, to: new Date(from.getTime() + 7 * DAY_MS), assignedToIds: [pick(users, client, i)] };
  };
  const month = (client, i) => {
    const from = pick(months, client, i);
    return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)), teamId: pick(teams, client, i) };
  };
  return [
    {
      name: 'a',
      label: "a user's week",
      filter: week,
      path: (client, i) => {
        const f = week(client, i);
        return `/events?from=${f.from.toISOString()}&to=${f.to.toISOString()}&assignedToId=${f.assignedToIds[0]}&view=${VIEW}`;
      },
    },
    {
      name: 'b',
      label: `a team's month (${TEAM_SIZE} users)`,
      filter: month,
      path: (client, i) => {
        const f = month(client, i);
        return `/events?from=${f.from.toISOString()}&to=${f.to.toISOString()}&teamId=${f.teamId}&view=${VIEW}`;
      },
    },
  ];
}

const kB = (bytes) => (bytes / 1024).toFixed(0);

/** How many different ranges a case's clients ask (the warm-up asks the first of the measured ones). */
function distinctPaths(c) {
  const paths = new Set();
  for (let client = 0; client < CONCURRENCY; client++) {
    for (let i = 0; i < Math.max(SETTINGS.WARMUP, SETTINGS.REQUESTS); i++) paths.add(c.path(client, i));
  }
  return paths.size;
}

/**
 * GETs a range and counts, over the measured requests (a client's first
 * WARMUP are the warm-up), the answers the API kept from an earlier read and
 * those it read afresh (its Server-Timing header says which), with the
 * latencies of the latter.
 */
function servedCounter() {
  const calls = new Array(CONCURRENCY).fill(0);
  let kept = 0;
  const read = [];
  return {
    async get(client, path, token) {
      const t = performance.now();
      const { status, headers, body } = await request('GET', `${API}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (status !== 200) throw new Error(`GET ${path}: ${status} ${body.toString().slice(0, 500)}`);
      if (++calls[client] <= SETTINGS.WARMUP) return;
      if (headers['server-timing'] === 'calendar;desc=kept') kept++;
      else read.push(performance.now() - t);
    },
    report() {
      const total = kept + read.length;
      const { p50, p95 } = summarize(read);
      return (
        `answers kept from an earlier read: ${kept} of ${total} (${((100 * kept) / total).toFixed(1)}%); read afresh: ${read.length}` +
        (read.length ? ` (p50 ${ms(p50)}, p95 ${ms(p95)} ms)` : '')
      );
    },
  };
}

/** Changes the subject of one of `ids` every 1/WRITES_PER_SECOND s through the API, until stopped. */
function startWriter(ids, token) {
  let count = 0;
  let stopped = false;
  const t0 = performance.now();
  const done = (async () => {
    while (!stopped && WRITES_PER_SECOND > 0) {
      await new Promise((resolveTick) => setTimeout(resolveTick, 1000 / WRITES_PER_SECOND));
      const id = ids[Math.floor(Math.random() * ids.length)];
      const { status, body } = await request('PATCH', `${API}/events/${id}`, {
        headers: { authorization: `Bearer ${token}` },
        body: { subject: `Changed ${count}` },
      });
      if (status !== 200) throw new Error(`PATCH /events/${id}: ${status} ${body.toString().slice(0, 300)}`);
      count++;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { count, rate: count / ((performance.now() - t0) / 1000) };
    },
  };
}

/**
 * The built EventCalendarService on a TypeORM data source of its own: the
 * reads without HTTP, auth and JSON; and the statements it sends, for EXPLAIN.
 */
async function directCalendar() {
  const { createDataSource } = apiRequire(join(API_DIR, 'dist/platform/database/data-source.js'));
  const { EventCalendarService } = apiRequire(join(API_DIR, 'dist/modules/events/event-calendar.service.js'));
  const { attachGenericPlanPool } = apiRequire(join(API_DIR, 'dist/platform/database/prepared-query.js'));
  const { SESSION_OPTIONS } = apiRequire(join(API_DIR, 'dist/platform/database/data-source.js'));
  const { ENTITIES } = apiRequire(join(API_DIR, 'dist/entities.js'));
  const dataSource = createDataSource({ url: DB_URL, poolSize: CONCURRENCY, entities: ENTITIES });
  await dataSource.initialize();
  // as openDatabase sets the API's up: its calendar reads run their generic plans on sessions of their own
  const closeGenericPlans = attachGenericPlanPool(dataSource, DB_URL, CONCURRENCY, SESSION_OPTIONS);
  const calendar = new EventCalendarService(dataSource);
  // every statement, TypeORM's own and the prepared ones, goes through the logger
  let captured;
  const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
  dataSource.logger.logQuery = (sql, params, runner) => {
    captured?.push({ sql, params: params ?? [] });
    return logQuery(sql, params, runner);
  };
  return {
    calendar,
    async capture(filter) {
      captured = [];
      await calendar.occurrences(filter, VIEW);
      const statements = captured;
      captured = undefined;
      return statements;
    },
    close: async () => {
      await closeGenericPlans();
      await dataSource.destroy();
    },
  };
}

async function printPlan(db, label, { sql, params }) {
  const { lines, indexes } = await explainAnalyze(db, sql, params);
  const time = lines.find((l) => l.startsWith('Execution Time'));
  console.log(`\n-- ${label}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n   indexes: ${indexes.join(', ') || 'none'}; ${time}`);
  for (const line of shortPlan(lines, 30)) console.log(`   ${line}`);
}
