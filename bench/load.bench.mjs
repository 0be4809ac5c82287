#!/usr/bin/env node
// Mixed load: a fresh database `crm_bench_load` with a sales floor's data (10
// accounts in 2 teams, 5,000 leads, 2,000 partners, 4,000 contacts, 3,000
// opportunities, 20,000 events), the built API on it, then 50 simulated users
// for 60 s (after a 10 s warm-up), each signed in as one of the 10 accounts,
// with 0.2–1 s of think time, listing, searching, opening and editing records
// (PATCH with the version read: 409 when another user saved first), lead
// actions, kanban reads and moves, calendar weeks and new events. Prints
// requests, errors, 409s and p50/p95/p99 per route; exits 1 on any error.
//
//   BENCH_PG_URL          server to use, default postgres://root@127.0.0.1:5432/postgres (trust auth)
//   BENCH_PORT            API port, default 3994
//   BENCH_SIMULATED_USERS simulated users, default 50 (spread over the 10 accounts)
//   BENCH_DURATION_S      measured seconds, default 60     BENCH_WARMUP_S  default 10 (not in the figures)
//   BENCH_THINK_MS        think time between two steps, uniform, default 200-1000
//   BENCH_SEED            seed of the users' choices and of the data, default 42
//   BENCH_MAX_STEPS       steps per simulated user at most (a bound besides the deadline), default 2000
//   BENCH_LEADS / BENCH_PARTNERS / BENCH_CONTACTS / BENCH_OPPORTUNITIES / BENCH_EVENTS
//                         volume, default 5000 / 2000 / 4000 / 3000 / 20000
//   BENCH_KEEP_DB=1       keep crm_bench_load afterwards
//
// Needs: a PostgreSQL server, apps/api built (built here with tsc when dist/
// is missing), port 3994 free. Takes about 2 minutes.

import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import {
  importApiDependency,
  recreateDatabase,
  benchPool,
  apiLogPath,
  ensureBuilt,
  startApi,
  stopApi,
  createHttpClient,
  login,
  settleAfterLoad,
  printTable,
  summarize,
  ms,
  sec,
  sleep,
  runBench,
  benchSettings,
  finishBench,
} from './lib/harness.mjs';
import {
  CITIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  EVENT_SUBJECTS,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  LOST_REASONS,
  NEXT_STEPS,
  PRODUCTS,
  stageCounts,
  STAGES,
} from './lib/sample-data.mjs';

const env = process.env;
const SETTINGS = benchSettings('crm_bench_load', 3994);
const { ADMIN_URL, DB_NAME, DB_URL, PORT, API } = SETTINGS;
const SIMS = Number(env.BENCH_SIMULATED_USERS ?? 50);
const DURATION_S = Number(env.BENCH_DURATION_S ?? 60);
const WARMUP_S = Number(env.BENCH_WARMUP_S ?? 10);
const SEED = Number(env.BENCH_SEED ?? 42);
const MAX_STEPS = Number(env.BENCH_MAX_STEPS ?? 2000);
const [THINK_MIN, THINK_MAX] = (env.BENCH_THINK_MS ?? '200-1000').split('-').map(Number);
const LEADS = Number(env.BENCH_LEADS ?? 5000);
const PARTNERS = Number(env.BENCH_PARTNERS ?? 2000);
const CONTACTS = Number(env.BENCH_CONTACTS ?? 4000);
const OPPORTUNITIES = Number(env.BENCH_OPPORTUNITIES ?? 3000);
const EVENTS = Number(env.BENCH_EVENTS ?? 20000);
// a request that has not answered in 30 s is counted as an error and its step abandoned
const REQUEST_TIMEOUT_MS = 30_000;
// a browser opens up to 6 connections to one origin: each simulated user gets its own keep-alive pool of 6
const SOCKETS_PER_USER = 6;
const DAY_MS = 86_400_000;
for (const [name, value] of Object.entries({ SIMS, DURATION_S, WARMUP_S, SEED, MAX_STEPS, THINK_MIN, THINK_MAX })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`bad setting ${name}: ${value}`);
}
if (THINK_MAX < THINK_MIN) throw new Error('BENCH_THINK_MS is MIN-MAX');

// the accounts the simulated users sign in as (the password is the bench's own; the database is dropped afterwards)
const PASSWORD = 'bench-load-password';
const TEAMS = [
  { name: 'Sales North', code: 'NORTH', manager: 'Mona Keller', sales: ['Sam Seller', 'Lina Lopez', 'Tom Novak', 'Eva Weber'] },
  { name: 'Sales South', code: 'SOUTH', manager: 'Paul Girard', sales: ['Inès Fabre', 'Hugo Blanc', 'Zoé Mercier', 'Adam Rossi'] },
];
const OPEN_STAGES = STAGES.slice(0, 4);
const WORDS = COMPANY_WORDS;
const SUFFIXES = COMPANY_SUFFIXES;
const FIRST = FIRST_NAMES;
const LAST = LAST_NAMES;
const JOBS = JOB_TITLES.filter(Boolean);
const SUBJECTS = EVENT_SUBJECTS;
const SOURCES = [
  ['Web site', 'WEB'],
  ['Trade show', 'SHOW'],
  ['Referral', 'REF'],
  ['Cold call', 'COLD'],
  ['Partner', 'PART'],
];

runBench(main);

async function main() {
  const started = performance.now();
  console.log(
    `load bench: ${SIMS} simulated users, ${DURATION_S} s measured after a ${WARMUP_S} s warm-up, think time ${THINK_MIN}–${THINK_MAX} ms, seed ${SEED}, database ${DB_NAME}`,
  );
  await recreateDatabase(ADMIN_URL, DB_NAME);
  ensureBuilt();
  const { request } = createHttpClient(4);
  await startApi({ port: PORT, dbUrl: DB_URL, logPrefix: 'load-bench-', request });

  const db = benchPool(DB_URL, 4);
  let failed;
  try {
    const adminToken = await login(request, API);
    const accounts = await createAccounts(request, adminToken);
    const world = await seed(db, accounts);
    for (const account of accounts) account.token = await login(request, API, account.email, PASSWORD);
    console.log(
      `signed in the ${accounts.length} accounts once each (${accounts.filter((a) => a.role === 'manager').length} managers, ${accounts.filter((a) => a.role === 'salesperson').length} salespeople); ${SIMS} simulated users share their tokens`,
    );

    const run = await runLoad(accounts, world);
    await stopApi();
    failed = report(run);
  } finally {
    await db.end();
    await finishBench(SETTINGS, started);
  }
  if (failed) process.exitCode = 1;
}

// ---------------------------------------------------------------- accounts and seeding

/** Teams and users through the API (so they can sign in): a manager and four salespeople per team. */
async function createAccounts(request, adminToken) {
  const post = async (path, body) => {
    const { status, body: text } = await request('POST', `${API}${path}`, { body, headers: { authorization: `Bearer ${adminToken}` } });
    if (status !== 201) throw new Error(`POST ${path}: ${status} ${text}`);
    return JSON.parse(text);
  };
  const accounts = [];
  for (const t of TEAMS) {
    const team = await post('/teams', { name: t.name, code: t.code });
    for (const [name, role] of [[t.manager, 'manager'], ...t.sales.map((s) => [s, 'salesperson'])]) {
      const email = `${name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(' ', '.')}@example.com`;
      const user = await post('/users', { email, name, role, password: PASSWORD, teamIds: [team.id] });
      accounts.push({ id: user.id, email, name, role, teamId: team.id });
    }
  }
  for (const account of accounts) account.teammates = accounts.filter((a) => a.teamId === account.teamId && a.id !== account.id);
  return accounts;
}

/**
 * The records, in SQL on one session (the volume is small: the tables keep
 * their indexes and triggers, so pipeline totals, calendar versions and the
 * reminder queue are kept as the API's own writes keep them), plus a
 * `created` timeline entry per record and a status change per worked lead.
 */
async function seed(db, accounts) {
  const client = await db.connect();
  const t0 = performance.now();
  try {
    await client.query(`SELECT setseed($1)`, [(((SEED % 1000) + 1000) % 1000) / 1000]);
    // time-ordered ids (UUID v7 layout, RFC 9562 variant) as the app makes them
    await client.query(`
      CREATE FUNCTION pg_temp.bench_id(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid
          FROM (SELECT md5(random()::text) AS h) x
      $$`);
    const adminId = (await client.query(`SELECT id FROM users WHERE email = 'admin@example.com'`)).rows[0].id;
    const sales = accounts.filter((a) => a.role === 'salesperson');
    const salesIds = sales.map((a) => a.id);
    const salesTeams = sales.map((a) => a.teamId);
    await client.query(`INSERT INTO lead_sources (id, name, code) SELECT gen_random_uuid(), n, c FROM unnest($1::text[], $2::text[]) AS x(n, c)`, [
      SOURCES.map((s) => s[0]),
      SOURCES.map((s) => s[1]),
    ]);
    await client.query(`INSERT INTO lost_reasons (id, name, free_text) SELECT gen_random_uuid(), n, f FROM unnest($1::text[], $2::boolean[]) AS x(n, f)`, [
      LOST_REASONS.map((r) => r[0]),
      LOST_REASONS.map((r) => r[1]),
    ]);
    const sources = (await client.query(`SELECT id FROM lead_sources ORDER BY code`)).rows.map((r) => r.id);
    const reasons = (await client.query(`SELECT id FROM lost_reasons ORDER BY name`)).rows.map((r) => r.id);
    const types = (await client.query(`SELECT id FROM opportunity_types ORDER BY code`)).rows.map((r) => r.id);
    const probabilities = (await client.query(`SELECT stage_probabilities AS p FROM crm_settings WHERE id = 1`)).rows[0].p;

    let t = performance.now();
    await client.query(PARTNERS_INSERT, [PARTNERS, salesIds, salesTeams, sources, adminId, WORDS, SUFFIXES, FIRST, LAST, CITIES]);
    const partners = (await client.query(`SELECT id, assigned_to_id FROM partners ORDER BY id`)).rows;
    await client.query(CONTACTS_INSERT, [CONTACTS, partners.map((p) => p.id), partners.map((p) => p.assigned_to_id), adminId, FIRST, LAST, JOBS, CITIES]);
    await client.query(LEADS_INSERT, [LEADS, salesIds, salesTeams, sources, reasons, adminId, WORDS, SUFFIXES, FIRST, LAST, CITIES, JOBS]);
    console.log(
      `\nseeding: ${accounts.length} accounts in ${TEAMS.length} teams, ${PARTNERS.toLocaleString('en')} partners, ${CONTACTS.toLocaleString('en')} contacts, ${LEADS.toLocaleString('en')} leads (${sec(t)})`,
    );

    t = performance.now();
    const fi = await importApiDependency('fractional-indexing');
    const counts = stageCounts(OPPORTUNITIES);
    for (const stage of STAGES) {
      await client.query(OPPORTUNITIES_INSERT, [
        fi.generateNKeysBetween(null, null, counts[stage]),
        stage,
        probabilities[stage],
        stage.startsWith('closed'),
        partners.map((p) => p.id),
        salesIds,
        salesTeams,
        types,
        reasons,
        adminId,
        WORDS,
        SUFFIXES,
        PRODUCTS,
        NEXT_STEPS,
      ]);
    }
    console.log(`  ${OPPORTUNITIES.toLocaleString('en')} opportunities (${STAGES.map((s) => `${s} ${counts[s]}`).join(', ')}) in ${sec(t)}`);

    t = performance.now();
    const monday = startOfWeek(new Date());
    const leadIds = (await client.query(`SELECT id FROM leads ORDER BY id`)).rows.map((r) => r.id);
    await client.query(EVENTS_INSERT, [
      EVENTS,
      accounts.map((a) => a.id),
      accounts.map((a) => a.teamId),
      new Date(monday.getTime() - 26 * 7 * DAY_MS),
      SUBJECTS,
      leadIds,
      partners.map((p) => p.id),
    ]);
    await client.query(SERIES_INSERT, [accounts.map((a) => a.id), new Date(monday.getTime() - 20 * 7 * DAY_MS)]);
    await client.query(HISTORY_INSERT);
    const history = (await client.query(`SELECT count(*)::int AS n FROM history_entries`)).rows[0].n;
    console.log(
      `  ${EVENTS.toLocaleString('en')} events over a year around this week (+ ${accounts.length * 2} weekly series), ${history.toLocaleString('en')} timeline entries in ${sec(t)}`,
    );

    await settleAfterLoad(db, ['leads', 'partners', 'contacts', 'opportunities', 'events', 'history_entries', 'users', 'team_members']);
    await waitForReminderPlanning(client);
    console.log(`SEEDING TIME: ${sec(t0)}`);

    // lead actions: each simulated user works its own share of the new and assigned leads (newest first), so
    // two users never start the same lead (the second would get a correct 422, which is not what is measured here)
    const workable = (await client.query(`SELECT id FROM leads WHERE status IN ('new', 'assigned') ORDER BY created_at DESC, id DESC`)).rows.map((r) => r.id);
    const leadShares = Array.from({ length: SIMS }, (_, i) => workable.filter((_, k) => k % SIMS === i));
    return { monday, leadShares, lostReasons: reasons };
  } finally {
    client.release();
  }
}

/** The events trigger queued every seeded event for reminder planning: let the planner empty the queue before measuring. */
async function waitForReminderPlanning(client) {
  const t = performance.now();
  for (let i = 0; i < 120; i++) {
    const left = (await client.query(`SELECT count(*)::int AS n FROM reminder_plan_queue`)).rows[0].n;
    if (left === 0) {
      console.log(`  reminder planning queue empty after ${sec(t)}`);
      return;
    }
    await sleep(500);
  }
  console.log(`  reminder planning queue still not empty after ${sec(t)}: measuring anyway`);
}

function startOfWeek(date) {
  const monday = new Date(date);
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday;
}

// $1 count, $2 salespeople, $3 their teams, $4 sources, $5 admin, $6 words, $7 suffixes, $8 first, $9 last, $10 cities.
// 15% individuals; companies named '<word> <1000+g> <suffix>'; created over 3 years.
const PARTNERS_INSERT = `
  INSERT INTO partners (id, kind, name, first_name, email, phone, website, address_city, address_country, source_id,
                        assigned_to_id, team_id, is_prospect, is_customer, is_supplier, description, created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(s.ts), CASE WHEN s.ind THEN 'individual' ELSE 'company' END,
         CASE WHEN s.ind THEN s.last ELSE ($6::text[])[1 + s.g % array_length($6::text[], 1)] || ' ' || (1000 + s.g) || ' ' ||
                                        ($7::text[])[1 + (s.g / 7) % array_length($7::text[], 1)] END,
         CASE WHEN s.ind THEN s.first END,
         'contact' || s.g || '@partner' || s.g || '.example',
         '+33 4 ' || lpad(floor(s.r1 * 100000000)::bigint::text, 8, '0'),
         CASE WHEN NOT s.ind THEN 'https://partner' || s.g || '.example' END,
         ($10::text[])[1 + floor(s.r2 * array_length($10::text[], 1))::int], 'FR',
         CASE WHEN s.r3 < 0.6 THEN ($4::uuid[])[1 + floor(s.r3 / 0.6 * array_length($4::uuid[], 1))::int] END,
         ($2::uuid[])[1 + s.u], ($3::uuid[])[1 + s.u],
         s.r4 < 0.6, s.r4 >= 0.4, s.r4 > 0.95,
         CASE WHEN s.r1 < 0.2 THEN 'Key account; renewal every spring.' END,
         s.ts, s.ts + s.r2 * interval '90 days', $5::uuid
    FROM (SELECT g, now() - interval '3 years' + ((g - 1)::float8 / $1::int) * interval '3 years' AS ts, random() < 0.15 AS ind,
                 floor(random() * array_length($2::uuid[], 1))::int AS u,
                 ($8::text[])[1 + floor(random() * array_length($8::text[], 1))::int] AS first,
                 ($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int] AS last,
                 random() AS r1, random() AS r2, random() AS r3, random() AS r4
            FROM generate_series(1, $1::int) g) s`;

// $1 count, $2 partners, $3 their assignees, $4 admin, $5 first, $6 last, $7 jobs, $8 cities. 85% work for a partner
// (and are assigned to its salesperson).
const CONTACTS_INSERT = `
  INSERT INTO contacts (id, title, first_name, last_name, email, phone, mobile_phone, job_title, partner_id, do_not_call, do_not_email,
                        address_city, address_country, assigned_to_id, created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(s.ts), CASE WHEN s.r1 < 0.5 THEN 'Ms.' ELSE 'Mr.' END, s.first, s.last,
         lower(translate(s.first || '.' || s.last, 'éèüïôç ', 'eeuioc-')) || s.g || '@people.example',
         '+33 1 ' || lpad(floor(s.r2 * 100000000)::bigint::text, 8, '0'),
         CASE WHEN s.r3 < 0.5 THEN '+33 6 ' || lpad(floor(s.r3 * 200000000)::bigint::text, 8, '0') END,
         ($7::text[])[1 + floor(s.r1 * array_length($7::text[], 1))::int],
         CASE WHEN s.p IS NOT NULL THEN ($2::uuid[])[s.p] END,
         s.r2 < 0.03, s.r2 > 0.97,
         ($8::text[])[1 + floor(s.r3 * array_length($8::text[], 1))::int], 'FR',
         CASE WHEN s.p IS NOT NULL THEN ($3::uuid[])[s.p] END,
         s.ts, s.ts, $4::uuid
    FROM (SELECT g, now() - interval '3 years' + ((g - 1)::float8 / $1::int) * interval '3 years' AS ts,
                 CASE WHEN random() < 0.85 THEN 1 + floor(random() * array_length($2::uuid[], 1))::int END AS p,
                 ($5::text[])[1 + floor(random() * array_length($5::text[], 1))::int] AS first,
                 ($6::text[])[1 + floor(random() * array_length($6::text[], 1))::int] AS last,
                 random() AS r1, random() AS r2, random() AS r3
            FROM generate_series(1, $1::int) g) s`;

// $1 count, $2 salespeople, $3 their teams, $4 sources, $5 lost reasons, $6 admin, $7 words, $8 suffixes, $9 first,
// $10 last, $11 cities, $12 jobs. Statuses new 30% (half of them unassigned), assigned 20%, in_progress 25%,
// converted 15%, lost 10%; 80% with one of 1,500 company names; created over 2 years.
const LEADS_INSERT = `
  INSERT INTO leads (id, title, first_name, last_name, company_name, job_title, email, phone, mobile_phone, address_city, address_country,
                     source_id, assigned_to_id, team_id, status, lost_reason_id, do_not_call, do_not_email, description,
                     created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(s.ts), CASE WHEN s.r1 < 0.5 THEN 'Ms.' ELSE 'Mr.' END, s.first, s.last, s.company,
         ($12::text[])[1 + floor(s.r2 * array_length($12::text[], 1))::int],
         lower(translate(s.first || '.' || s.last, 'éèüïôç ', 'eeuioc-')) || s.g || '@' ||
           CASE WHEN s.company IS NULL THEN 'mail.example' ELSE lower(replace(split_part(s.company, ' ', 1), ' ', '')) || s.k || '.example' END,
         '+33 1 ' || lpad(floor(s.r3 * 100000000)::bigint::text, 8, '0'),
         CASE WHEN s.r1 < 0.4 THEN '+33 6 ' || lpad(floor(s.r1 * 250000000)::bigint::text, 8, '0') END,
         ($11::text[])[1 + floor(s.r2 * array_length($11::text[], 1))::int], 'FR',
         CASE WHEN s.r3 < 0.7 THEN ($4::uuid[])[1 + floor(s.r3 / 0.7 * array_length($4::uuid[], 1))::int] END,
         CASE WHEN s.status = 'new' AND s.r1 < 0.5 THEN NULL ELSE ($2::uuid[])[1 + s.u] END,
         CASE WHEN s.status = 'new' AND s.r1 < 0.5 THEN NULL ELSE ($3::uuid[])[1 + s.u] END,
         s.status,
         CASE WHEN s.status = 'lost' THEN ($5::uuid[])[1 + floor(s.r2 * array_length($5::uuid[], 1))::int] END,
         s.r4 < 0.05, s.r4 > 0.97,
         CASE WHEN s.r4 BETWEEN 0.3 AND 0.4 THEN 'Met at a trade show; call back about pricing.' END,
         s.ts, s.ts + s.r4 * interval '20 days', $6::uuid
    FROM (SELECT g, ts, k, r1, r2, r3, r4, first, last,
                 CASE WHEN rc < 0.8 THEN ($7::text[])[1 + k % array_length($7::text[], 1)] || ' ' || (1000 + k) || ' ' ||
                                         ($8::text[])[1 + (k / array_length($7::text[], 1)) % array_length($8::text[], 1)] END AS company,
                 CASE WHEN rs < 0.30 THEN 'new' WHEN rs < 0.50 THEN 'assigned' WHEN rs < 0.75 THEN 'in_progress'
                      WHEN rs < 0.90 THEN 'converted' ELSE 'lost' END AS status, u
            FROM (SELECT g, now() - interval '2 years' + ((g - 1)::float8 / $1::int) * interval '2 years' AS ts,
                         floor(random() * 1500)::int AS k, floor(random() * array_length($2::uuid[], 1))::int AS u,
                         ($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int] AS first,
                         ($10::text[])[1 + floor(random() * array_length($10::text[], 1))::int] AS last,
                         random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS rc, random() AS rs
                    FROM generate_series(1, $1::int) g) base) s`;

// One kanban column: $1 its ranks in order (fractional-indexing keys), $2 stage, $3 its probability, $4 closed?,
// $5 partners, $6 salespeople, $7 their teams, $8 types, $9 lost reasons, $10 admin, $11 words, $12 suffixes,
// $13 products, $14 next steps. Amounts 1,000–500,000 (log-uniform); a contact of the partner when it has one.
const OPPORTUNITIES_INSERT = `
  INSERT INTO opportunities (id, name, stage, partner_id, contact_id, amount, currency, probability, expected_close_date, type_id,
                             assigned_to_id, team_id, next_step, lost_reason_id, description, created_at, updated_at, created_by_id, rank, closed_at)
  SELECT pg_temp.bench_id(s.ts),
         ($11::text[])[1 + s.p % array_length($11::text[], 1)] || ' ' || (1000 + s.p) || ' ' ||
           ($12::text[])[1 + (s.p / 7) % array_length($12::text[], 1)] || ' — ' ||
           ($13::text[])[1 + floor(s.r1 * array_length($13::text[], 1))::int],
         $2::text, ($5::uuid[])[1 + s.p],
         (SELECT c.id FROM contacts c WHERE c.partner_id = ($5::uuid[])[1 + s.p] ORDER BY c.last_name, c.id LIMIT 1),
         round((1000 * power(500::float8, s.r2))::numeric, -1),
         CASE WHEN s.r3 < 0.94 THEN 'EUR' ELSE 'USD' END, $3::int,
         CASE WHEN $4::boolean THEN (s.ts + s.r4 * interval '120 days')::date ELSE current_date + (floor(s.r4 * 210)::int - 30) END,
         ($8::uuid[])[1 + floor(s.r3 * array_length($8::uuid[], 1))::int],
         ($6::uuid[])[1 + s.u], ($7::uuid[])[1 + s.u],
         CASE WHEN NOT $4::boolean AND s.r4 < 0.6 THEN ($14::text[])[1 + floor(s.r1 * array_length($14::text[], 1))::int] END,
         CASE WHEN $2::text = 'closed_lost' THEN ($9::uuid[])[1 + floor(s.r3 * array_length($9::uuid[], 1))::int] END,
         CASE WHEN s.r5 < 0.1 THEN 'Budget confirmed by the CFO.' END,
         s.ts, s.ts + s.r5 * interval '60 days', $10::uuid, s.rank,
         CASE WHEN $4::boolean THEN s.ts + s.r5 * interval '60 days' END
    FROM (SELECT k.rank, now() - random() * CASE WHEN $4::boolean THEN interval '3 years' ELSE interval '1 year' END AS ts,
                 floor(random() * array_length($5::uuid[], 1))::int AS p, floor(random() * array_length($6::uuid[], 1))::int AS u,
                 random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
            FROM unnest($1::text[]) WITH ORDINALITY AS k(rank, i)) s`;

// $1 count, $2 accounts, $3 their teams, $4 first Monday, $5 subjects, $6 leads, $7 partners. One account each
// (round robin), on a random weekday of the 52 weeks from $4 at 07:00–17:45 UTC: calls 45% (15–30 min), meetings
// 35% (30–120 min), tasks 20%; 10% about a lead, 10% about a partner, 3% on the team calendar; past ones realized
// (85%) or cancelled, future ones planned, half of the future calls and meetings with a reminder.
const EVENTS_INSERT = `
  WITH g AS (
    SELECT g, r, r4, (($2::uuid[])[1 + g % array_length($2::uuid[], 1)]) AS who, (($3::uuid[])[1 + g % array_length($2::uuid[], 1)]) AS team,
           CASE WHEN r < 0.45 THEN 'call' WHEN r < 0.80 THEN 'meeting' ELSE 'task' END AS type,
           $4::timestamptz + floor(r2 * 364) * interval '1 day' + (7 + floor(r3 * 11)) * interval '1 hour' + ((g * 13) % 4) * interval '15 minutes' AS s
      FROM (SELECT g, random() AS r, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(1, $1::int) g) gs
  ), d AS (
    SELECT g.*, CASE WHEN extract(isodow FROM s) >= 6 THEN s - interval '2 days' ELSE s END AS start_at,
           CASE type WHEN 'call' THEN interval '15 minutes' * (1 + g % 2) WHEN 'meeting' THEN interval '30 minutes' * (1 + g % 4)
                     ELSE interval '30 minutes' END AS length
      FROM g
  )
  INSERT INTO events (id, type, status, call_direction, subject, start_at, end_at, time_zone, priority, assigned_to_id, team_id,
                      lead_id, partner_id, reminders, series_end_at, created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(start_at - interval '3 days'), type,
         CASE WHEN start_at + length > now() THEN 'planned' WHEN g % 100 < 85 THEN 'realized' ELSE 'cancelled' END,
         CASE WHEN type = 'call' THEN CASE WHEN g % 3 = 0 THEN 'inbound' ELSE 'outbound' END END,
         ($5::text[])[1 + g % array_length($5::text[], 1)] || ' #' || g,
         start_at, start_at + length, 'Europe/Paris',
         CASE WHEN type = 'task' THEN (ARRAY['low', 'normal', 'high', 'urgent'])[1 + g % 4] END,
         who, CASE WHEN r4 < 0.03 THEN team END,
         CASE WHEN r4 BETWEEN 0.1 AND 0.2 THEN ($6::uuid[])[1 + floor((r4 - 0.1) * 10 * array_length($6::uuid[], 1))::int] END,
         CASE WHEN r4 BETWEEN 0.2 AND 0.3 THEN ($7::uuid[])[1 + floor((r4 - 0.2) * 10 * array_length($7::uuid[], 1))::int] END,
         CASE WHEN start_at > now() AND type <> 'task' AND g % 2 = 0 THEN '[{"offsetMinutes": 15, "channel": "notification"}]'::jsonb ELSE '[]'::jsonb END,
         start_at + length, start_at - interval '3 days', start_at - interval '3 days', who
    FROM d`;

// $1 accounts, $2 start: two endless weekly series per account in Europe/Paris (a Monday team sync at 09:00, a
// Friday pipeline review at 16:00).
const SERIES_INSERT = `
  INSERT INTO events (id, type, status, subject, start_at, end_at, time_zone, assigned_to_id, reminders, recurrence, series_end_at,
                      created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id($2::timestamptz), 'meeting', 'planned', x.subject, x.start_at, x.start_at + interval '45 minutes', 'Europe/Paris', a.id,
         '[]'::jsonb, jsonb_build_object('frequency', 'weekly', 'interval', 1, 'byWeekday', jsonb_build_array(x.day)), NULL,
         $2::timestamptz, $2::timestamptz, a.id
    FROM unnest($1::uuid[]) AS a(id),
         LATERAL (VALUES ('Team sync', 'MO', (date_trunc('day', $2::timestamptz AT TIME ZONE 'Europe/Paris') + interval '9 hours') AT TIME ZONE 'Europe/Paris'),
                         ('Pipeline review', 'FR', (date_trunc('day', $2::timestamptz AT TIME ZONE 'Europe/Paris') + interval '4 days 16 hours') AT TIME ZONE 'Europe/Paris'))
           AS x(subject, day, start_at)`;

const HISTORY_INSERT = `
  INSERT INTO history_entries (id, subject_type, subject_id, kind, summary, data, actor_id, occurred_at)
  SELECT pg_temp.bench_id(created_at), 'lead', id, 'created', 'Lead created', '{}'::jsonb, created_by_id, created_at FROM leads
  UNION ALL
  SELECT pg_temp.bench_id(updated_at), 'lead', id, 'status_changed', 'Status changed from new to ' || status,
         jsonb_build_object('from', 'new', 'to', status), assigned_to_id, updated_at FROM leads WHERE status <> 'new'
  UNION ALL
  SELECT pg_temp.bench_id(created_at), 'partner', id, 'created', 'Partner created', '{}'::jsonb, created_by_id, created_at FROM partners
  UNION ALL
  SELECT pg_temp.bench_id(created_at), 'contact', id, 'contact_created', 'Contact created', '{}'::jsonb, created_by_id, created_at FROM contacts
  UNION ALL
  SELECT pg_temp.bench_id(created_at), 'opportunity', id, 'opportunity_created', 'Opportunity "' || name || '" created', '{}'::jsonb, created_by_id, created_at
    FROM opportunities`;

// ---------------------------------------------------------------- the simulated users

/** A small fixed-seed PRNG (mulberry32): each simulated user draws its own sequence, so runs make the same choices. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Favours the first rows as people do (the row at 10% of the list is picked twice as often as the one at 40%). */
    pickTop: (list) => list[Math.floor(next() ** 2 * list.length)],
    chance: (p) => next() < p,
  };
}

// what one step of a user is, and how often (weights out of 100)
const SALES_MIX = {
  listLeads: 12,
  listPartners: 6,
  listOpportunities: 6,
  listContacts: 3,
  search: 10,
  openRecord: 14,
  editRecord: 10,
  leadAction: 5,
  kanbanView: 5,
  kanbanMove: 5,
  calendarWeek: 10,
  openEvent: 3,
  createEvent: 5,
  moveEvent: 3,
  pipeline: 3,
};
const MANAGER_MIX = {
  listLeads: 12,
  listPartners: 4,
  listOpportunities: 8,
  listContacts: 2,
  search: 8,
  openRecord: 12,
  editRecord: 6,
  leadAction: 8,
  kanbanView: 6,
  kanbanMove: 4,
  calendarWeek: 14,
  openEvent: 3,
  createEvent: 3,
  moveEvent: 1,
  pipeline: 10,
};

async function runLoad(accounts, world) {
  const t0 = performance.now();
  const warmEnd = t0 + WARMUP_S * 1000;
  const end = warmEnd + DURATION_S * 1000;
  const run = { warm: newStats(), main: newStats(), samples: [], steps: 0, warmEnd, end, measuredSeconds: 0 };
  const sims = Array.from({ length: SIMS }, (_, i) => {
    const account = accounts[i % accounts.length];
    const { request } = createHttpClient(SOCKETS_PER_USER, { authorization: `Bearer ${account.token}`, 'accept-encoding': 'gzip' });
    return {
      i,
      account,
      request,
      run,
      rng: prng(SEED * 1_000_003 + i * 7919 + 1),
      mix: Object.entries(account.role === 'manager' ? MANAGER_MIX : SALES_MIX),
      last: { lead: [], partner: [], contact: [], opportunity: [] },
      board: null,
      weekOffset: 0,
      week: null,
      etags: new Map(),
      leadQueue: [...world.leadShares[i]],
      monday: world.monday,
    };
  });
  console.log(
    `\n== load: ${SIMS} simulated users for ${WARMUP_S} s of warm-up then ${DURATION_S} s measured; think time uniform ${THINK_MIN}–${THINK_MAX} ms after each step`,
  );
  await Promise.all(
    sims.map(async (sim) => {
      // start spread over the first second, as users do not all click at the same instant
      await sleep(sim.rng.int(1000));
      for (let step = 0; step < MAX_STEPS && performance.now() < end; step++) {
        const name = pickWeighted(sim.rng, sim.mix);
        try {
          await STEPS[name](sim);
        } catch (error) {
          // a bug of this script, not of the API: shown, and it fails the run
          run.samples.push({ route: `step ${name}`, status: 'exception', body: error.stack ?? String(error) });
          run.main.scriptErrors++;
        }
        run.steps++;
        await sleep(think(sim));
      }
    }),
  );
  run.measuredSeconds = (Math.min(performance.now(), end) - warmEnd) / 1000;
  run.totalSeconds = (performance.now() - t0) / 1000;
  return run;
}

function pickWeighted(rng, mix) {
  const total = mix.reduce((sum, [, w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [name, w] of mix) {
    if ((x -= w) < 0) return name;
  }
  return mix.at(-1)[0];
}

const think = (sim) => THINK_MIN + sim.rng.next() * (THINK_MAX - THINK_MIN);

// ---------------------------------------------------------------- one request, counted

function newStats() {
  return { routes: new Map(), scriptErrors: 0 };
}

/**
 * One request of a simulated user, timed and counted under `route` (the
 * route template). A 304 is expected when the request was conditional, a
 * 409 when it carried a version; any other non-2xx is an error.
 * Resolves the response (body inflated when gzipped), or null when it is not usable.
 */
async function call(sim, method, route, path, { body, ifNoneMatch, versioned = false } = {}) {
  const { run } = sim;
  const t = performance.now();
  const stats = t < run.warmEnd ? run.warm : run.main;
  let res;
  try {
    res = await sim.request(method, `${API}${path}`, { body, headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}, timeoutMs: REQUEST_TIMEOUT_MS });
  } catch (error) {
    count(run, stats, route, 0, performance.now() - t, { versioned, conditional: !!ifNoneMatch }, `${error.code ?? ''} ${error.message}`);
    return null;
  }
  const elapsed = performance.now() - t;
  // (a 304 names the encoding of the answer it stands for, with no body)
  if (res.headers['content-encoding'] === 'gzip' && res.body.length) res.body = gunzipSync(res.body);
  count(run, stats, route, res.status, elapsed, { versioned, conditional: !!ifNoneMatch }, res.body);
  res.json = () => JSON.parse(res.body.toString('utf8'));
  return res;
}

function count(run, stats, route, status, elapsed, { versioned, conditional }, body) {
  let r = stats.routes.get(route);
  if (!r) stats.routes.set(route, (r = { n: 0, errors: 0, conflicts: 0, notModified: 0, server: 0, latencies: [], statuses: new Map() }));
  r.n++;
  r.latencies.push(elapsed);
  r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
  const ok = (status >= 200 && status < 300) || (status === 304 && conditional) || (status === 409 && versioned);
  if (status === 409) r.conflicts++;
  if (status === 304) r.notModified++;
  if (status >= 500) r.server++;
  if (!ok) {
    r.errors++;
    // a few samples: the first of each route and status
    if (run.samples.length < 12 && !run.samples.some((s) => s.route === route && s.status === status)) {
      run.samples.push({ route, status, body: (Buffer.isBuffer(body) ? body.toString('utf8') : String(body)).slice(0, 400) });
    }
  }
}

const ok = (res) => res && res.status >= 200 && res.status < 300;

// ---------------------------------------------------------------- what a user does

const ENTITIES = {
  lead: {
    path: '/leads',
    route: 'leads',
    eventsKey: 'leadId',
    list(sim) {
      const { rng, account } = sim;
      const p = new URLSearchParams();
      const status = rng.pick([undefined, undefined, 'new', 'assigned', 'in_progress']);
      if (status) p.set('status', status);
      const whose = rng.next();
      if (account.role === 'manager' ? whose < 0.5 : whose < 0.15) p.set('teamId', account.teamId);
      else if (whose < 0.6) p.set('assignedToId', account.role === 'manager' ? rng.pick(account.teammates).id : account.id);
      p.set('sort', rng.pick(['-createdAt', '-createdAt', '-updatedAt', 'lastName', 'companyName']));
      return page(p, rng);
    },
    edit: (rng) =>
      rng.pick([
        { phone: phone(rng, '1') },
        { jobTitle: rng.pick(JOBS) },
        { description: `Called back on ${new Date().toISOString().slice(0, 10)}; wants a demo.` },
        { doNotEmail: rng.chance(0.3) },
      ]),
  },
  partner: {
    path: '/partners',
    route: 'partners',
    eventsKey: 'partnerId',
    list(sim) {
      const { rng, account } = sim;
      const p = new URLSearchParams();
      const kind = rng.next();
      if (kind < 0.3) p.set('isCustomer', 'true');
      else if (kind < 0.5) p.set('isProspect', 'true');
      if (rng.chance(0.4)) p.set('assignedToId', account.role === 'manager' ? rng.pick(account.teammates).id : account.id);
      p.set('sort', rng.pick(['-createdAt', 'name', '-updatedAt']));
      return page(p, rng);
    },
    edit: (rng) =>
      rng.pick([
        { phone: phone(rng, '4') },
        { description: `Account review ${new Date().toISOString().slice(0, 10)}: ${rng.pick(PRODUCTS)} next.` },
        { isProspect: rng.chance(0.5) },
      ]),
  },
  contact: {
    path: '/contacts',
    route: 'contacts',
    eventsKey: 'contactId',
    list(sim) {
      const { rng, account } = sim;
      const p = new URLSearchParams();
      if (rng.chance(0.4)) p.set('assignedToId', account.role === 'manager' ? rng.pick(account.teammates).id : account.id);
      p.set('sort', rng.pick(['lastName', '-createdAt', '-updatedAt']));
      return page(p, rng);
    },
    edit: (rng) => rng.pick([{ jobTitle: rng.pick(JOBS) }, { mobilePhone: phone(rng, '6') }, { doNotCall: rng.chance(0.2) }]),
  },
  opportunity: {
    path: '/opportunities',
    route: 'opportunities',
    eventsKey: 'opportunityId',
    list(sim) {
      const { rng, account } = sim;
      const p = new URLSearchParams();
      if (rng.chance(0.7)) p.set('closed', 'false');
      else if (rng.chance(0.3)) p.set('stage', rng.pick(OPEN_STAGES));
      const whose = rng.next();
      if (account.role === 'manager' ? whose < 0.5 : whose < 0.1) p.set('teamId', account.teamId);
      else if (whose < 0.6) p.set('assignedToId', account.role === 'manager' ? rng.pick(account.teammates).id : account.id);
      p.set('sort', rng.pick(['-amount', 'expectedCloseDate', '-updatedAt', '-createdAt']));
      return page(p, rng);
    },
    edit: (rng) =>
      rng.pick([
        { nextStep: rng.pick(NEXT_STEPS) },
        { amount: `${(1000 + rng.int(200) * 500).toFixed(2)}` },
        { expectedCloseDate: new Date(Date.now() + (7 + rng.int(120)) * DAY_MS).toISOString().slice(0, 10) },
        { probability: 10 + rng.int(9) * 10 },
      ]),
  },
};
const ENTITY_WEIGHTS = {
  open: [
    ['lead', 40],
    ['partner', 25],
    ['opportunity', 25],
    ['contact', 10],
  ],
  search: [
    ['lead', 40],
    ['partner', 30],
    ['contact', 15],
    ['opportunity', 15],
  ],
};

/** First page mostly, sometimes the next ones (paging), 50 rows or 20. */
function page(p, rng) {
  if (rng.chance(0.25)) p.set('page', String(2 + rng.int(3)));
  p.set('pageSize', rng.chance(0.8) ? '50' : '20');
  return p;
}

function phone(rng, prefix) {
  return `+33 ${prefix} ${String(rng.int(100_000_000))
    .padStart(8, '0')
    .replace(/(\d\d)(?=\d)/g, '$1 ')}`;
}

async function listOf(sim, kind) {
  const e = ENTITIES[kind];
  const res = await call(sim, 'GET', `GET /${e.route}`, `${e.path}?${e.list(sim)}`);
  if (ok(res)) sim.last[kind] = res.json().items;
}

/**
 * A record of a list the user saw, a top row more often (listing first when
 * there is none yet); an opportunity half of the time from the kanban when the
 * user has it open (its top cards are the deals everybody is working on).
 */
async function someRecord(sim, kind) {
  if (kind === 'opportunity' && sim.board && sim.rng.chance(0.5)) {
    const column = sim.board[sim.rng.pick(OPEN_STAGES)].items;
    if (column.length) return sim.rng.pickTop(column);
  }
  if (!sim.last[kind].length) await listOf(sim, kind);
  return sim.last[kind].length ? sim.rng.pickTop(sim.last[kind]) : null;
}

/**
 * The user's work list: their records (a manager: the team's), open ones
 * for leads and opportunities, last changed first, 20 rows. The sessions of
 * one account share it, and what was just changed comes first: where two
 * people change the same record at the same time.
 */
async function worklist(sim, kind) {
  const { account } = sim;
  const e = ENTITIES[kind];
  const p = new URLSearchParams(account.role === 'manager' && kind !== 'contact' ? { teamId: account.teamId } : { assignedToId: account.id });
  if (kind === 'lead') p.set('status', 'in_progress');
  if (kind === 'opportunity') p.set('closed', 'false');
  p.set('sort', '-updatedAt');
  p.set('pageSize', '20');
  const res = await call(sim, 'GET', `GET /${e.route}`, `${e.path}?${p}`);
  if (ok(res)) sim.last[kind] = res.json().items;
}

/** Changing a field in a form, between reading the record and saving it: 1–3 s. */
const editTime = (sim) => 1000 + sim.rng.next() * 2000;

const STEPS = {
  listLeads: (sim) => listOf(sim, 'lead'),
  listPartners: (sim) => listOf(sim, 'partner'),
  listOpportunities: (sim) => listOf(sim, 'opportunity'),
  listContacts: (sim) => listOf(sim, 'contact'),

  /** The search box: a company fragment, a last name or an email fragment. */
  async search(sim) {
    const { rng } = sim;
    const kind = pickWeighted(rng, ENTITY_WEIGHTS.search);
    const e = ENTITIES[kind];
    const term =
      kind === 'opportunity'
        ? rng.pick([rng.pick(PRODUCTS).split(' ').at(-1), `${rng.pick(WORDS).toLowerCase()} ${1000 + rng.int(20)}`])
        : rng.pick([
            `${rng.pick(WORDS).slice(1).toLowerCase()} ${1000 + rng.int(150)}`,
            rng.pick(LAST).toLowerCase(),
            `${rng
              .pick(FIRST)
              .toLowerCase()
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, '')}.`,
          ]);
    const p = new URLSearchParams({ q: term, pageSize: '20' });
    const res = await call(sim, 'GET', `GET /${e.route}?q=`, `${e.path}?${p}`);
    if (ok(res)) {
      const { items } = res.json();
      if (items.length) sim.last[kind] = items;
    }
  },

  /** A record's page: the record, its timeline and its events, asked together as the screen does. */
  async openRecord(sim) {
    const kind = pickWeighted(sim.rng, ENTITY_WEIGHTS.open);
    const e = ENTITIES[kind];
    const record = await someRecord(sim, kind);
    if (!record) return;
    await Promise.all([
      call(sim, 'GET', `GET /${e.route}/:id`, `${e.path}/${record.id}`),
      call(sim, 'GET', `GET /${e.route}/:id/timeline`, `${e.path}/${record.id}/timeline?pageSize=20`),
      call(sim, 'GET', `GET /events?${e.eventsKey}=`, `/events?${e.eventsKey}=${record.id}&pageSize=10`),
    ]);
  },

  /**
   * Open, change a field (1–3 s), save with the version read. A 409
   * (someone saved first) is what a user then sees: they reload and save
   * again, once.
   */
  async editRecord(sim) {
    const { rng } = sim;
    const kind = pickWeighted(rng, ENTITY_WEIGHTS.open);
    const e = ENTITIES[kind];
    // half of the edits start from the user's work list (theirs, a manager's team's, last changed first)
    if (rng.chance(0.5)) await worklist(sim, kind);
    const record = await someRecord(sim, kind);
    if (!record) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      const read = await call(sim, 'GET', `GET /${e.route}/:id`, `${e.path}/${record.id}`);
      if (!ok(read)) return;
      const { version } = read.json();
      await sleep(editTime(sim));
      const saved = await call(sim, 'PATCH', `PATCH /${e.route}/:id`, `${e.path}/${record.id}`, { body: { ...e.edit(rng), version }, versioned: true });
      if (!saved || saved.status !== 409) return;
    }
  },

  /**
   * Lead actions on the user's own share of the new and assigned leads: a
   * new one is taken (salesperson: assign to self) or given to a team member
   * (manager), an assigned one is started (salespeople).
   */
  async leadAction(sim) {
    const { rng, account } = sim;
    const id = sim.leadQueue.shift();
    if (!id) return STEPS.listLeads(sim);
    const read = await call(sim, 'GET', 'GET /leads/:id', `/leads/${id}`);
    if (!ok(read)) return;
    const lead = read.json();
    await sleep(think(sim));
    if (lead.status === 'new') {
      const body = account.role === 'manager' ? { userId: rng.pick(account.teammates).id } : {};
      const res = await call(sim, 'POST', 'POST /leads/:id/assign', `/leads/${id}/assign`, { body });
      // a salesperson starts it later (manager: the lead is now the team member's)
      if (ok(res) && account.role !== 'manager') sim.leadQueue.splice(rng.int(3), 0, id);
    } else if (lead.status === 'assigned' && account.role !== 'manager') {
      await call(sim, 'POST', 'POST /leads/:id/start', `/leads/${id}/start`);
    } else if (lead.status === 'assigned') {
      await call(sim, 'POST', 'POST /leads/:id/assign', `/leads/${id}/assign`, { body: { userId: rng.pick(account.teammates).id } });
    }
  },

  /** The kanban: the first page of the six columns, asked together. */
  async kanbanView(sim) {
    const columns = await Promise.all(STAGES.map((stage) => call(sim, 'GET', 'GET /opportunities/board', `/opportunities/board?stage=${stage}&pageSize=50`)));
    if (columns.every(ok)) sim.board = Object.fromEntries(columns.map((res, k) => [STAGES[k], res.json()]));
  },

  /**
   * A drag on the kanban: an open card to a neighbouring open column or
   * elsewhere in its own (a closed card only within its column, the one move
   * the rules allow it), at a position among the first 50; then the two
   * columns are read again. Cards are never dragged to a closed column here:
   * a card closed by one user and dragged by another who still sees it open
   * is refused (422), a correct answer but not one this load measures.
   */
  async kanbanMove(sim) {
    const { rng } = sim;
    if (!sim.board) await STEPS.kanbanView(sim);
    if (!sim.board) return;
    const from = rng.pick(STAGES.filter((s) => sim.board[s].items.length));
    if (!from) return;
    const card = rng.pickTop(sim.board[from].items);
    let to = from;
    if (OPEN_STAGES.includes(from) && rng.chance(0.7)) {
      const k = OPEN_STAGES.indexOf(from);
      to = OPEN_STAGES[Math.max(0, Math.min(OPEN_STAGES.length - 1, k + (rng.chance(0.75) ? 1 : -1)))];
    }
    const rank = rng.int(Math.min(50, Math.max(1, sim.board[to].total)));
    const res = await call(sim, 'POST', 'POST /opportunities/:id/move', `/opportunities/${card.id}/move`, { body: { stage: to, rank } });
    if (!ok(res)) return;
    const reread = await Promise.all(
      [...new Set([from, to])].map(async (stage) => [
        stage,
        await call(sim, 'GET', 'GET /opportunities/board', `/opportunities/board?stage=${stage}&pageSize=50`),
      ]),
    );
    for (const [stage, r] of reread) if (ok(r)) sim.board[stage] = r.json();
  },

  /** Pipeline totals: a salesperson's own by stage, a manager's team by salesperson or by stage. */
  async pipeline(sim) {
    const { rng, account } = sim;
    const path =
      account.role === 'manager'
        ? `/opportunities/pipeline?groupBy=${rng.pick(['assignedToId', 'stage'])}&teamId=${account.teamId}`
        : `/opportunities/pipeline?groupBy=stage&assignedToId=${account.id}`;
    await call(sim, 'GET', 'GET /opportunities/pipeline', path);
  },

  /**
   * A calendar week (compact items, as the calendar screen asks): mostly the
   * user's own (a manager: the team's), sometimes a team member's or the
   * team's; this week mostly, or a step forwards or back. The ETag of an
   * earlier answer goes in If-None-Match, as a browser sends it (304 when
   * nothing changed).
   */
  async calendarWeek(sim, { own = false } = {}) {
    const { rng, account } = sim;
    const r = rng.next();
    if (r < 0.2) sim.weekOffset = Math.min(8, sim.weekOffset + 1);
    else if (r < 0.35) sim.weekOffset = Math.max(-8, sim.weekOffset - 1);
    else if (r < 0.45) sim.weekOffset = 0;
    const from = new Date(sim.monday.getTime() + sim.weekOffset * 7 * DAY_MS);
    const to = new Date(from.getTime() + 7 * DAY_MS);
    const p = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), view: 'compact' });
    const whose = rng.next();
    const manager = account.role === 'manager';
    if (own) p.set('assignedToId', account.id);
    else if (manager ? whose < 0.6 : whose >= 0.85) p.set('teamId', account.teamId);
    else if (manager ? whose < 0.9 : whose >= 0.7) p.set('assignedToId', rng.pick(account.teammates).id);
    else p.set('assignedToId', account.id);
    const path = `/events?${p}`;
    const kept = sim.etags.get(path);
    const res = await call(sim, 'GET', 'GET /events?from&to (week)', path, { ifNoneMatch: kept?.etag });
    if (!res) return;
    if (res.status === 304 && kept) sim.week = { from, path, items: kept.items };
    else if (ok(res)) {
      const { items } = res.json();
      if (res.headers.etag) sim.etags.set(path, { etag: res.headers.etag, items });
      sim.week = { from, path, items };
    }
  },

  /** An event clicked in the calendar (the full record). */
  async openEvent(sim) {
    if (!sim.week?.items.length) await STEPS.calendarWeek(sim);
    if (!sim.week?.items.length) return;
    const item = sim.rng.pick(sim.week.items);
    await call(sim, 'GET', 'GET /events/:id', `/events/${item.seriesId ?? item.id}`);
  },

  /** A new call, meeting or task in the week shown (own calendar), sometimes about a record seen; then the week again. */
  async createEvent(sim) {
    const { rng } = sim;
    if (!sim.week) await STEPS.calendarWeek(sim, { own: true });
    const monday = sim.week?.from ?? sim.monday;
    const start = new Date(monday.getTime() + rng.int(5) * DAY_MS + (7 + rng.int(10)) * 3_600_000 + rng.int(4) * 900_000);
    const type = pickWeighted(rng, [
      ['call', 45],
      ['meeting', 35],
      ['task', 20],
    ]);
    const minutes = type === 'meeting' ? 30 * (1 + rng.int(4)) : type === 'call' ? 15 * (1 + rng.int(2)) : 30;
    const body = {
      type,
      subject: `${rng.pick(SUBJECTS)} (load ${sim.i})`,
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      timeZone: 'Europe/Paris',
      ...(type !== 'task' && rng.chance(0.5) ? { reminders: [{ offsetMinutes: 15, channel: 'notification' }] } : {}),
    };
    const lead = sim.last.lead.length && rng.chance(0.3) ? rng.pick(sim.last.lead) : null;
    const partner = !lead && sim.last.partner.length && rng.chance(0.2) ? rng.pick(sim.last.partner) : null;
    if (lead) body.leadId = lead.id;
    if (partner) body.partnerId = partner.id;
    const res = await call(sim, 'POST', 'POST /events', '/events', { body });
    if (ok(res) && sim.week) {
      const again = await call(sim, 'GET', 'GET /events?from&to (week)', sim.week.path, { ifNoneMatch: sim.etags.get(sim.week.path)?.etag });
      if (ok(again)) {
        const { items } = again.json();
        if (again.headers.etag) sim.etags.set(sim.week.path, { etag: again.headers.etag, items });
        sim.week.items = items;
      }
    }
  },

  /**
   * A drag in the calendar: one of the user's own planned single events of
   * the week shown, an hour or a day later or earlier, with the version the
   * calendar item carried (409 when it changed meanwhile, e.g. another
   * session of the same account moved it).
   */
  async moveEvent(sim) {
    const { rng, account } = sim;
    const mine = (week) =>
      (week?.items ?? []).filter((item) => item.assignedToId === account.id && !item.seriesId && !item.allDay && item.status === 'planned');
    if (!mine(sim.week).length) await STEPS.calendarWeek(sim, { own: true });
    const candidates = mine(sim.week);
    if (!candidates.length) return;
    const item = rng.pick(candidates);
    const shift = rng.pick([3_600_000, -3_600_000, DAY_MS, -DAY_MS]);
    const body = {
      startAt: new Date(Date.parse(item.startAt) + shift).toISOString(),
      endAt: new Date(Date.parse(item.endAt) + shift).toISOString(),
      version: item.version,
    };
    const res = await call(sim, 'PATCH', 'PATCH /events/:id', `/events/${item.id}`, { body, versioned: true });
    if (ok(res)) {
      item.startAt = body.startAt;
      item.endAt = body.endAt;
      item.version = res.json().version;
    }
  },
};

// ---------------------------------------------------------------- report

/** Prints the table and the verdict; true when the run failed (any error, 5xx, or a failure of this script). */
function report(run) {
  const rows = [];
  const all = { n: 0, errors: 0, conflicts: 0, notModified: 0, server: 0, latencies: [] };
  const routes = [...run.main.routes.entries()].sort(([a], [b]) => routeKey(a).localeCompare(routeKey(b)));
  for (const [route, r] of routes) {
    const s = summarize(r.latencies);
    rows.push([route, String(r.n), String(r.errors), String(r.conflicts), String(r.notModified), String(r.server), ms(s.p50), ms(s.p95), ms(s.p99)]);
    for (const key of ['n', 'errors', 'conflicts', 'notModified', 'server']) all[key] += r[key];
    all.latencies.push(...r.latencies);
  }
  const s = summarize(all.latencies);
  rows.push(['total', String(all.n), String(all.errors), String(all.conflicts), String(all.notModified), String(all.server), ms(s.p50), ms(s.p95), ms(s.p99)]);
  console.log(
    `\n== results: ${SIMS} simulated users, ${run.measuredSeconds.toFixed(1)} s measured (requests started after the ${WARMUP_S} s warm-up); latencies in ms`,
  );
  console.log('   errors: any status but 2xx, 304 to a conditional GET and 409 to a PATCH carrying a version (no answer within 30 s counts as status 0)');
  printTable(['route', 'requests', 'errors', '409', '304', '5xx', 'p50', 'p95', 'p99'], rows);
  console.log(
    `\n${all.n.toLocaleString('en')} requests in ${run.measuredSeconds.toFixed(1)} s = ${(all.n / run.measuredSeconds).toFixed(1)} req/s; ${run.steps.toLocaleString('en')} user steps in ${run.totalSeconds.toFixed(1)} s (warm-up included)`,
  );
  const statusLine = (stats) => {
    const counts = new Map();
    for (const r of stats.routes.values()) for (const [st, n] of r.statuses) counts.set(st, (counts.get(st) ?? 0) + n);
    return [...counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([st, n]) => `${st}: ${n}`)
      .join(', ');
  };
  console.log(`statuses (measured): ${statusLine(run.main)}`);
  const warm = [...run.warm.routes.values()].reduce((acc, r) => ({ n: acc.n + r.n, errors: acc.errors + r.errors, server: acc.server + r.server }), {
    n: 0,
    errors: 0,
    server: 0,
  });
  console.log(
    `warm-up: ${warm.n.toLocaleString('en')} requests, ${warm.errors} errors, ${warm.server} 5xx (not in the table; errors still fail the run); statuses: ${statusLine(run.warm) || 'none'}`,
  );

  const serverErrors = apiLogErrors();
  console.log(`API log: ${serverErrors.count} error or warning line(s) (${apiLogPath()})`);
  if (run.samples.length) {
    console.log('\nsample errors (first of each route and status):');
    for (const sample of run.samples) console.log(`  ${sample.route} -> ${sample.status}: ${sample.body.replace(/\s+/g, ' ')}`);
  }
  if (serverErrors.count) {
    console.log(`\nthe API log (${apiLogPath()}) has ${serverErrors.count} error or warning line(s); the first:`);
    for (const line of serverErrors.first) console.log(`  ${line}`);
  }
  const errors = all.errors + warm.errors;
  const server = all.server + warm.server;
  const scriptErrors = run.main.scriptErrors + run.warm.scriptErrors;
  const failed = errors > 0 || server > 0 || scriptErrors > 0;
  console.log(`\n== goal: 0 errors, 0 5xx`);
  console.log(
    `${failed ? 'FAIL' : 'PASS'}: ${errors} errors (${server} 5xx) in ${(all.n + warm.n).toLocaleString('en')} requests; ${all.conflicts} expected 409s (concurrent edits), ${all.notModified} 304s` +
      (scriptErrors ? `; ${scriptErrors} failures of this script` : ''),
  );
  return failed;
}

/** Groups a route's rows by resource: `GET /leads/:id` next to `PATCH /leads/:id`. */
function routeKey(route) {
  const [method, path] = route.split(' ');
  return `${path} ${method}`;
}

/** Error and warning lines the API logged (Nest logger's ERROR and WARN levels, or an uncaught stack), colours removed. */
function apiLogErrors() {
  try {
    const text = stripVTControlCharacters(readFileSync(apiLogPath(), 'utf8'));
    const lines = text.split('\n').filter((l) => /\b(ERROR|WARN)\b|Unhandled|uncaught/i.test(l));
    return { count: lines.length, first: lines.slice(0, 8).map((l) => l.slice(0, 400)) };
  } catch {
    return { count: 0, first: [] };
  }
}
