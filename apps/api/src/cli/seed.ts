import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readConfig } from '../platform/config/app-config';
import { openDatabase } from '../platform/database/database-connection';
import { ENTITIES } from '../entities';
import { seedDemoDataIfEmpty } from '../demo/demo-seed';

/** `pnpm seed`: loads the demo data into the configured database unless it already has leads. */
async function seed(): Promise<void> {
  const { dataSource, close } = await openDatabase(readConfig(), ENTITIES);
  try {
    await seedDemoDataIfEmpty(dataSource, new Logger('Seed'));
  } finally {
    await close();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
