import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { UsersService } from '../../src/modules/users/users.service';
import { readConfig } from '../../src/platform/config/app-config';
import { openDatabase } from '../../src/platform/database/database-connection';
import { ENTITIES } from '../../src/entities';
import { ADMIN, login } from './test-app';
import { createTestDatabase, TestDatabase } from './test-database';

/** One API process of a test that runs several on one database (as CRM_API_PROCESSES does). */
export interface ApiProcess {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh database of its own (cloned from the migrated template); drop it at the end. */
export function newDatabase(): Promise<TestDatabase> {
  return createTestDatabase();
}

/**
 * The real app on an existing database, with or without its background
 * workers (reminder planning and delivery, email sending): a test that
 * drives the workers by hand starts processes without them. `env`: more
 * of its configuration (CRM_PUBLIC_URL...).
 */
export async function startApiProcess(url: string, { runWorkers, env = {} }: { runWorkers: boolean; env?: NodeJS.ProcessEnv }): Promise<ApiProcess> {
  const config = {
    ...readConfig({ NODE_ENV: 'test', CRM_ADMIN_PASSWORD: ADMIN.password, ...env, DATABASE_URL: url, CRM_WORKERS: runWorkers ? '1' : '0' }, []),
    webDistDir: '/nonexistent',
  };
  const { dataSource, close } = await openDatabase(config, ENTITIES);
  const app = await createApp(config, dataSource, ['error']);
  await app.get(UsersService).ensureFirstAdmin(ADMIN.email, ADMIN.password, false);
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    async close() {
      await app.close();
      await close();
    },
  };
}

/** Creates a user of that role through the API (as the admin) and signs them in. */
export async function signUp(http: TestAgent, role: 'admin' | 'manager' | 'salesperson', email: string): Promise<{ id: string; token: string }> {
  const adminToken = await login(http, ADMIN.email, ADMIN.password);
  const password = 'a-good-password';
  const created = await http
    .post('/api/v1/users')
    .auth(adminToken, { type: 'bearer' })
    .send({ email, name: `Test ${role}`, role, password });
  if (created.status !== 201) throw new Error(`could not create ${role}: ${JSON.stringify(created.body)}`);
  return { id: created.body.id as string, token: await login(http, email, password) };
}
