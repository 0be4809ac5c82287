// The built app (dist/main.js) as a child process on a PostgreSQL database
// of its own, that a test can SIGKILL and start again on the same data.
// Shared by the fault tests; apps/api/smoke/server.mjs does the same on PGlite.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, waitUntilHealthy } from '../smoke/server.mjs';
import { serverAnswers, TEST_SERVER_URL } from '../../../scripts/test-server.mjs';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const ADMIN = { email: 'admin@example.com', password: 'fault-admin-password' };
/** The server the fault tests make their database on, as for the HTTP tests (its own database is only used to create and drop theirs). */
export const SERVER_URL = TEST_SERVER_URL;
export { serverAnswers };

async function onServer(work) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database (the app migrates it on its first start), with a client on it and a drop. */
export async function createDatabase() {
  const name = `crm_fault_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    name,
    url: url.toString(),
    /** Runs one statement on the database, as a person checking it by hand would. */
    query: async (text, values) => (await client.query(text, values)).rows,
    /** A session of its own, for holding a lock while the app works. */
    connect: async () => {
      const session = new pg.Client({ connectionString: url.toString() });
      await session.connect();
      return { query: (text, values) => session.query(text, values), release: () => session.end() };
    },
    drop: async () => {
      await client.end().catch(() => undefined);
      await onServer((server) => server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Starts dist/main.js on the database and waits until it is healthy; sign-in included. */
export async function startApp(databaseUrl, env = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-fault-'));
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: 'test', ...env, DATABASE_URL: databaseUrl, CRM_ADMIN_PASSWORD: ADMIN.password, PORT: String(port), CRM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, url, () => log);
  const app = {
    url,
    pid: child.pid,
    token: undefined,
    log: () => log,
    /** Calls the API as the administrator; JSON in and out. */
    async api(path, init = {}) {
      const response = await fetch(`${url}/api/v1${path}`, {
        ...init,
        headers: { ...(init.body instanceof FormData ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${app.token}`, ...init.headers },
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    /** SIGKILL: no shutdown hook, no flush, connections cut as a crash or an OOM kill cuts them. Resolves once it is gone. */
    async kill() {
      child.kill('SIGKILL');
      return exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  app.token = (await login.json()).accessToken;
  return app;
}
