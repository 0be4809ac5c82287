import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { readConfig } from '../platform/config/app-config';
import { openDatabase } from '../platform/database/database-connection';
import { ENTITIES } from '../entities';
import { buildOpenApiDocument } from '../platform/openapi/openapi';

/**
 * `pnpm openapi`: writes the OpenAPI document to the file named, for review
 * and for generating the SPA's client. Boots the app on a throwaway embedded
 * database so no server is needed.
 */
async function exportDocument(target: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-openapi-'));
  const config = { ...readConfig({ ...process.env, DATABASE_URL: '', CRM_DATA_DIR: dataDir }), webDistDir: dataDir };
  const { dataSource, close } = await openDatabase(config, ENTITIES);
  try {
    const app = await createApp(config, dataSource, false);
    writeFileSync(target, JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n');
    await app.close();
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

exportDocument(process.argv[2] ?? 'openapi.json').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
