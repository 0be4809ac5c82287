import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { UserRole } from '@crm/domain';
import { createApp } from '../../src/app';
import { UsersService } from '../../src/modules/users/users.service';
import { readConfig } from '../../src/platform/config/app-config';
import { openDatabase } from '../../src/platform/database/database-connection';
import { ENTITIES } from '../../src/entities';
import { createTestDatabase } from './test-database';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password' };

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  /** A bearer token of the first admin. */
  adminToken: string;
  /** Creates a user of that role and signs them in; returns their id and token. */
  signInAs(role: UserRole, email?: string): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

/**
 * The real app, as `main` builds it, on a database of its own. One per test
 * file: `beforeAll(async () => (t = await startTestApp()))`; `env` adds
 * configuration variables (`{ CRM_TRUST_PROXY: 'loopback' }`).
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...readConfig({ NODE_ENV: 'test', CRM_ADMIN_PASSWORD: ADMIN.password, DATABASE_URL: database.url, CRM_DATA_DIR: database.dataDir, ...env }, []),
    webDistDir: '/nonexistent',
  };
  const { dataSource, close } = await openDatabase(config, ENTITIES);
  const app = await createApp(config, dataSource, ['error']);
  await app.get(UsersService).ensureFirstAdmin(ADMIN.email, ADMIN.password, false);
  const http = request(app.getHttpServer());
  const adminToken = await login(http, ADMIN.email, ADMIN.password);
  let users = 0;
  return {
    app,
    http,
    dataSource,
    adminToken,
    async signInAs(role, email = `${role}${++users}@example.com`) {
      const password = 'a-good-password';
      const created = await http
        .post('/api/v1/users')
        .auth(adminToken, { type: 'bearer' })
        .send({ email, name: `Test ${role}`, role, password });
      if (created.status !== 201) throw new Error(`could not create ${role}: ${JSON.stringify(created.body)}`);
      return { id: created.body.id as string, token: await login(http, email, password) };
    },
    async close() {
      await app.close();
      await close();
      await database.drop();
    },
  };
}

export async function login(http: TestAgent, email: string, password: string): Promise<string> {
  const response = await http.post('/api/v1/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}
