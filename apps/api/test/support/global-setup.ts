import { rmSync } from 'node:fs';
import { createDataSource } from '../../src/platform/database/data-source';
import { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { databaseUrl, PGLITE_TEMPLATE_DIR, TEMPLATE_DB, testDatabaseMode, withServer } from './test-database';

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Migrates the template every test file's database is cloned from (once per run). */
export default async function globalSetup(): Promise<void> {
  if (testDatabaseMode() === 'pglite') {
    rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
    const embedded = await EmbeddedPostgres.start(PGLITE_TEMPLATE_DIR);
    await migrate(embedded.url, 1);
    await embedded.stop();
    return;
  }
  await withServer(async (client) => {
    // leftovers of runs that were interrupted (their process is gone)
    const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'crm\\_test\\_%'`);
    for (const { datname } of stale.rows as { datname: string }[]) {
      const runPid = Number(datname.split('_')[2]);
      if (!processAlive(runPid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  await migrate(databaseUrl(TEMPLATE_DB), 2);
}

async function migrate(url: string, poolSize: number): Promise<void> {
  const dataSource = createDataSource({ url, poolSize });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}
