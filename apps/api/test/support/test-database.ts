import { cpSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Where the HTTP tests get their databases: the PostgreSQL server named by
 * TEST_DATABASE_URL (default: the local one), each test file in a fresh
 * database cloned from a migrated template; or, when no server answers, the
 * embedded PGlite, each test file in a copy of a migrated data directory.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
/**
 * One test run's databases share this prefix (its Jest process id), so runs
 * going on at the same time (two developers, an editor) never drop each
 * other's databases. Set by the global setup, read by every test file.
 */
export const RUN_ID = (process.env.CRM_TEST_RUN_ID ??= String(process.pid));
export const TEMPLATE_DB = `crm_test_${RUN_ID}_template`;
export const PGLITE_TEMPLATE_DIR = join(tmpdir(), `crm-test-pglite-template-${RUN_ID}`);

export type TestDatabaseMode = 'postgres' | 'pglite';

export function testDatabaseMode(): TestDatabaseMode {
  return process.env.CRM_TEST_DB === 'pglite' ? 'pglite' : 'postgres';
}

export async function serverAnswers(url = SERVER_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 5432), hostname);
  });
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** `postgres://…` for a server database; undefined with PGlite (use dataDir). */
  url?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = `${RUN_ID}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (testDatabaseMode() === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), `crm-test-${suffix}-`));
    cpSync(PGLITE_TEMPLATE_DIR, dataDir, { recursive: true });
    return { dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `crm_test_${suffix}`;
  await withServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  return {
    url: databaseUrl(name),
    drop: () => withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
