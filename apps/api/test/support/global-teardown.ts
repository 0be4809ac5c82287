import { rmSync } from 'node:fs';
import { PGLITE_TEMPLATE_DIR, TEMPLATE_DB, testDatabaseMode, withServer } from './test-database';

/** Drops this run's template (each test file drops its own database). */
export default async function globalTeardown(): Promise<void> {
  if (testDatabaseMode() === 'pglite') {
    rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
    return;
  }
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
}
