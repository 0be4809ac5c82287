// Shared parts of the benchmarks that boot the built API on a fresh database:
// the database lifecycle, the API process, a keep-alive HTTP client, the
// concurrent measuring loop, index drop/rebuild around a bulk load, EXPLAIN
// and table printing. Plain ESM; the benchmarks (bench/*.bench.mjs) import it.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const API_DIR = join(ROOT, 'apps/api');
/** `require` as seen from apps/api: its dependencies (pg, typeorm) and its dist/. */
export const apiRequire = createRequire(join(API_DIR, 'package.json'));
export const pg = apiRequire('pg');

/** An ESM-only dependency of apps/api (e.g. fractional-indexing), loaded from its node_modules. */
export function importApiDependency(name) {
  return import(pathToFileURL(apiRequire.resolve(name)).href);
}

// ---------------------------------------------------------------- database

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(adminUrl, name) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
}

export async function dropDatabase(adminUrl, name) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  console.log(`dropped database ${name}`);
}

/** A pg Pool on the bench database; the final DROP … WITH (FORCE) may terminate its idle connections (57P01): expected. */
export function benchPool(connectionString, max, label = 'bare pool') {
  const db = new pg.Pool({ connectionString, max });
  // pool.end() resolves before its connections have closed, so the final DROP
  // DATABASE … WITH (FORCE) may still terminate them (57P01): expected, not a failure
  db.on('error', (error) => {
    if (error.code !== '57P01') console.error(`${label}: ${error.message}`);
  });
  return db;
}

/**
 * The secondary indexes of `tables` (not those backing a constraint such as
 * the primary key), dropped for a bulk load; rebuild them afterwards from the
 * returned `pg_indexes` definitions with buildIndex, so the result is what
 * the migrations made.
 */
export async function dropSecondaryIndexes(client, tables) {
  const indexes = (
    await client.query(
      `
      SELECT i.tablename, i.indexname, i.indexdef
        FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
       ORDER BY i.tablename, i.indexname`,
      [tables],
    )
  ).rows;
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.indexname}`);
  return indexes;
}

/** Rebuilds one index from its definition and prints how long it took. */
export async function buildIndex(client, ix) {
  const t = performance.now();
  await client.query(ix.indexdef);
  console.log(`  index ${ix.indexname} built in ${sec(t)}`);
}

/** Session settings for a bulk load; skips FK trigger checks when the role is a superuser. */
export async function loadSettings(client) {
  const superuser = (await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper;
  return `SET maintenance_work_mem = '1GB'; SET synchronous_commit = off;${superuser ? ` SET session_replication_role = replica;` : ''}`;
}

/**
 * After a bulk load: VACUUM ANALYZE of `tables` (in parallel; fresh statistics
 * and visibility maps, as autovacuum would leave them), then a CHECKPOINT, so
 * that flushing the load's dirty pages does not fall inside a measured phase.
 */
export async function settleAfterLoad(db, tables) {
  const t = performance.now();
  await Promise.all(tables.map((table) => db.query(`VACUUM ANALYZE ${table}`)));
  await db.query('CHECKPOINT');
  console.log(`  VACUUM ANALYZE and CHECKPOINT in ${sec(t)}`);
}

/** Prints the on-disk size of each table and of its indexes. */
export async function printSizes(db, tables) {
  const { rows } = await db.query(
    `
      SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c
       WHERE c.relname = ANY($1::text[]) OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid::regclass::text = ANY($1::text[]))
       ORDER BY c.relname`,
    [tables],
  );
  console.log(`  sizes: ${rows.map((r) => `${r.relname} ${r.size}`).join(', ')}`);
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a statement: its plan lines and the indexes it names. */
export async function explainAnalyze(db, sql, params = []) {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((r) => r['QUERY PLAN']);
  const indexes = [...new Set(lines.flatMap((l) => [...l.matchAll(/(?:Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1])))];
  return { lines, indexes };
}

export function shortPlan(lines, max = 24) {
  return lines.length <= max ? lines : [...lines.slice(0, max - 4), `  ... (${lines.length - (max - 4)} more lines)`];
}

// ---------------------------------------------------------------- API process

let apiProcess;
let apiLog;
// never leave the API we started running behind us
process.on('exit', () => apiProcess?.kill('SIGKILL'));

export function apiLogPath() {
  return apiLog;
}

export function ensureBuilt() {
  if (existsSync(join(API_DIR, 'dist/main.js'))) return;
  console.log('apps/api/dist missing: building with tsc');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: API_DIR, stdio: 'inherit' });
}

/**
 * API processes the benchmarked API runs (CRM_API_PROCESSES): by default the
 * product's default, one. On the 2-core machine the figures come from, the
 * load generator and PostgreSQL need the other core: a second API process
 * only added contention (a user's week, p95 52–60 ms with two, 44–54 ms with
 * one). A benchmark about several processes sets its own default.
 */
export const API_PROCESSES = process.env.BENCH_API_PROCESSES ?? '1';

/**
 * Starts `node apps/api/dist/main.js` on `dbUrl` (NODE_ENV=test, admin
 * password `admin`, no demo data): the migrations run and the admin exists
 * once it answers /health. `request` is the HTTP function to poll with.
 */
export async function startApi({ port, dbUrl, logPrefix, request, processes = API_PROCESSES }) {
  if (await portTaken(port)) throw new Error(`port ${port} is already in use (another API?): set BENCH_PORT or stop it`);
  apiLog = join(mkdtempSync(join(tmpdir(), logPrefix)), 'api.log');
  const out = openSync(apiLog, 'a');
  const t0 = performance.now();
  apiProcess = spawn(process.execPath, [join(API_DIR, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      NODE_ENV: 'test',
      CRM_ADMIN_PASSWORD: 'admin',
      CRM_DEMO_DATA: '',
      CRM_API_PROCESSES: String(processes),
    },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise((resolveExit) => apiProcess.once('exit', (code) => resolveExit(code)));
  for (;;) {
    const code = await Promise.race([exited, sleep(250).then(() => undefined)]);
    if (code !== undefined) throw new Error(`the API exited (${code}) before answering /health:\n${readFileSync(apiLog, 'utf8')}`);
    try {
      const { status } = await request('GET', `http://127.0.0.1:${port}/api/v1/health`);
      if (status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 90_000) throw new Error(`the API did not answer /health within 90 s (log: ${apiLog})`);
  }
  console.log(
    `API up (pid ${apiProcess.pid}, ${processes} API process(es), port ${port}) after ${((performance.now() - t0) / 1000).toFixed(1)} s; migrations applied; log ${apiLog}`,
  );
}

export function portTaken(port) {
  return new Promise((resolvePort) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once('error', () => resolvePort(false));
  });
}

export async function stopApi() {
  const child = apiProcess;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  apiProcess = undefined;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) child.kill('SIGKILL');
  console.log('API stopped');
}

// ---------------------------------------------------------------- HTTP client
// node:http with a keep-alive Agent of `sockets` sockets: one connection per
// client, reused. (Node 20's fetch would need the `undici` package to size its
// pool; http.request also costs less CPU per request, which matters when the
// client shares 2 cores with the API and PostgreSQL.)

/**
 * A keep-alive client: `request(method, url, { body, headers, timeoutMs })` resolves
 * `{ status, headers, body: Buffer }`; `defaultHeaders` go with every request.
 * With `timeoutMs`, a request whose socket stays silent that long is aborted
 * (rejected); without it, it waits as long as it takes.
 */
export function createHttpClient(sockets, defaultHeaders = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  function request(method, url, { body, headers = {}, timeoutMs } = {}) {
    return new Promise((resolveRequest, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = http.request(
        url,
        {
          method,
          agent,
          headers: {
            accept: 'application/json',
            ...defaultHeaders,
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolveRequest({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.end(payload);
    });
  }
  return { agent, request };
}

/** Signs in, by default as the admin the API created; returns the bearer token. */
export async function login(request, api, email = 'admin@example.com', password = 'admin') {
  const { status, body } = await request('POST', `${api}/auth/login`, { body: { email, password } });
  if (status !== 200) throw new Error(`login: ${status} ${body}`);
  return JSON.parse(body).accessToken;
}

/** GET that fails on any status but 200; parses the body only when asked. */
export async function apiGet(request, api, path, token, parse = false) {
  const { status, body } = await request('GET', `${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (status !== 200) throw new Error(`GET ${path}: ${status} ${body.toString().slice(0, 500)}`);
  return parse ? JSON.parse(body) : undefined;
}

// ---------------------------------------------------------------- measuring

/**
 * A warm-up of `warmup` requests per client, then `requests` per client
 * (stopping at a `phaseSeconds` deadline), `concurrency` clients in a
 * closed loop; `once(client, i)` makes one request. Prints and returns
 * p50/p95/p99 and requests/s.
 */
export async function measure(label, once, { concurrency, warmup, requests, phaseSeconds }) {
  await runClients(concurrency, warmup, Infinity, once);
  const t0 = performance.now();
  const latencies = await runClients(concurrency, requests, t0 + phaseSeconds * 1000, once);
  const seconds = (performance.now() - t0) / 1000;
  const r = { ...summarize(latencies), seconds, rps: latencies.length / seconds };
  const capped = r.n < requests * concurrency ? ` (stopped at the ${phaseSeconds} s deadline)` : '';
  console.log(
    `   ${label.padEnd(7)} ${r.n} requests in ${r.seconds.toFixed(1)} s${capped}: p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(1)} req/s`,
  );
  return r;
}

export async function runClients(concurrency, perClient, deadline, once) {
  const latencies = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      for (let i = 0; i < perClient && performance.now() < deadline; i++) {
        const t = performance.now();
        await once(client, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

/** n, p50, p95, p99 of a list of latencies (ms). */
export function summarize(latencies) {
  const sorted = [...latencies].sort((x, y) => x - y);
  return { n: sorted.length, p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99) };
}

export function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------- report

/** Prints a table: first column left-aligned, the others right-aligned. */
export function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

export function ms(value) {
  return value.toFixed(1);
}

export function sec(t0) {
  return `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

export function sleep(msec) {
  return new Promise((r) => setTimeout(r, msec));
}

/** Runs a benchmark's main: on failure or interruption the API it started is stopped (and the failure printed). */
export function runBench(main) {
  main().catch(async (error) => {
    console.error(`\nbench failed: ${error.stack ?? error}`);
    if (apiLogPath()) console.error(`API log: ${apiLogPath()}`);
    await stopApi();
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
      await stopApi();
      process.exit(130);
    });
  }
}

/**
 * What every benchmark that starts the API reads from its environment
 * (bench/README.md has the table), under the names the scripts use.
 */
export function benchSettings(dbName, defaultPort, { requests = 150 } = {}) {
  const env = process.env;
  const ADMIN_URL = env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const PORT = Number(env.BENCH_PORT ?? defaultPort);
  const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 16);
  const REQUESTS = Number(env.BENCH_REQUESTS ?? requests);
  // a server is measured warm: with 5 requests per client the first measured seconds still ran code V8
  // had not optimised yet, and the pool's connections had not prepared their statements
  const WARMUP = Number(env.BENCH_WARMUP ?? 100);
  const PHASE_SECONDS = Number(env.BENCH_PHASE_SECONDS ?? 60);
  return {
    ADMIN_URL,
    DB_NAME: dbName,
    DB_URL: withDatabase(ADMIN_URL, dbName),
    PORT,
    API: `http://127.0.0.1:${PORT}/api/v1`,
    CONCURRENCY,
    REQUESTS,
    WARMUP,
    PHASE_SECONDS,
    KEEP_DB: env.BENCH_KEEP_DB === '1',
    REUSE_DB: env.BENCH_REUSE_DB === '1',
    /** The measuring loop's settings, for `measure`. */
    PHASE: { concurrency: CONCURRENCY, warmup: WARMUP, requests: REQUESTS, phaseSeconds: PHASE_SECONDS },
  };
}

/** The end of a run (after the script closed its pools): the API stopped, the database dropped unless kept, the total time. */
export async function finishBench(settings, started) {
  await stopApi();
  if (settings.KEEP_DB || settings.REUSE_DB) console.log(`\nkept database ${settings.DB_NAME}: ${settings.DB_URL}`);
  else await dropDatabase(settings.ADMIN_URL, settings.DB_NAME);
  console.log(`\ntotal bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * A TypeORM DataSource on the built API's entities (apps/api/dist) whose
 * logger keeps every statement sent in `log.captured` (reset it between
 * captures): how a benchmark learns the exact SQL a built service runs.
 * `extra` goes to the pg pool (e.g. the API's session options).
 */
export function capturingDataSource(url, extra = {}) {
  apiRequire('reflect-metadata');
  const { DataSource } = apiRequire('typeorm');
  const { ENTITIES } = apiRequire('./dist/entities.js');
  const { SnakeNamingStrategy } = apiRequire('./dist/platform/database/snake-naming.strategy.js');
  const log = { captured: [] };
  const noop = () => {};
  const logger = {
    logQuery: (sql, params) => log.captured.push({ sql, params: params ?? [] }),
    logQueryError: noop,
    logQuerySlow: noop,
    logSchemaBuild: noop,
    logMigration: noop,
    log: noop,
  };
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    logging: true,
    logger,
    extra: { max: 2, ...extra },
  });
  return { ds, log };
}
