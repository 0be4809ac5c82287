#!/usr/bin/env node
// Opportunity kanban at volume: a fresh database `crm_bench_pipeline` with
// 300,000 opportunities over the six stages (fractional-indexing ranks), the
// built API on it, then (1) each column's first page and (2) the weighted
// pipeline totals (all, and one assignee's) at 16 concurrent clients, then
// (3) 1,000 concurrent kanban moves within one column and 1,000 between two
// columns, checked for a consistent, gap-free order; plans; PASS/MISS.
//
//   BENCH_PG_URL          server to use, default postgres://root@127.0.0.1:5432/postgres (trust auth)
//   BENCH_PORT            API port, default 3991
//   BENCH_OPPORTUNITIES   default 300000       BENCH_PARTNERS  default 20000
//   BENCH_CONCURRENCY     default 16           BENCH_REQUESTS  per client, default 150
//   BENCH_WARMUP          per client, default 100
//   BENCH_PHASE_SECONDS   a measured phase stops at this deadline, default 60
//   BENCH_MOVES           moves per storm, default 1000
//   BENCH_MOVE_INFLIGHT   move requests in flight at once, default 64 (1000 = all at once)
//   BENCH_MOVE_STAGE      column of the single-column storm, default new (the largest)
//   BENCH_MIXED_STAGES    the two columns of the mixed storm, default qualification,proposition
//   BENCH_KEEP_DB=1       keep crm_bench_pipeline afterwards (to EXPLAIN by hand)
//   BENCH_REUSE_DB=1      measure a kept crm_bench_pipeline as it is (no reseed, not dropped)
//
// Needs: a PostgreSQL server (superuser for the fast load), apps/api built
// (built here with tsc when dist/ is missing), port 3991 free.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  API_DIR,
  apiRequire,
  capturingDataSource,
  importApiDependency,
  recreateDatabase,
  benchPool,
  ensureBuilt,
  startApi,
  stopApi,
  createHttpClient,
  login,
  apiGet,
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
import { COMPANY_SUFFIXES, COMPANY_WORDS, LOST_REASONS, NEXT_STEPS, PRODUCTS, stageCounts, STAGES } from './lib/sample-data.mjs';

const env = process.env;
const SETTINGS = benchSettings('crm_bench_pipeline', 3991);
const { ADMIN_URL, DB_NAME, DB_URL, PORT, API, CONCURRENCY, REUSE_DB } = SETTINGS;
const OPPORTUNITIES = Number(env.BENCH_OPPORTUNITIES ?? 300_000);
const PARTNERS = Number(env.BENCH_PARTNERS ?? 20_000);
const MOVES = Number(env.BENCH_MOVES ?? 1000);
const MOVE_INFLIGHT = Number(env.BENCH_MOVE_INFLIGHT ?? 64);
const MOVE_STAGE = env.BENCH_MOVE_STAGE ?? 'new';
const MIXED_STAGES = (env.BENCH_MIXED_STAGES ?? 'qualification,proposition').split(',').map((s) => s.trim());
const GOAL_P95_MS = 50;
const EXACT_COUNT_LIMIT = 10_000; // list-runner.ts
const VERIFY_PAGE_SIZE = 200; // MAX_PAGE_SIZE of list-query.dto.ts

// a live pipeline: many early and closed deals, fewer in negotiation
const WORDS = COMPANY_WORDS.slice(0, 20);
const SUFFIXES = COMPANY_SUFFIXES;
const TEAMS = ['Sales North', 'Sales South', 'Key Accounts', 'Inside Sales'];

// keep-alive client of the read phases: one connection per client, reused
const { request } = createHttpClient(CONCURRENCY);
const fi = await importApiDependency('fractional-indexing');

runBench(main);

async function main() {
  const started = performance.now();
  console.log(
    `opportunity-pipeline bench: ${OPPORTUNITIES.toLocaleString('en')} opportunities, ${PARTNERS.toLocaleString('en')} partners, database ${DB_NAME}`,
  );
  for (const stage of [MOVE_STAGE, ...MIXED_STAGES]) if (!STAGES.includes(stage)) throw new Error(`unknown stage ${stage}`);
  if (MIXED_STAGES.length !== 2 || MIXED_STAGES[0] === MIXED_STAGES[1]) throw new Error('BENCH_MIXED_STAGES takes two different stages');
  if (MIXED_STAGES.some((s) => s.startsWith('closed'))) throw new Error('BENCH_MIXED_STAGES: open stages only (a closed card only reorders)');
  if (REUSE_DB) console.log(`reusing the seeded database ${DB_NAME} as it is (BENCH_REUSE_DB=1)`);
  else await recreateDatabase(ADMIN_URL, DB_NAME);
  ensureBuilt();
  await startApi({ port: PORT, dbUrl: DB_URL, logPrefix: 'opportunity-pipeline-bench-', request });

  const db = benchPool(DB_URL, CONCURRENCY);
  const report = { reads: [], storms: [], checks: [] };
  try {
    if (!REUSE_DB) await seed(db);
    const params = await pickParams(db);
    const token = await login(request, API);
    const cases = defineCases(params);
    const sqlSource = await captureSql(cases, params);
    console.log(`\nSQL of the bare runs and plans: ${sqlSource}`);

    for (const c of cases) {
      console.log(`\n== case ${c.name}: GET ${c.example}`);
      const probe = await apiGet(request, API, c.path(0, 0), token, true);
      console.log(`   response: ${c.describe(probe)}`);
      const api = await measure(`API ${c.name}`, (client, i) => apiGet(request, API, c.path(client, i), token), SETTINGS.PHASE);
      const bare = await measure(`bare ${c.name}`, (client, i) => c.bare(db, client, i), SETTINGS.PHASE);
      report.reads.push({ c, api, bare });
    }

    console.log('\n== plans (EXPLAIN ANALYZE, BUFFERS; warm cache)');
    for (const c of cases) for (const [what, stmt] of c.explain) await printPlan(db, `case ${c.name} ${what}`, stmt);
    const moveStmt = (position, id) => ({ sql: params.moveSql, params: neighbourParams(params.moveSql, MOVE_STAGE, id, Math.max(position - 1, 0)) });
    const someId = (await db.query(`SELECT id FROM opportunities WHERE stage = $1 LIMIT 1`, [MOVE_STAGE])).rows[0].id;
    const n = params.columns[MOVE_STAGE];
    await printPlan(db, `move neighbours, ${MOVE_STAGE} position ${Math.floor(n / 2)} (column lock held)`, moveStmt(Math.floor(n / 2), someId));
    await printPlan(db, `move neighbours, ${MOVE_STAGE} position ${n - 1} (column lock held)`, moveStmt(n - 1, someId));
    report.neighbourBefore = await timeNeighbourQuery(db, params.moveSql, MOVE_STAGE, n);

    report.storms.push(await singleColumnStorm(db, token, params));
    report.storms.push(await mixedStorm(db, token, params));
    report.checks = await positionChecks(db, token);
    report.neighbourAfter = await timeNeighbourQuery(db, params.moveSql, MOVE_STAGE, params.columns[MOVE_STAGE]);
    await printPlan(db, `move neighbours after the storms, ${MOVE_STAGE} position ${Math.floor(n / 2)}`, moveStmt(Math.floor(n / 2), someId));

    printTables(report);
    await stopApi();
    printSummary(report);
  } finally {
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
    // ~20 salespeople in 4 teams; a dummy hash (nobody signs in as them)
    await client.query(`
      INSERT INTO users (id, email, name, role, active, password_hash)
      SELECT gen_random_uuid(), 'sales' || lpad(g::text, 2, '0') || '@example.com', 'Sales Person ' || g, 'salesperson', true,
             'bench-dummy-hash-not-a-password'
        FROM generate_series(1, 20) g`);
    await client.query(
      `INSERT INTO teams (id, name, code) SELECT gen_random_uuid(), t, upper(left(t, 3)) || o FROM unnest($1::text[]) WITH ORDINALITY AS x(t, o)`,
      [TEAMS],
    );
    const users = (await client.query(`SELECT id FROM users WHERE role = 'salesperson' ORDER BY email`)).rows.map((r) => r.id);
    const teams = (await client.query(`SELECT id FROM teams ORDER BY name`)).rows.map((r) => r.id);
    const teamOfUser = users.map((_, i) => teams[i % teams.length]);
    await client.query(`INSERT INTO team_members (team_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [teamOfUser, users]);
    if ((await client.query(`SELECT count(*)::int AS n FROM lost_reasons`)).rows[0].n === 0) {
      await client.query(`INSERT INTO lost_reasons (id, name, free_text) SELECT gen_random_uuid(), n, f FROM unnest($1::text[], $2::boolean[]) AS x(n, f)`, [
        LOST_REASONS.map((r) => r[0]),
        LOST_REASONS.map((r) => r[1]),
      ]);
    }
    const reasons = (await client.query(`SELECT id FROM lost_reasons ORDER BY name`)).rows.map((r) => r.id);
    const types = (await client.query(`SELECT id FROM opportunity_types ORDER BY code`)).rows.map((r) => r.id);
    const adminId = (await client.query(`SELECT id FROM users WHERE email = 'admin@example.com'`)).rows[0].id;
    const probabilities = (await client.query(`SELECT stage_probabilities AS p FROM crm_settings WHERE id = 1`)).rows[0].p;

    const t = performance.now();
    await client.query(PARTNERS_INSERT, [PARTNERS, users, adminId, WORDS, SUFFIXES]);
    const partners = (await client.query(`SELECT id FROM partners ORDER BY id`)).rows.map((r) => r.id);
    console.log(`\nseeding: 20 salespeople, ${TEAMS.length} teams, ${reasons.length} lost reasons, ${PARTNERS.toLocaleString('en')} partners (${sec(t)})`);

    const indexes = await dropSecondaryIndexes(client, ['opportunities']);
    console.log(`  dropped ${indexes.length} secondary indexes of opportunities for the load (${indexes.map((i) => i.indexname).join(', ')})`);
    const settings = await loadSettings(client);
    await client.query(settings);
    await other.query(settings);

    // ranks: generateNKeysBetween(null, null, n) per column, the keys a fresh
    // column gets (valid, in order); rows of a stage get them in insert order
    const counts = stageCounts(OPPORTUNITIES);
    const insertStage = async (session, stage) => {
      const ts = performance.now();
      const keys = fi.generateNKeysBetween(null, null, counts[stage]);
      await session.query(OPPORTUNITIES_INSERT, [
        keys,
        stage,
        probabilities[stage],
        stage.startsWith('closed'),
        partners,
        users,
        teamOfUser,
        types,
        reasons,
        adminId,
        WORDS,
        SUFFIXES,
        PRODUCTS,
        NEXT_STEPS,
      ]);
      console.log(`  ${stage}: ${counts[stage].toLocaleString('en')} opportunities inserted in ${sec(ts)} (ranks ${keys[0]} … ${keys.at(-1)})`);
    };
    // two sessions so both cores work, about half of the rows each
    await Promise.all([
      (async () => {
        for (const s of ['new', 'proposition', 'closed_won']) await insertStage(client, s);
      })(),
      (async () => {
        for (const s of ['qualification', 'negotiation', 'closed_lost']) await insertStage(other, s);
      })(),
    ]);
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
    // the load may have skipped the triggers (replica role): recompute the pre-computed pipeline totals
    const tt = performance.now();
    await client.query(`SELECT opportunity_pipeline_totals_rebuild()`);
    console.log(`  pipeline totals rebuilt in ${sec(tt)}`);
    await settleAfterLoad(db, ['opportunities', 'partners', 'users', 'teams', 'team_members']);
    await printSizes(client, ['opportunities']);
    console.log(
      `SEEDING TIME: ${sec(t0)} (${OPPORTUNITIES.toLocaleString('en')} opportunities + ${PARTNERS.toLocaleString('en')} partners, indexes rebuilt after the load, VACUUM ANALYZE)`,
    );
  } finally {
    await client.query('RESET ALL').catch(() => {});
    await other.query('RESET ALL').catch(() => {});
    client.release();
    other.release();
  }
}

// $1 count, $2 users, $3 admin, $4 words, $5 suffixes
const PARTNERS_INSERT = `
  INSERT INTO partners (id, kind, name, email, phone, website, address_city, address_country, assigned_to_id,
                        is_prospect, is_customer, created_at, updated_at, created_by_id)
  SELECT gen_random_uuid(), 'company',
         ($4::text[])[1 + g % array_length($4::text[], 1)] || ' ' || (1000 + g) || ' ' || ($5::text[])[1 + (g / 7) % array_length($5::text[], 1)],
         'contact@partner' || g || '.example', '+33 4 ' || lpad((g * 7919 % 100000000)::text, 8, '0'), 'https://partner' || g || '.example',
         'Lyon', 'FR', ($2::uuid[])[1 + g % array_length($2::uuid[], 1)], g % 3 <> 0, g % 3 = 0,
         now() - random() * interval '4 years', now() - random() * interval '30 days', $3::uuid
    FROM generate_series(1, $1::int) g`;

// One column: $1 its ranks in order, $2 stage, $3 its probability, $4 closed?,
// $5 partners, $6 users, $7 team of each user, $8 types, $9 lost reasons,
// $10 admin, $11 words, $12 suffixes, $13 products, $14 next steps.
// Amounts 1,000–500,000 (log-uniform, to 10), EUR 94% / USD 6%; open deals
// created over the last year and due within -30..+180 days, closed ones over
// 3 years; UUID v7-like ids from created_at.
const OPPORTUNITIES_INSERT = `
  INSERT INTO opportunities (id, name, stage, partner_id, amount, currency, probability, expected_close_date, type_id,
                             assigned_to_id, team_id, next_step, lost_reason_id, description, created_at, updated_at,
                             created_by_id, rank, closed_at)
  SELECT (lpad(to_hex((extract(epoch FROM s.ts) * 1000)::bigint), 12, '0') || '7' || substr(s.h, 1, 3) || 'a' || substr(s.h, 4, 15))::uuid,
         ($11::text[])[1 + s.p % array_length($11::text[], 1)] || ' ' || (1000 + s.p % 3000) || ' ' ||
           ($12::text[])[1 + (s.p / 20) % array_length($12::text[], 1)] || ' — ' ||
           ($13::text[])[1 + floor(s.r_name * array_length($13::text[], 1))::int],
         $2::text,
         ($5::uuid[])[1 + s.p],
         round((1000 * power(500::float8, s.r_amount))::numeric, -1),
         CASE WHEN s.r_currency < 0.94 THEN 'EUR' ELSE 'USD' END,
         $3::int,
         CASE WHEN $4::boolean THEN (s.ts + s.r_close * interval '120 days')::date
              ELSE current_date + (floor(s.r_close * 210)::int - 30) END,
         ($8::uuid[])[1 + floor(s.r_type * array_length($8::uuid[], 1))::int],
         ($6::uuid[])[1 + s.u], ($7::uuid[])[1 + s.u],
         CASE WHEN NOT $4::boolean AND s.r_close < 0.6 THEN ($14::text[])[1 + floor(s.r_name * array_length($14::text[], 1))::int] END,
         CASE WHEN $2::text = 'closed_lost' THEN ($9::uuid[])[1 + floor(s.r_type * array_length($9::uuid[], 1))::int] END,
         CASE WHEN s.r_desc < 0.1 THEN 'Budget confirmed by the CFO.' END,
         s.ts, s.ts + s.r_desc * interval '60 days', $10::uuid, s.rank,
         CASE WHEN $4::boolean THEN s.ts + s.r_desc * interval '60 days' END
    FROM (
      SELECT k.rank, md5(k.i::text || random()::text) AS h,
             now() - random() * CASE WHEN $4::boolean THEN interval '3 years' ELSE interval '1 year' END AS ts,
             floor(random() * array_length($5::uuid[], 1))::int AS p,
             floor(random() * array_length($6::uuid[], 1))::int AS u,
             random() AS r_name, random() AS r_amount, random() AS r_currency, random() AS r_close, random() AS r_type, random() AS r_desc
        FROM unnest($1::text[]) WITH ORDINALITY AS k(rank, i)
    ) s`;

/** Column sizes, the assignee of case 2b, and the SQL a move runs under its column lock. */
async function pickParams(db) {
  const columns = Object.fromEntries(STAGES.map((s) => [s, 0]));
  for (const r of (await db.query(`SELECT stage, count(*)::int AS n FROM opportunities GROUP BY stage`)).rows) columns[r.stage] = r.n;
  const user = (
    await db.query(`
    SELECT u.id, u.email, count(*)::int AS n FROM opportunities o JOIN users u ON u.id = o.assigned_to_id
     GROUP BY u.id, u.email ORDER BY n DESC, u.email LIMIT 1`)
  ).rows[0];
  if (!user) throw new Error(`no assigned opportunities in ${DB_NAME}`);
  console.log(`\ncolumns: ${STAGES.map((s) => `${s} ${columns[s].toLocaleString('en')}`).join(', ')}`);
  console.log(`case 2b assignee: ${user.email} ${user.id} (${user.n.toLocaleString('en')} opportunities)`);
  return { columns, user: user.id, userOpportunities: user.n, moveSql: moveNeighbourSql() };
}

/** The neighbour query of rankInColumn, read from the built opportunity-ranks.js (hand-written if it cannot be found). */
function moveNeighbourSql() {
  try {
    const source = readFileSync(join(API_DIR, 'dist/modules/opportunities/opportunity-ranks.js'), 'utf8');
    const found =
      source.match(/`(SELECT rank FROM opportunities WHERE stage = \$1 AND id <> \$2 ORDER BY rank LIMIT 2 OFFSET \$3)`/)?.[1] ??
      source.match(/`(SELECT rank FROM opportunities[^`]*OFFSET \$3)`/)?.[1];
    if (found) return found;
  } catch {
    // fall through
  }
  return 'SELECT rank FROM opportunities WHERE stage = $1 AND id <> $2 ORDER BY rank LIMIT 2 OFFSET $3';
}

// ---------------------------------------------------------------- read cases and their SQL

function defineCases(params) {
  const stageOf = (client, i) => STAGES[(client + i) % STAGES.length];
  const totals = (body) => body.groups.map((g) => `${g.key}/${g.currency} ${g.count}`).join(', ');
  return [
    {
      name: '1',
      label: 'kanban column first page (6 stages rotating)',
      example: '/opportunities/board?stage=<stage>&pageSize=50',
      path: (client, i) => `/opportunities/board?stage=${stageOf(client, i)}&pageSize=50`,
      list: STAGES.map((stage) => ({ stage, pageSize: 50 })),
      describe: (body) => `${body.items.length} items, first rank ${body.items[0]?.rank}, total ${body.total} (${body.totalExact ? 'exact' : 'estimate'})`,
      stageOf,
    },
    {
      name: '2a',
      label: 'pipeline totals by stage',
      example: '/opportunities/pipeline?groupBy=stage',
      path: () => '/opportunities/pipeline?groupBy=stage',
      pipeline: { groupBy: 'stage' },
      describe: (body) => `${body.groups.length} groups: ${totals(body)}`,
    },
    {
      name: '2b',
      label: 'pipeline totals by stage, one assignee',
      example: `/opportunities/pipeline?groupBy=stage&assignedToId=${params.user}`,
      path: () => `/opportunities/pipeline?groupBy=stage&assignedToId=${params.user}`,
      pipeline: { groupBy: 'stage', assignedToId: params.user },
      describe: (body) => `${body.groups.length} groups: ${totals(body)}`,
    },
  ];
}

/**
 * The exact statements the API runs: the built OpportunitiesService (list,
 * pipeline) and rankInColumn (dist/) on a TypeORM DataSource whose logger
 * records every query. Falls back to hand-written equivalents.
 */
async function captureSql(cases, params) {
  let source;
  try {
    // first: it loads reflect-metadata, which the decorated classes of dist/ need
    const { ds, log } = capturingDataSource(DB_URL);
    const { OpportunitiesService } = apiRequire('./dist/modules/opportunities/opportunities.service.js');
    const { CrmSettingsService } = apiRequire('./dist/modules/settings/crm-settings.service.js');
    const { rankInColumn } = apiRequire('./dist/modules/opportunities/opportunity-ranks.js');
    await ds.initialize();
    try {
      const service = new OpportunitiesService(ds, new CrmSettingsService(ds), undefined);
      for (const c of cases) {
        if (c.list) {
          c.sql = [];
          for (const list of c.list) {
            log.captured = [];
            await service.board({ ...list });
            const page = log.captured.find((q) => /^\s*SELECT\b/i.test(q.sql) && /FROM "?opportunities"?/.test(q.sql) && !/count\(\*\)/i.test(q.sql));
            const count = log.captured.find((q) => /count\(\*\)/i.test(q.sql));
            const estimate = log.captured.find((q) => /^\s*EXPLAIN/i.test(q.sql));
            const others = log.captured.filter((q) => q !== page && q !== count && q !== estimate);
            if (!page || !count) throw new Error(`case ${c.name}: unexpected statements ${JSON.stringify(log.captured.map((q) => q.sql.slice(0, 60)))}`);
            c.sql.push({ page, count, estimate: estimate ?? countToEstimate(count), others });
          }
        } else {
          log.captured = [];
          await service.pipeline({ ...c.pipeline });
          if (log.captured.length !== 1) throw new Error(`case ${c.name}: expected one statement, got ${log.captured.length}`);
          c.sql = log.captured[0];
        }
      }
      // a move's rank lookup, read-only: the column lock and the neighbour query
      const someId = (await ds.query(`SELECT id FROM opportunities WHERE stage = $1 LIMIT 1`, [MOVE_STAGE]))[0].id;
      log.captured = [];
      await ds.transaction((manager) => rankInColumn(manager, MOVE_STAGE, 10, someId));
      const neighbours = log.captured.find((q) => /OFFSET/i.test(q.sql));
      if (neighbours) params.moveSql = neighbours.sql;
      console.log(
        `\nmove (rankInColumn) under the column lock:\n  ${log.captured
          .filter((q) => !/^(START|BEGIN|COMMIT)/i.test(q.sql))
          .map((q) => q.sql)
          .join('\n  ')}`,
      );
    } finally {
      await ds.destroy();
    }
    source = 'captured from the built OpportunitiesService / rankInColumn (apps/api/dist) through a TypeORM query logger: the exact statements the API sends';
  } catch (error) {
    console.log(`could not capture the SQL from apps/api/dist (${error.message}); using hand-written equivalents of opportunities.service.ts`);
    for (const c of cases) c.sql = c.list ? c.list.map(handWrittenList) : handWrittenPipeline(c.pipeline);
    source = 'hand-written from opportunities.service.ts and list-runner.ts (dist could not be loaded)';
  }
  for (const c of cases) {
    if (c.list) {
      const first = c.sql[0];
      console.log(
        `\ncase ${c.name} SQL (stage ${c.list[0].stage}; params ${JSON.stringify(first.page.params)}):\n  page:  ${first.page.sql}\n  count: ${first.count.sql}\n` +
          `  above ${EXACT_COUNT_LIMIT}: ${first.estimate.sql}${first.others.map((q) => `\n  then:  ${q.sql}`).join('')}`,
      );
      const big = STAGES.reduce((a, b) => (params.columns[b] > params.columns[a] ? b : a));
      const k = STAGES.indexOf(big);
      c.explain = [
        [`page (${big})`, c.sql[k].page],
        [`count (${big})`, c.sql[k].count],
      ];
      c.bare = (db, client, i) => bareList(db, c.sql[STAGES.indexOf(c.stageOf(client, i))]);
    } else {
      console.log(`\ncase ${c.name} SQL (params ${JSON.stringify(c.sql.params)}):\n  ${c.sql.sql}`);
      c.explain = [['totals', c.sql]];
      c.bare = (db) => db.query(c.sql.sql, c.sql.params);
    }
  }
  return source;
}

function countToEstimate(count) {
  const inner = count.sql.match(/FROM \((.*) LIMIT \d+\) AS matching/s)?.[1];
  return { sql: `EXPLAIN (FORMAT JSON) ${inner}`, params: count.params };
}

/** The board's statements as opportunities.service.ts (BOARD_SELECT) and list-runner.ts (runSqlList) write them. */
function handWrittenList(list) {
  const where = ' WHERE opportunity.stage = $1';
  const cards = `opportunity.id AS "id", opportunity.version AS "version", opportunity.name AS "name", opportunity.stage AS "stage",
    opportunity.rank AS "rank", opportunity.partner_id AS "partnerId", partner.name AS "partnerName", opportunity.amount AS "amount",
    opportunity.currency AS "currency", opportunity.probability AS "probability", opportunity.expected_close_date::text AS "expectedCloseDate",
    opportunity.assigned_to_id AS "assignedToId"`;
  return {
    page: {
      sql: `SELECT ${cards} FROM opportunities opportunity LEFT JOIN partners partner ON partner.id = opportunity.partner_id${where}
        ORDER BY opportunity.rank ASC, opportunity.id ASC LIMIT $2 OFFSET $3`,
      params: [list.stage, list.pageSize, 0],
    },
    count: {
      sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM opportunities opportunity${where} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS matching`,
      params: [list.stage],
    },
    estimate: { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM opportunities opportunity${where}`, params: [list.stage] },
    others: [],
  };
}

function handWrittenPipeline(query) {
  const where = query.assignedToId ? ' WHERE opportunity.assigned_to_id = $1' : '';
  return {
    sql: `SELECT opportunity.stage AS key, opportunity.currency AS currency, count(*)::int AS count,
            coalesce(sum(opportunity.amount), 0)::numeric(18,2)::text AS amount,
            coalesce(sum(opportunity.amount * opportunity.probability / 100), 0)::numeric(18,2)::text AS weighted_amount
       FROM opportunities opportunity${where} GROUP BY opportunity.stage, opportunity.currency ORDER BY opportunity.stage ASC`,
    params: query.assignedToId ? [query.assignedToId] : [],
  };
}

/** What one list request costs the database, minus the auth lookup: page and capped count in parallel, the estimate when capped, then the settings read. */
async function bareList(db, sql) {
  const [, count] = await Promise.all([db.query(sql.page.sql, sql.page.params), db.query(sql.count.sql, sql.count.params)]);
  if (count.rows[0].n > EXACT_COUNT_LIMIT) await db.query(sql.estimate.sql, sql.estimate.params);
  for (const q of sql.others) await db.query(q.sql, q.params);
}

async function printPlan(db, title, stmt) {
  const { lines, indexes } = await explainAnalyze(db, stmt.sql, stmt.params);
  const seq = lines.some((l) => /Seq Scan on opportunities/.test(l));
  const time = lines.find((l) => /^Execution Time/.test(l));
  console.log(`\n-- ${title}: ${indexes.length ? `index ${indexes.join(', ')}` : 'no index'}${seq ? ', Seq Scan on opportunities' : ''}; ${time ?? ''}`);
  for (const l of shortPlan(lines, 30)) console.log(`   ${l}`);
}

/** The neighbour query alone at 50 random positions of a column, one at a time: what a move holds its column lock for, at least. */
/** The neighbour query takes (stage, offset), or (stage, moving id, offset) in its older form. */
function neighbourParams(sql, stage, id, offset) {
  return sql.includes('$3') ? [stage, id, offset] : [stage, offset];
}

async function timeNeighbourQuery(db, sql, stage, n) {
  const ids = (await db.query(`SELECT id FROM opportunities WHERE stage = $1 ORDER BY random() LIMIT 50`, [stage])).rows.map((r) => r.id);
  const latencies = [];
  for (const id of ids) {
    const t = performance.now();
    await db.query(sql, neighbourParams(sql, stage, id, Math.max(Math.floor(Math.random() * n) - 1, 0)));
    latencies.push(performance.now() - t);
  }
  const r = summarize(latencies);
  r.mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  console.log(
    `\nmove neighbour query alone (${stage}, 50 random positions of ${n.toLocaleString('en')}, sequential): mean ${ms(r.mean)} p50 ${ms(r.p50)} p95 ${ms(r.p95)} ms`,
  );
  return r;
}

// ---------------------------------------------------------------- concurrent moves

/** Fires `plan` ({ id, from, to, position }) as POST /move with at most MOVE_INFLIGHT in flight. */
async function fire(token, plan) {
  const inflight = Math.min(MOVE_INFLIGHT, plan.length);
  const { agent, request: post } = createHttpClient(inflight);
  const results = new Array(plan.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (next < plan.length) {
        const k = next++;
        const m = plan[k];
        const t = performance.now();
        let status;
        let body;
        try {
          ({ status, body } = await post('POST', `${API}/opportunities/${m.id}/move`, {
            body: { stage: m.to, rank: m.position },
            headers: { authorization: `Bearer ${token}` },
          }));
        } catch (error) {
          status = 'error';
          body = Buffer.from(String(error.message));
        }
        const latency = performance.now() - t;
        const ok = status === 200;
        results[k] = { ...m, status, latency, response: ok ? JSON.parse(body) : undefined, error: ok ? undefined : body.toString().slice(0, 400) };
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { results, seconds };
}

async function singleColumnStorm(db, token, params) {
  const stage = MOVE_STAGE;
  const before = (await db.query(`SELECT id FROM opportunities WHERE stage = $1`, [stage])).rows.map((r) => r.id);
  const n = before.length;
  const picked = (await db.query(`SELECT id FROM opportunities WHERE stage = $1 ORDER BY random() LIMIT $2`, [stage, MOVES])).rows.map((r) => r.id);
  // positions 0..n-1: always inside the column, which keeps its n cards
  const plan = picked.map((id) => ({ id, from: stage, to: stage, position: Math.floor(Math.random() * n) }));
  console.log(
    `\n== 3a: ${plan.length} concurrent moves within ${stage} (${n.toLocaleString('en')} cards), random positions 0..${n - 1}, ${Math.min(MOVE_INFLIGHT, plan.length)} in flight`,
  );
  const fired = await fire(token, plan);
  const storm = report3('3a', `${plan.length} moves within ${stage}`, fired);
  const expected = new Map([[stage, new Set(before)]]);
  storm.columns = [await verifyColumn(db, token, stage, expected.get(stage))];
  storm.lost = await lostMoves(db, fired.results);
  finishStorm(storm);
  params.columns[stage] = n;
  return storm;
}

async function mixedStorm(db, token, params) {
  const [a, b] = MIXED_STAGES;
  const before = {};
  for (const s of [a, b]) before[s] = (await db.query(`SELECT id FROM opportunities WHERE stage = $1`, [s])).rows.map((r) => r.id);
  const half = Math.floor(MOVES / 2);
  const pick = async (s, k) => (await db.query(`SELECT id FROM opportunities WHERE stage = $1 ORDER BY random() LIMIT $2`, [s, k])).rows.map((r) => r.id);
  // positions within the part of the target column that exists throughout
  // (it loses at most `half` cards meanwhile); past the end is checked apart
  const span = (s) => Math.max(before[s].length - half, 1);
  const plan = [
    ...(await pick(a, half)).map((id) => ({ id, from: a, to: b, position: Math.floor(Math.random() * span(b)) })),
    ...(await pick(b, MOVES - half)).map((id) => ({ id, from: b, to: a, position: Math.floor(Math.random() * span(a)) })),
  ];
  shuffle(plan);
  console.log(
    `\n== 3b: ${plan.length} concurrent moves between ${a} (${before[a].length.toLocaleString('en')}) and ${b} (${before[b].length.toLocaleString('en')}), ` +
      `${half} each way interleaved, random positions, ${Math.min(MOVE_INFLIGHT, plan.length)} in flight`,
  );
  const fired = await fire(token, plan);
  const storm = report3('3b', `${plan.length} moves ${a} <-> ${b}`, fired);
  // who should be where: a card moves only when its move answered 200
  const expected = { [a]: new Set(before[a]), [b]: new Set(before[b]) };
  for (const r of fired.results) {
    if (r.status !== 200) continue;
    expected[r.from].delete(r.id);
    expected[r.to].add(r.id);
  }
  storm.columns = [await verifyColumn(db, token, a, expected[a]), await verifyColumn(db, token, b, expected[b])];
  storm.lost = await lostMoves(db, fired.results);
  finishStorm(storm);
  params.columns[a] = expected[a].size;
  params.columns[b] = expected[b].size;
  return storm;
}

function report3(name, label, { results, seconds }) {
  const ok = results.filter((r) => r.status === 200);
  const failed = results.filter((r) => r.status !== 200);
  const lat = summarize(results.map((r) => r.latency));
  const byStatus = {};
  for (const r of failed) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  console.log(
    `   ${results.length} moves in ${seconds.toFixed(1)} s = ${(results.length / seconds).toFixed(1)} moves/s; latency p50 ${ms(lat.p50)} p95 ${ms(lat.p95)} p99 ${ms(lat.p99)} ms; ` +
      `${ok.length} answered 200${failed.length ? `, ${failed.length} did not: ${JSON.stringify(byStatus)}` : ''}`,
  );
  for (const r of failed.slice(0, 10)) console.log(`   ! ${r.id} -> ${r.to} @${r.position}: ${r.status} ${r.error}`);
  if (failed.length > 10) console.log(`   ! ... ${failed.length - 10} more`);
  return { name, label, n: results.length, ok: ok.length, failed, byStatus, seconds, rps: results.length / seconds, ...lat };
}

/** A 200 move whose card is not where its response said (another move overwrote it, or it was rolled back). */
async function lostMoves(db, results) {
  const ok = results.filter((r) => r.status === 200);
  const rows = (await db.query(`SELECT id, stage, rank FROM opportunities WHERE id = ANY($1::uuid[])`, [ok.map((r) => r.id)])).rows;
  const now = new Map(rows.map((r) => [r.id, r]));
  const lost = ok.filter((r) => {
    const row = now.get(r.id);
    return !row || row.stage !== r.to || r.response.stage !== r.to || row.rank !== r.response.rank;
  });
  console.log(`   moves answered 200 whose card is not at the stage and rank they answered: ${lost.length}`);
  return lost.length;
}

function finishStorm(storm) {
  storm.consistent = storm.failed.length === 0 && storm.lost === 0 && storm.columns.every((c) => c.ok);
}

/**
 * A column after a storm, in the database (no two cards share a rank, every
 * rank a valid key, in byte order) and through the API (`sort=rank`, paged
 * by 200): every card exactly once at positions 0..n-1 in the database's
 * order, none missing, none extra, the membership expected.
 */
async function verifyColumn(db, token, stage, expectedIds) {
  const t0 = performance.now();
  const dbRows = (await db.query(`SELECT id, rank FROM opportunities WHERE stage = $1 ORDER BY rank, id`, [stage])).rows;
  const duplicateRanks = (await db.query(`SELECT rank, count(*)::int AS n FROM opportunities WHERE stage = $1 GROUP BY rank HAVING count(*) > 1`, [stage]))
    .rows;
  let invalidKeys = 0;
  let outOfByteOrder = 0;
  for (let i = 0; i < dbRows.length; i++) {
    try {
      fi.generateKeyBetween(dbRows[i].rank, null); // validates the key
    } catch {
      invalidKeys++;
    }
    if (i > 0 && !(dbRows[i - 1].rank < dbRows[i].rank)) outOfByteOrder++;
  }

  const pages = Math.ceil(dbRows.length / VERIFY_PAGE_SIZE) + 1; // one more: must be empty
  const items = new Array(pages);
  let nextPage = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (nextPage < pages) {
        const p = nextPage++;
        const body = await apiGet(request, API, `/opportunities?stage=${stage}&sort=rank&pageSize=${VERIFY_PAGE_SIZE}&page=${p + 1}`, token, true);
        items[p] = body.items;
      }
    }),
  );
  const listed = items.flat();
  const seen = new Set();
  let duplicates = 0;
  for (const item of listed) {
    if (seen.has(item.id)) duplicates++;
    seen.add(item.id);
  }
  const missing = [...expectedIds].filter((id) => !seen.has(id));
  const extra = [...seen].filter((id) => !expectedIds.has(id));
  const wrongStage = listed.filter((item) => item.stage !== stage).length;
  let apiRankOrder = 0;
  for (let i = 1; i < listed.length; i++) if (!(listed[i - 1].rank < listed[i].rank)) apiRankOrder++;
  let positionMismatches = 0;
  let firstMismatch;
  for (let i = 0; i < Math.max(listed.length, dbRows.length); i++) {
    if (listed[i]?.id !== dbRows[i]?.id) {
      positionMismatches++;
      firstMismatch ??= i;
    }
  }
  const ok =
    duplicateRanks.length === 0 &&
    invalidKeys === 0 &&
    outOfByteOrder === 0 &&
    duplicates === 0 &&
    missing.length === 0 &&
    extra.length === 0 &&
    wrongStage === 0 &&
    apiRankOrder === 0 &&
    positionMismatches === 0 &&
    listed.length === expectedIds.size;
  const r = {
    stage,
    n: dbRows.length,
    listed: listed.length,
    expected: expectedIds.size,
    duplicateRanks: duplicateRanks.length,
    invalidKeys,
    outOfByteOrder,
    duplicates,
    missing: missing.length,
    extra: extra.length,
    wrongStage,
    apiRankOrder,
    positionMismatches,
    ok,
  };
  console.log(
    `   ${stage}: ${ok ? 'OK' : 'INCONSISTENT'}: database ${r.n} cards, ${r.duplicateRanks} duplicate ranks, ${invalidKeys} invalid keys, ` +
      `${outOfByteOrder} out of byte order; API (${pages} pages of ${VERIFY_PAGE_SIZE}) listed ${r.listed} (expected ${r.expected}) at positions 0..${r.listed - 1}: ` +
      `${duplicates} listed twice, ${r.missing} missing, ${r.extra} extra, ${wrongStage} of another stage, ${apiRankOrder} ranks out of order, ` +
      `${positionMismatches} positions differing from the database order${firstMismatch === undefined ? '' : ` (first at ${firstMismatch})`} (${sec(t0)})`,
  );
  return r;
}

/**
 * Moves one at a time, each followed by a read of the column at the position
 * asked: does `rank` mean the position the card ends up at? Also what a
 * position past the bottom of the column does.
 */
async function positionChecks(db, token) {
  console.log('\n== position checks: one move at a time, then GET the column at the position asked');
  const stage = MOVE_STAGE;
  const [a, b] = MIXED_STAGES;
  const size = async (s) => (await db.query(`SELECT count(*)::int AS n FROM opportunities WHERE stage = $1`, [s])).rows[0].n;
  const anyCard = async (s) => (await db.query(`SELECT id FROM opportunities WHERE stage = $1 ORDER BY random() LIMIT 1`, [s])).rows[0].id;
  const positionOf = async (id) =>
    (
      await db.query(
        `
    SELECT o.stage, (SELECT count(*)::int FROM opportunities x WHERE x.stage = o.stage AND x.rank < o.rank) AS position
      FROM opportunities o WHERE o.id = $1`,
        [id],
      )
    ).rows[0];
  const post = async (id, body) => {
    const { status, body: raw } = await request('POST', `${API}/opportunities/${id}/move`, { body, headers: { authorization: `Bearer ${token}` } });
    return { status, text: raw.toString().slice(0, 300) };
  };
  const n = await size(stage);
  const checks = [];
  const cases = [
    ...[0, 1, 2, 49, 50, 51, Math.floor(n / 2), n - 2, n - 1].map((position) => ({
      from: stage,
      to: stage,
      position,
      expect: position,
      what: 'within the column',
    })),
    { from: b, to: a, position: 0, expect: 0, what: `from ${b}, to the top` },
    { from: b, to: a, position: 'bottom', expect: 'bottom', what: `from ${b}, to the last position (= its size)` },
    { from: stage, to: stage, position: undefined, expect: 'bottom', what: 'within the column, no rank (bottom)' },
  ];
  for (const c of cases) {
    const id = await anyCard(c.from);
    const targetSize = await size(c.to);
    const position = c.position === 'bottom' ? targetSize : c.position;
    const res = await post(id, position === undefined ? { stage: c.to } : { stage: c.to, rank: position });
    const expect = c.expect === 'bottom' ? (c.from === c.to ? targetSize - 1 : targetSize) : c.expect;
    let landed;
    if (res.status === 200) {
      const body = await apiGet(request, API, `/opportunities?stage=${c.to}&sort=rank&pageSize=1&page=${expect + 1}`, token, true);
      landed = body.items[0]?.id === id ? expect : (await positionOf(id)).position;
    }
    const ok = res.status === 200 && landed === expect;
    checks.push({ ...c, position, expect, status: res.status, landed, ok, kind: 'position', text: res.text });
    console.log(
      `   ${ok ? 'ok ' : 'BAD'} ${c.what}: rank ${position ?? '(none)'} -> ${res.status}${res.status === 200 ? `, at position ${landed} (expected ${expect})` : ` ${res.text}`}`,
    );
  }
  // past the bottom: the DTO takes up to 1,000,000; the doc says 0 = top, omitted = bottom
  for (const extraPositions of [1, 100]) {
    const size0 = await size(stage);
    const id = await anyCard(stage);
    const position = size0 - 1 + extraPositions; // size0 - 1 is the bottom for a card of the column
    const res = await post(id, { stage, rank: position });
    const where = await positionOf(id);
    const ok = (res.status === 200 && where.position === size0 - 1) || (res.status >= 400 && res.status < 500 && res.status !== 409);
    checks.push({
      kind: 'past-end',
      what: `within the column, rank ${position} (bottom is ${size0 - 1})`,
      status: res.status,
      landed: where.position,
      ok,
      text: res.text,
    });
    console.log(
      `   ${ok ? 'ok ' : 'BAD'} past the bottom of ${stage}: rank ${position} (bottom is ${size0 - 1}) -> ${res.status}` +
        `${res.status === 200 ? '' : ` ${res.text}`}; the card is now at position ${where.position}`,
    );
  }
  return checks;
}

function shuffle(list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// ---------------------------------------------------------------- report

function printTables(report) {
  console.log(
    `\n== results: reads (${CONCURRENCY} concurrent clients; latencies in ms; bare = the same SQL on a pg Pool of ${CONCURRENCY}, without HTTP/auth)`,
  );
  printTable(
    ['case', 'API p50', 'API p95', 'API p99', 'API req/s', 'bare p50', 'bare p95', 'bare req/s'],
    report.reads.map(({ c, api, bare }) => [
      `${c.name} ${c.label}`,
      ms(api.p50),
      ms(api.p95),
      ms(api.p99),
      api.rps.toFixed(1),
      ms(bare.p50),
      ms(bare.p95),
      bare.rps.toFixed(1),
    ]),
  );
  console.log(`\n== results: concurrent moves (POST /move, ${MOVE_INFLIGHT} in flight; latencies in ms)`);
  printTable(
    ['variant', 'moves', '200', 'other', 'total s', 'moves/s', 'p50', 'p95', 'p99', 'order'],
    report.storms.map((s) => [
      `${s.name} ${s.label}`,
      String(s.n),
      String(s.ok),
      String(s.failed.length),
      s.seconds.toFixed(1),
      s.rps.toFixed(1),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      s.consistent ? 'consistent' : 'INCONSISTENT',
    ]),
  );
  console.log(
    `move neighbour query alone (${MOVE_STAGE}): mean ${ms(report.neighbourBefore.mean)} ms before the storms, ${ms(report.neighbourAfter.mean)} ms after`,
  );
}

function printSummary(report) {
  console.log(`\n== goals: (1) and (2) API p95 < ${GOAL_P95_MS} ms at ${CONCURRENCY} concurrent clients; (3) every move 200, consistent, gap-free order`);
  for (const { c, api } of report.reads) {
    console.log(
      `${api.p95 < GOAL_P95_MS ? 'PASS' : 'MISS'} ${c.name} ${c.label}: p95 ${ms(api.p95)} ms ${api.p95 < GOAL_P95_MS ? '<' : '>='} ${GOAL_P95_MS} (${api.rps.toFixed(1)} req/s)`,
    );
  }
  for (const s of report.storms) {
    const cols = s.columns
      .map(
        (c) =>
          `${c.stage} ${c.listed}/${c.expected} listed at 0..${c.listed - 1}, ${c.duplicates} twice, ${c.missing} missing, ${c.extra} extra, ` +
          `${c.duplicateRanks} duplicate ranks, ${c.positionMismatches} off the database order`,
      )
      .join('; ');
    console.log(
      `${s.consistent ? 'PASS' : 'MISS'} ${s.name} ${s.label}: ${s.ok}/${s.n} answered 200${s.failed.length ? ` (${JSON.stringify(s.byStatus)})` : ''}, ${s.lost} lost; ` +
        `${cols}; ${s.seconds.toFixed(1)} s = ${s.rps.toFixed(1)} moves/s`,
    );
  }
  const positions = report.checks.filter((c) => c.kind === 'position');
  const pastEnd = report.checks.filter((c) => c.kind === 'past-end');
  console.log(`(info) ${positions.filter((c) => c.ok).length}/${positions.length} single moves landed at the position asked`);
  for (const c of pastEnd) {
    console.log(`(info) ${c.ok ? 'ok' : 'BUG'}: ${c.what} -> ${c.status}${c.status === 200 ? '' : ` ${c.text}`}; card at position ${c.landed}`);
  }
}
