#!/usr/bin/env node
// Lead list latency and throughput at volume: a fresh database `crm_bench`
// with 1,000,000 leads and 200,000 partners, the built API on it, then three
// list queries through HTTP (16 concurrent clients) and the same SQL through a
// bare `pg` Pool, their plans, and PASS/MISS against the goal (API p95 < 50 ms,
// API at least 50% of the bare query's throughput).
//
//   BENCH_PG_URL          server to use, default postgres://root@127.0.0.1:5432/postgres (trust auth)
//   BENCH_PORT            API port, default 3990
//   BENCH_LEADS           default 1000000      BENCH_PARTNERS  default 200000
//   BENCH_CONCURRENCY     default 16           BENCH_REQUESTS  per client, default 150
//   BENCH_WARMUP          per client, default 100
//   BENCH_PHASE_SECONDS   a measured phase stops at this deadline even if the
//                         requests are not all done, default 60 (the count is printed)
//   BENCH_KEEP_DB=1       keep crm_bench afterwards (to EXPLAIN by hand)
//   BENCH_REUSE_DB=1      measure a kept crm_bench as it is (no reseed, not dropped):
//                         e.g. add a candidate index by hand, then rerun
//
// Needs: a PostgreSQL server with pg_trgm (superuser for the fast load), and
// apps/api built (built here with tsc when dist/ is missing).

import { performance } from 'node:perf_hooks';
import {
  apiRequire,
  capturingDataSource,
  pg,
  recreateDatabase as recreateDatabaseOn,
  ensureBuilt,
  startApi as startApiProcess,
  stopApi,
  createHttpClient,
  login as loginAs,
  apiGet as apiGetWith,
  dropSecondaryIndexes,
  buildIndex,
  loadSettings as loadSettingsFor,
  settleAfterLoad,
  printSizes,
  explainAnalyze,
  shortPlan,
  measure as measureWith,
  printTable as printTableRows,
  ms,
  sec,
  runBench,
  benchSettings,
  finishBench,
} from './lib/harness.mjs';
import { CITIES, COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './lib/sample-data.mjs';

const env = process.env;
const SETTINGS = benchSettings('crm_bench', 3990);
const { ADMIN_URL, DB_NAME, DB_URL, PORT, API, CONCURRENCY, REUSE_DB } = SETTINGS;
const LEADS = Number(env.BENCH_LEADS ?? 1_000_000);
const PARTNERS = Number(env.BENCH_PARTNERS ?? 200_000);
const GOAL_P95_MS = 50;
const GOAL_RATIO = 0.5;
const EXACT_COUNT_LIMIT = 10_000; // list-runner.ts

// Seed vocabulary. Company names: 30 words × numbers 1000..3999 × 6 suffixes,
// 3,000 distinct names ('Acme 1234 Industries'); with 20% of leads without a
// company, one name matches ~270 leads.
const WORDS = COMPANY_WORDS;
const SUFFIXES = COMPANY_SUFFIXES;
const COMPANY_NAMES = 3000;
const FIRST = FIRST_NAMES;
const LAST = LAST_NAMES;
const JOBS = JOB_TITLES;

runBench(main);
// (the harness kills the API we started on exit, whatever happens)

async function main() {
  const started = performance.now();
  console.log(`leads-list bench: ${LEADS.toLocaleString('en')} leads, ${PARTNERS.toLocaleString('en')} partners, database ${DB_NAME}`);
  if (REUSE_DB) console.log(`reusing the seeded database ${DB_NAME} as it is (BENCH_REUSE_DB=1)`);
  else await recreateDatabase();
  ensureBuilt();
  await startApi();

  const db = new pg.Pool({ connectionString: DB_URL, max: CONCURRENCY });
  // pool.end() resolves before its connections have closed, so the final DROP
  // DATABASE … WITH (FORCE) may still terminate them (57P01): expected, not a failure
  db.on('error', (error) => {
    if (error.code !== '57P01') console.error(`bare pool: ${error.message}`);
  });
  try {
    const seeded = REUSE_DB ? await pickCaseParams(db) : await seed(db);
    const token = await login();
    const cases = defineCases(seeded);
    const sqlSource = await captureSql(cases);
    console.log(`\nSQL of the bare runs: ${sqlSource}`);

    const results = [];
    for (const c of cases) {
      console.log(`\n== case ${c.name}: GET /leads?${c.query}`);
      const probe = await apiGet(`/leads?${c.query}`, token, true);
      console.log(`   response: ${probe.items.length} items, total ${probe.total} (${probe.totalExact ? 'exact' : 'estimate'})`);
      const api = await measure(`API ${c.name}`, () => apiGet(`/leads?${c.query}`, token));
      const bare = await measure(`bare ${c.name}`, () => bareRun(db, c.sql));
      results.push({ c, api, bare });
    }

    console.log('\n== plans (EXPLAIN ANALYZE, BUFFERS; warm cache)');
    for (const c of cases) await explainCase(db, c);

    printTable(results);
    await stopApi();
    printSummary(results);
  } finally {
    await db.end();
    await finishBench(SETTINGS, started);
  }
}

// ---------------------------------------------------------------- database, API, HTTP (bench/lib/harness.mjs)

function recreateDatabase() {
  return recreateDatabaseOn(ADMIN_URL, DB_NAME);
}

function startApi() {
  return startApiProcess({ port: PORT, dbUrl: DB_URL, logPrefix: 'leads-list-bench-', request });
}

// one keep-alive connection per client, reused
const { request } = createHttpClient(CONCURRENCY);

function login() {
  return loginAs(request, API);
}

function apiGet(path, token, parse = false) {
  return apiGetWith(request, API, path, token, parse);
}

// ---------------------------------------------------------------- seeding

async function seed(db) {
  const client = await db.connect();
  const t0 = performance.now();
  try {
    await client.query(`SELECT setseed(0.42)`);
    await client.query(`
      INSERT INTO users (id, email, name, role, active, password_hash)
      SELECT gen_random_uuid(), 'sales' || lpad(g::text, 2, '0') || '@example.com', 'Sales Person ' || g, 'salesperson', true,
             'bench-dummy-hash-not-a-password'
        FROM generate_series(1, 20) g`);
    const users = (await client.query(`SELECT id FROM users WHERE role = 'salesperson' ORDER BY email`)).rows.map((r) => r.id);
    const adminId = (await client.query(`SELECT id FROM users WHERE email = 'admin@example.com'`)).rows[0].id;

    // Secondary indexes are dropped for the load and rebuilt from their own
    // definitions afterwards (pg_indexes), so the result is what the
    // migrations made. Bulk-building the trigram GIN index once is much
    // faster than maintaining it row by row during a 1M-row insert.
    const indexes = await dropSecondaryIndexes(client, ['leads', 'partners']);
    console.log(`\nseeding: dropped ${indexes.length} secondary indexes for the load (${indexes.map((i) => i.indexname).join(', ')})`);
    // The generated rows reference only existing users: skip the per-row FK
    // trigger checks during the load (needs superuser; otherwise they run).
    const loadSettings = await loadSettingsFor(client);

    const partnersClient = await db.connect();
    try {
      await client.query(loadSettings);
      await partnersClient.query(loadSettings);
      await partnersClient.query(`SELECT setseed(0.17)`);
      // Two sessions so both cores work: leads on one, partners on the other;
      // then each rebuilds its share of the indexes.
      const leadGin = indexes.filter((i) => i.tablename === 'leads' && /\busing gin\b/i.test(i.indexdef));
      const leadBtree = indexes.filter((i) => i.tablename === 'leads' && !leadGin.includes(i));
      const partnerIx = indexes.filter((i) => i.tablename === 'partners');
      let leadsLoaded;
      const leadsLoadedPromise = new Promise((r) => (leadsLoaded = r));

      const leadsWork = (async () => {
        const chunk = 250_000;
        for (let from = 1; from <= LEADS; from += chunk) {
          const to = Math.min(LEADS, from + chunk - 1);
          const t = performance.now();
          await client.query(LEADS_INSERT, [from, to, LEADS, users, adminId, WORDS, SUFFIXES, COMPANY_NAMES, FIRST, LAST, CITIES, JOBS]);
          console.log(`  leads ${from.toLocaleString('en')}..${to.toLocaleString('en')} inserted in ${sec(t)}`);
        }
        leadsLoaded();
        for (const ix of leadGin) await timed(client, ix);
      })();
      const partnersWork = (async () => {
        const chunk = 100_000;
        for (let from = 1; from <= PARTNERS; from += chunk) {
          const to = Math.min(PARTNERS, from + chunk - 1);
          const t = performance.now();
          await partnersClient.query(PARTNERS_INSERT, [from, to, PARTNERS, users, adminId, WORDS, SUFFIXES, FIRST, LAST, CITIES]);
          console.log(`  partners ${from.toLocaleString('en')}..${to.toLocaleString('en')} inserted in ${sec(t)}`);
        }
        for (const ix of partnerIx) await timed(partnersClient, ix);
        await leadsLoadedPromise;
        for (const ix of leadBtree) await timed(partnersClient, ix);
      })();
      await Promise.all([leadsWork, partnersWork]);
    } finally {
      await partnersClient.query('RESET ALL').catch(() => {});
      partnersClient.release();
    }
    await client.query('RESET ALL');
    await settleAfterLoad(db, ['leads', 'partners', 'users']);
    await printSizes(client, ['leads', 'partners']);
    console.log(
      `SEEDING TIME: ${sec(t0)} (${LEADS.toLocaleString('en')} leads + ${PARTNERS.toLocaleString('en')} partners, indexes rebuilt after the load, VACUUM ANALYZE)`,
    );

    return await pickCaseParams(client);
  } finally {
    client.release();
  }
}

/** The user of case b (the one with the most in_progress leads; all are close) and the fragment of case c. */
async function pickCaseParams(db) {
  const b = (
    await db.query(`
    SELECT assigned_to_id AS id, count(*)::int AS n FROM leads WHERE status = 'in_progress'
     GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)
  ).rows[0];
  if (!b) throw new Error(`no in_progress leads in ${DB_NAME}`);
  // the end of a company's first word and its number, e.g. 'lobex 2231' of 'Globex 2231 Group'
  const fragment = `${WORDS[1].slice(1).toLowerCase()} ${1000 + 1231}`;
  const matches = (await db.query(`SELECT count(*)::int AS n FROM leads WHERE search_text LIKE $1`, [`%${fragment}%`])).rows[0].n;
  return { user: b.id, userInProgress: b.n, fragment, fragmentMatches: matches };
}

function timed(client, ix) {
  return buildIndex(client, ix);
}

// $1 from, $2 to, $3 total, $4 users, $5 admin, $6 words, $7 suffixes, $8 company names, $9 first, $10 last, $11 cities, $12 jobs.
// Rows come in created_at order over the last 3 years (as a live CRM's table
// fills up), ids are UUID v7-like from created_at; statuses new 30%,
// assigned 20%, in_progress 25%, converted 15%, lost 10%.
const LEADS_INSERT = `
  INSERT INTO leads (id, title, first_name, last_name, company_name, job_title, email, phone, mobile_phone, website,
                     address_city, address_country, assigned_to_id, status, do_not_call, do_not_email, description,
                     created_at, updated_at, created_by_id)
  SELECT (lpad(to_hex((extract(epoch FROM s.ts) * 1000)::bigint), 12, '0') || '7' || substr(s.h, 1, 3) || '8' || substr(s.h, 4, 15))::uuid,
         CASE WHEN s.r_title < 0.5 THEN 'Ms.' WHEN s.r_title < 0.9 THEN 'Mr.' END,
         s.first, s.last,
         s.company,
         ($12::text[])[1 + floor(s.r_job * array_length($12::text[], 1))::int],
         lower(translate(s.first || '.' || s.last, 'éèüïôç ', 'eeuioc-')) || s.g || '@' ||
           CASE WHEN s.company IS NULL THEN 'mail.example' ELSE lower(replace(split_part(s.company, ' ', 1), ' ', '')) || s.k || '.example' END,
         '+33 1 ' || lpad(floor(s.r_phone * 100000000)::bigint::text, 8, '0'),
         CASE WHEN s.r_mobile < 0.4 THEN '+33 6 ' || lpad(floor(s.r_mobile * 250000000)::bigint::text, 8, '0') END,
         CASE WHEN s.company IS NOT NULL AND s.r_title < 0.3 THEN 'https://' || lower(replace(split_part(s.company, ' ', 1), ' ', '')) || s.k || '.example' END,
         ($11::text[])[1 + floor(s.r_city * array_length($11::text[], 1))::int], 'FR',
         ($4::uuid[])[1 + floor(s.r_user * array_length($4::uuid[], 1))::int],
         CASE WHEN s.r_status < 0.30 THEN 'new' WHEN s.r_status < 0.50 THEN 'assigned' WHEN s.r_status < 0.75 THEN 'in_progress'
              WHEN s.r_status < 0.90 THEN 'converted' ELSE 'lost' END,
         s.r_flag < 0.05, s.r_flag > 0.97,
         CASE WHEN s.r_flag BETWEEN 0.3 AND 0.4 THEN 'Met at a trade show; call back about pricing.' END,
         s.ts, s.ts + (s.r_flag * interval '30 days'), $5::uuid
    FROM (
      SELECT g, ts, md5(g::text || random()::text) AS h, k,
             CASE WHEN random() < 0.8 THEN ($6::text[])[1 + k % array_length($6::text[], 1)] || ' ' || (1000 + k) || ' ' ||
                                           ($7::text[])[1 + (k / array_length($6::text[], 1)) % array_length($7::text[], 1)] END AS company,
             ($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int] AS first,
             ($10::text[])[1 + floor(random() * array_length($10::text[], 1))::int] AS last,
             random() AS r_title, random() AS r_job, random() AS r_phone, random() AS r_mobile, random() AS r_city,
             random() AS r_user, random() AS r_status, random() AS r_flag
        FROM (SELECT g, floor(random() * $8::int)::int AS k,
                     now() - interval '3 years' + ((g - 1)::float8 / $3::int) * interval '3 years' + random() * interval '60 seconds' AS ts
                FROM generate_series($1::int, $2::int) g) base
    ) s`;

// $1 from, $2 to, $3 total, $4 users, $5 admin, $6 words, $7 suffixes, $8 first, $9 last, $10 cities
const PARTNERS_INSERT = `
  INSERT INTO partners (id, kind, name, first_name, email, phone, mobile_phone, website, address_city, address_country,
                        assigned_to_id, is_prospect, is_customer, is_supplier, created_at, updated_at, created_by_id)
  SELECT (lpad(to_hex((extract(epoch FROM s.ts) * 1000)::bigint), 12, '0') || '7' || substr(s.h, 1, 3) || '9' || substr(s.h, 4, 15))::uuid,
         CASE WHEN s.individual THEN 'individual' ELSE 'company' END,
         CASE WHEN s.individual THEN s.last ELSE ($6::text[])[1 + s.g % array_length($6::text[], 1)] || ' ' || s.g || ' ' ||
                                                 ($7::text[])[1 + (s.g / 7) % array_length($7::text[], 1)] END,
         CASE WHEN s.individual THEN s.first END,
         'contact' || s.g || '@partner' || s.g || '.example',
         '+33 4 ' || lpad(floor(s.r_phone * 100000000)::bigint::text, 8, '0'),
         CASE WHEN s.r_phone < 0.3 THEN '+33 7 ' || lpad(floor(s.r_phone * 300000000)::bigint::text, 8, '0') END,
         CASE WHEN NOT s.individual THEN 'https://partner' || s.g || '.example' END,
         ($10::text[])[1 + floor(s.r_city * array_length($10::text[], 1))::int], 'FR',
         ($4::uuid[])[1 + floor(s.r_user * array_length($4::uuid[], 1))::int],
         s.r_flags < 0.6, s.r_flags >= 0.4, s.r_flags > 0.9,
         s.ts, s.ts, $5::uuid
    FROM (
      SELECT g, ts, md5(g::text || random()::text) AS h, random() < 0.2 AS individual,
             ($8::text[])[1 + floor(random() * array_length($8::text[], 1))::int] AS first,
             ($9::text[])[1 + floor(random() * array_length($9::text[], 1))::int] AS last,
             random() AS r_phone, random() AS r_city, random() AS r_user, random() AS r_flags
        FROM (SELECT g, now() - interval '3 years' + ((g - 1)::float8 / $3::int) * interval '3 years' + random() * interval '60 seconds' AS ts
                FROM generate_series($1::int, $2::int) g) base
    ) s`;

// ---------------------------------------------------------------- cases and their SQL

function defineCases(seeded) {
  console.log(
    `case b user: ${seeded.user} (${seeded.userInProgress} in_progress leads); case c fragment: '${seeded.fragment}' (${seeded.fragmentMatches} matching leads)`,
  );
  return [
    { name: 'a', label: 'first page, newest first', query: 'sort=-createdAt&pageSize=50', list: { sort: '-createdAt', pageSize: 50 } },
    {
      name: 'b',
      label: 'status + assignee',
      query: `status=in_progress&assignedToId=${seeded.user}&sort=-createdAt&pageSize=50`,
      list: { status: 'in_progress', assignedToId: seeded.user, sort: '-createdAt', pageSize: 50 },
    },
    {
      name: 'c',
      label: `q='${seeded.fragment}'`,
      query: `q=${encodeURIComponent(seeded.fragment)}&sort=-createdAt&pageSize=50`,
      list: { q: seeded.fragment, sort: '-createdAt', pageSize: 50 },
    },
  ];
}

/**
 * The exact statements the API runs: the built LeadsService.list (dist/) on a
 * TypeORM DataSource whose logger records every query. Falls back to
 * hand-written equivalents of list-runner.ts when dist cannot be loaded.
 */
async function captureSql(cases) {
  try {
    // first: it loads reflect-metadata, which the decorated classes of dist/ need
    const { ds, log } = capturingDataSource(DB_URL);
    const { LeadsService } = apiRequire('./dist/modules/leads/leads.service.js');
    await ds.initialize();
    try {
      const service = new LeadsService(ds, undefined);
      for (const c of cases) {
        log.captured = [];
        await service.list({ ...c.list });
        const count = log.captured.find((q) => /count\(\*\)/i.test(q.sql));
        const estimate = log.captured.find((q) => /^\s*EXPLAIN/i.test(q.sql));
        // an unfiltered list of a large table reads the statistics instead of counting
        const stats = log.captured.find((q) => /reltuples/i.test(q.sql));
        const page = log.captured.find((q) => /^\s*SELECT\b/i.test(q.sql) && !/count\(\*\)|reltuples/i.test(q.sql));
        if (!page || (!count && !stats))
          throw new Error(`case ${c.name}: unexpected statements ${JSON.stringify(log.captured.map((q) => q.sql.slice(0, 60)))}`);
        c.sql = { page, count, stats, estimate: estimate ?? (count ? countToEstimate(count) : undefined) };
      }
    } finally {
      await ds.destroy();
    }
    for (const c of cases) {
      console.log(
        `\ncase ${c.name} SQL (params ${JSON.stringify(c.sql.page.params)}):\n  page:  ${c.sql.page.sql}\n  ${c.sql.count ? `count: ${c.sql.count.sql}\n  above ${EXACT_COUNT_LIMIT}: ${c.sql.estimate.sql}` : `total: ${c.sql.stats.sql}`}`,
      );
    }
    return 'captured from the built LeadsService.list (apps/api/dist) through a TypeORM query logger: the exact statements the API sends';
  } catch (error) {
    console.log(`could not capture the SQL from apps/api/dist (${error.message}); using hand-written equivalents of list-runner.ts`);
    for (const c of cases) c.sql = handWritten(c.list);
    return 'hand-written from list-runner.ts (dist could not be loaded)';
  }
}

/** The statement list-runner sends when the capped count exceeds the limit (the planner's estimate). */
function countToEstimate(count) {
  const inner = count.sql.match(/FROM \((.*) LIMIT \d+\) AS matching/s)?.[1];
  return { sql: `EXPLAIN (FORMAT JSON) ${inner}`, params: count.params };
}

function handWritten(list) {
  const where = [];
  const params = [];
  if (list.q) {
    params.push(`%${list.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`lead.search_text LIKE $${params.length}`);
  }
  if (list.status) {
    params.push(list.status);
    where.push(`lead.status = $${params.length}`);
  }
  if (list.assignedToId) {
    params.push(list.assignedToId);
    where.push(`lead.assigned_to_id = $${params.length}`);
  }
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const columns = `lead.id, lead.title, lead.first_name, lead.last_name, lead.company_name, lead.job_title, lead.email, lead.phone,
    lead.mobile_phone, lead.website, lead.address_street, lead.address_city, lead.address_postal_code, lead.address_state,
    lead.address_country, lead.source_id, lead.referred_by, lead.assigned_to_id, lead.team_id, lead.do_not_call, lead.do_not_email,
    lead.status, lead.lost_reason_id, lead.lost_note, lead.description, lead.partner_id, lead.contact_id, lead.created_at,
    lead.updated_at, lead.created_by_id, lead.version`;
  return {
    page: { sql: `SELECT ${columns} FROM leads lead${whereSql} ORDER BY lead.created_at DESC, lead.id DESC LIMIT ${list.pageSize}`, params },
    count: { sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM leads lead${whereSql} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS matching`, params },
    estimate: { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM leads lead${whereSql}`, params },
  };
}

/** What one API request costs the database, minus the auth lookup: page and capped count in parallel (as runList), the estimate when the count is capped. */
async function bareRun(db, sql) {
  if (!sql.count) {
    await Promise.all([db.query(sql.page.sql, sql.page.params), db.query(sql.stats.sql, sql.stats.params)]);
    return;
  }
  const [, count] = await Promise.all([db.query(sql.page.sql, sql.page.params), db.query(sql.count.sql, sql.count.params)]);
  if (count.rows[0].n > EXACT_COUNT_LIMIT) await db.query(sql.estimate.sql, sql.estimate.params);
}

// ---------------------------------------------------------------- measuring

function measure(label, once) {
  return measureWith(label, () => once(), SETTINGS.PHASE);
}

// ---------------------------------------------------------------- plans and report

async function explainCase(db, c) {
  for (const [what, stmt] of [['page', c.sql.page], c.sql.count ? ['count', c.sql.count] : ['total', c.sql.stats]]) {
    const { lines, indexes } = await explainAnalyze(db, stmt.sql, stmt.params);
    const shown = shortPlan(lines);
    const seq = lines.some((l) => /Seq Scan on leads/.test(l));
    console.log(`\n-- case ${c.name} ${what}: ${indexes.length ? `index ${indexes.join(', ')}` : 'no index'}${seq ? ', Seq Scan on leads' : ''}`);
    for (const l of shown) console.log(`   ${l}`);
  }
}

function printTable(results) {
  const head = ['case', 'API p50', 'API p95', 'API p99', 'API req/s', 'bare p50', 'bare p95', 'bare req/s', 'ratio'];
  const rows = results.map(({ c, api, bare }) => [
    `${c.name} ${c.label}`,
    ms(api.p50),
    ms(api.p95),
    ms(api.p99),
    api.rps.toFixed(1),
    ms(bare.p50),
    ms(bare.p95),
    bare.rps.toFixed(1),
    `${((api.rps / bare.rps) * 100).toFixed(0)}%`,
  ]);
  console.log(`\n== results (${CONCURRENCY} concurrent clients; latencies in ms; bare = page + capped count [+ estimate] on a pg Pool of ${CONCURRENCY})`);
  printTableRows(head, rows);
}

function printSummary(results) {
  console.log(`\n== goal: API p95 < ${GOAL_P95_MS} ms and API throughput >= ${GOAL_RATIO * 100}% of the bare query's`);
  for (const { c, api, bare } of results) {
    const ratio = api.rps / bare.rps;
    const ok = api.p95 < GOAL_P95_MS && ratio >= GOAL_RATIO;
    console.log(
      `${ok ? 'PASS' : 'MISS'} case ${c.name} (${c.label}): p95 ${ms(api.p95)} ms ${api.p95 < GOAL_P95_MS ? '<' : '>='} ${GOAL_P95_MS}; ` +
        `API ${api.rps.toFixed(1)} req/s = ${(ratio * 100).toFixed(0)}% of bare ${bare.rps.toFixed(1)} req/s ${ratio >= GOAL_RATIO ? '>=' : '<'} ${GOAL_RATIO * 100}%`,
    );
  }
}
