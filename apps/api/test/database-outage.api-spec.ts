import { startTestApp, TestApp } from './support/test-app';
import { testDatabaseMode, withServer } from './support/test-database';

/**
 * While PostgreSQL refuses connections the API answers 503 with Retry-After
 * (it answered 500 on every route), and it serves again by itself once the
 * database is back. The outage is real: the test database stops accepting
 * connections and its sessions are ended, as a restart of the server would.
 */
const onServer = testDatabaseMode() === 'postgres';
(onServer ? describe : describe.skip)('database outage', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let database: string;
  const setAccepting = (accepting: boolean) =>
    withServer(async (client) => {
      await client.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS ${accepting}`);
      if (!accepting) await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
    });

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    database = (await t.dataSource.query(`SELECT current_database() AS name`))[0].name as string;
  });
  afterAll(async () => {
    await setAccepting(true);
    await t.close();
  });

  it('answers 503 problem+json with Retry-After while the database is away, then recovers on its own', async () => {
    await t.http.post('/api/v1/leads').auth(seller.token, { type: 'bearer' }).send({ lastName: 'Before' }).expect(201);
    await setAccepting(false);

    for (const request of [
      t.http.get('/api/v1/leads').auth(seller.token, { type: 'bearer' }),
      t.http.post('/api/v1/leads').auth(seller.token, { type: 'bearer' }).send({ lastName: 'During' }),
      t.http.get('/api/v1/health'),
    ]) {
      const response = await request.expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(JSON.stringify(response.body)).not.toMatch(/ECONN|accepting connections|at \//);
    }

    await setAccepting(true);
    await t.http.get('/api/v1/health').expect(200);
    const leads = await t.http.get('/api/v1/leads').auth(seller.token, { type: 'bearer' }).expect(200);
    expect(leads.body.items.map((lead: { lastName: string }) => lead.lastName)).toEqual(['Before']);
  });
});
