import 'reflect-metadata';
import cluster from 'node:cluster';
import { INestApplication, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { AppConfig, readConfig } from './platform/config/app-config';
import { openDatabase } from './platform/database/database-connection';
import { ENTITIES } from './entities';
import { UsersService } from './modules/users/users.service';
import { seedDemoDataIfEmpty } from './demo/demo-seed';

const logger = new Logger('Boot');

/**
 * One process serves the API; with CRM_API_PROCESSES=n, a primary migrates
 * and prepares the database once, then n processes share the port (Node is
 * single-threaded: one process cannot use a second core).
 */
async function main(): Promise<void> {
  const config = readConfig();
  if (config.apiProcesses > 1 && cluster.isPrimary) {
    await prepareDatabase(config);
    return superviseWorkers(config);
  }
  await serve(config, cluster.isPrimary);
}

/** Run once by the cluster primary before the API processes start: migrations (openDatabase), first admin, demo data. */
async function prepareDatabase(config: AppConfig): Promise<void> {
  const { dataSource, close } = await openDatabase(config, ENTITIES);
  const app = await createApp({ ...config, runWorkers: false }, dataSource);
  await prepareData(app, dataSource, config);
  await app.close();
  await close();
}

async function prepareData(app: INestApplication, dataSource: DataSource, config: AppConfig): Promise<void> {
  await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword, !process.env.CRM_ADMIN_PASSWORD);
  if (config.seedDemoData) await seedDemoDataIfEmpty(dataSource, logger);
}

/** One API process; a lone one (not a cluster worker) prepares the database itself. */
async function serve(config: AppConfig, prepare: boolean): Promise<void> {
  const { dataSource, close } = await openDatabase(config, ENTITIES);
  const app = await createApp(config, dataSource);
  if (prepare) await prepareData(app, dataSource, config);
  await app.listen(config.port);
  if (cluster.isPrimary) logger.log(`CRM ready at http://localhost:${config.port} (API explorer: /api/v1/docs) — sign in as ${config.adminEmail}`);
  const shutdown = async () => {
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** Starts the API processes and replaces any that dies, until told to stop. */
function superviseWorkers(config: AppConfig): void {
  let stopping = false;
  let ready = 0;
  for (let i = 0; i < config.apiProcesses; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++ready === config.apiProcesses) {
      logger.log(
        `CRM ready at http://localhost:${config.port} with ${config.apiProcesses} API processes (API explorer: /api/v1/docs) — sign in as ${config.adminEmail}`,
      );
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.warn(`API process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
