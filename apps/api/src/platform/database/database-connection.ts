import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';

/**
 * Opens the database the config names (a server, or the embedded PGlite),
 * runs pending migrations and hands back the data source plus a closer.
 */
export async function openDatabase(config: AppConfig): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const logger = new Logger('Database');
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await EmbeddedPostgres.start(config.dataDir);
    url = embedded.url;
    logger.log(`Embedded PostgreSQL (PGlite) in ${config.dataDir}`);
  }
  const dataSource = createDataSource({ url, poolSize: embedded ? 1 : 10 });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations();
    if (applied.length) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
