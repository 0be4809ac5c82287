import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { readConfig } from './platform/config/app-config';
import { openDatabase } from './platform/database/database-connection';
import { UsersService } from './modules/users/users.service';
import { seedDemoDataIfEmpty } from './demo/demo-seed';

async function main(): Promise<void> {
  const logger = new Logger('Boot');
  const config = readConfig();
  const { dataSource, close } = await openDatabase(config);
  const app = await createApp(config, dataSource);
  await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword, !process.env.CRM_ADMIN_PASSWORD);
  if (config.seedDemoData) await seedDemoDataIfEmpty(dataSource, logger);
  await app.listen(config.port);
  logger.log(`CRM ready at http://localhost:${config.port} (API explorer: /api/v1/docs) — sign in as ${config.adminEmail}`);
  const shutdown = async () => {
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  new Logger('Boot').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
