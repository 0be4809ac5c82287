import { Logger } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { createDataSource, SESSION_OPTIONS } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';
import { attachGenericPlanPool } from './prepared-query';

/**
 * Opens the database the config names (a server, or the embedded PGlite),
 * maps `entities` (the app's list), runs pending migrations and hands back the data source plus a closer.
 */
export async function openDatabase(
  config: AppConfig,
  entities: DataSourceOptions['entities'],
): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const logger = new Logger('Database');
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await EmbeddedPostgres.start(config.dataDir);
    url = embedded.url;
    logger.log(`Embedded PostgreSQL (PGlite) in ${config.dataDir}`);
  }
  const poolSize = embedded ? 1 : 10;
  const dataSource = createDataSource({ url, poolSize, entities });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations();
    if (applied.length) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  // the embedded PGlite has one session: its reads are planned as usual
  const closeGenericPlans = embedded ? undefined : attachGenericPlanPool(dataSource, url, poolSize, SESSION_OPTIONS);
  return {
    dataSource,
    close: async () => {
      await closeGenericPlans?.();
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
