import { Agent } from 'node:http';
import type { Response } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { testDatabaseMode, TestDatabase } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';
import { ApiProcess, newDatabase, signUp, startApiProcess } from './support/worker-apps';

/*
 * The app counts a client by `request.ip`, and it does not trust proxy
 * headers (no `trust proxy`), so an `X-Forwarded-For` would change nothing.
 * The tests make real connections from different addresses instead: the
 * whole of 127.0.0.0/8 is this machine, and SuperTest's server listens on
 * 127.0.0.1, so a connection bound to 127.0.0.7 reaches it with
 * `request.ip` = 127.0.0.7, as a client elsewhere would.
 */
const agents: Agent[] = [];
function from(address: string): Agent {
  const agent = new Agent({ localAddress: address });
  agents.push(agent);
  return agent;
}
afterAll(() => agents.forEach((agent) => agent.destroy()));

function signIn(http: TestAgent, address: string, email: string, password: string): Promise<Response> {
  return http.post('/api/v1/auth/login').agent(from(address)).send({ email, password });
}

/** How many attempts answered each status. */
function statuses(responses: Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

function expectLimited(response: Response, maxSeconds: number): number {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status: 429,
    title: 'Too Many Requests',
    code: 'TOO_MANY_ATTEMPTS',
    detail: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ (second|minute)s?\.$/),
  });
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  const seconds = Number(response.headers['retry-after']);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(maxSeconds);
  expect(response.headers['set-cookie']).toBeUndefined();
  return seconds;
}

const PASSWORD = 'the-right-password';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('sign-in limits', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  async function createUser(email: string): Promise<void> {
    await t.http
      .post('/api/v1/users')
      .auth(t.adminToken, { type: 'bearer' })
      .send({ email, name: 'Owner', role: 'salesperson', password: PASSWORD })
      .expect(201);
  }

  async function counter(scope: string, subject: string): Promise<number | undefined> {
    const rows: { attempts: number }[] = await t.dataSource.query(`SELECT attempts FROM login_attempts WHERE scope = $1 AND subject = $2`, [scope, subject]);
    return rows[0]?.attempts;
  }

  it('checks no more than 10 of 20 parallel guesses at one account from one address, then refuses even the right password', async () => {
    const email = 'parallel@example.com';
    await createUser(email);
    const guesses = await Promise.all(range(20).map((i) => signIn(t.http, '127.0.0.2', email, `wrong-${i}`)));
    expect(statuses(guesses)).toEqual({ 401: 10, 429: 10 });

    expectLimited(await signIn(t.http, '127.0.0.2', email, PASSWORD), 15 * 60);
    // the refused attempts counted nowhere
    expect(await counter('account_address', `${email}|127.0.0.2`)).toBe(10);
    expect(await counter('address', '127.0.0.2')).toBe(10);
    expect(await counter('account', email)).toBe(10);
  });

  it('answers 429 as a problem document with Retry-After, the same for an unknown email as for an existing one', async () => {
    const email = 'exists@example.com';
    await createUser(email);
    for (const who of [email, 'ghost@example.com']) {
      expect(statuses(await Promise.all(range(10).map(() => signIn(t.http, '127.0.0.3', who, 'wrong'))))).toEqual({ 401: 10 });
    }
    const existing = await signIn(t.http, '127.0.0.3', email, PASSWORD);
    const unknown = await signIn(t.http, '127.0.0.3', 'ghost@example.com', PASSWORD);
    const [a, b] = [expectLimited(existing, 15 * 60), expectLimited(unknown, 15 * 60)];
    expect(unknown.body).toEqual(existing.body);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
  });

  it("does not lock the owner out at another address after a guesser's failures", async () => {
    const email = 'owner@example.com';
    await createUser(email);
    const guesses = await Promise.all(range(15).map(() => signIn(t.http, '127.0.0.4', email, 'wrong')));
    expect(statuses(guesses)).toEqual({ 401: 10, 429: 5 });

    const owner = await signIn(t.http, '127.0.0.5', email, PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(email);
    // the guesser's address stays limited for this account, and the owner's success counted nowhere
    expectLimited(await signIn(t.http, '127.0.0.4', email, PASSWORD), 15 * 60);
    expect(await counter('account', email)).toBe(10);
  });

  it('limits one address to 50 attempts across accounts, other addresses unaffected', async () => {
    const email = 'sprayed@example.com';
    await createUser(email);
    const spray = await Promise.all(range(60).map((i) => signIn(t.http, '127.0.0.6', `victim${i % 6}@example.com`, 'Summer2025!')));
    expect(statuses(spray)).toEqual({ 401: 50, 429: 10 });

    expectLimited(await signIn(t.http, '127.0.0.6', email, PASSWORD), 15 * 60);
    await signIn(t.http, '127.0.0.7', email, PASSWORD).then((r) => expect(r.status).toBe(200));
  });

  it('limits one account to 100 attempts an hour from all addresses together', async () => {
    const email = 'hunted@example.com';
    await createUser(email);
    // 12 addresses, 10 guesses each: each address alone stays within its own limits
    const addresses = range(12).map((i) => `127.0.1.${i + 1}`);
    const guesses = await Promise.all(addresses.flatMap((address) => range(10).map((i) => signIn(t.http, address, email, `wrong-${i}`))));
    expect(statuses(guesses)).toEqual({ 401: 100, 429: 20 });

    // now the account is limited from anywhere, for the rest of its hour
    const seconds = expectLimited(await signIn(t.http, '127.0.1.100', email, PASSWORD), 60 * 60);
    expect(seconds).toBeGreaterThan(15 * 60);
    // other accounts are not
    await signIn(t.http, '127.0.1.100', 'sprayed@example.com', PASSWORD).then((r) => expect(r.status).toBe(200));
  });

  it('starts the account-and-address count over after a success, counting emails in any case as one', async () => {
    const email = 'typo@example.com';
    await createUser(email);
    for (let i = 0; i < 9; i++) await signIn(t.http, '127.0.0.8', email, 'wrong').then((r) => expect(r.status).toBe(401));
    await signIn(t.http, '127.0.0.8', 'Typo@Example.com', PASSWORD).then((r) => expect(r.status).toBe(200));
    expect(await counter('account_address', `${email}|127.0.0.8`)).toBeUndefined();

    const again = await Promise.all(range(10).map((i) => signIn(t.http, '127.0.0.8', i % 2 ? 'TYPO@example.com' : email, 'wrong')));
    expect(statuses(again)).toEqual({ 401: 10 });
    expectLimited(await signIn(t.http, '127.0.0.8', email, 'wrong'), 15 * 60);
    // the success gave back its slots; the failures still count for the address and the account
    expect(await counter('address', '127.0.0.8')).toBe(19);
    expect(await counter('account', email)).toBe(19);
    const mixedCase = await t.dataSource.query(`SELECT subject FROM login_attempts WHERE subject <> lower(subject)`);
    expect(mixedCase).toEqual([]);
  });

  it('lets attempts through again once the window has passed, and deletes counters of ended windows', async () => {
    const email = 'patient@example.com';
    await createUser(email);
    for (let i = 0; i < 10; i++) await signIn(t.http, '127.0.0.9', email, 'wrong');
    expectLimited(await signIn(t.http, '127.0.0.9', email, 'wrong'), 15 * 60);
    await t.dataSource.query(
      `INSERT INTO login_attempts (scope, subject, attempts, window_ends_at) VALUES ('address', '192.0.2.1', 50, now() - interval '1 hour')`,
    );

    await t.dataSource.query(`UPDATE login_attempts SET window_ends_at = date_trunc('second', now()) - interval '1 second' WHERE subject LIKE '%127.0.0.9'`);
    await signIn(t.http, '127.0.0.9', email, 'wrong').then((r) => expect(r.status).toBe(401));
    expect(await counter('account_address', `${email}|127.0.0.9`)).toBe(1);
    expect(await counter('address', '192.0.2.1')).toBeUndefined();
    const ended = await t.dataSource.query(`SELECT count(*)::int AS n FROM login_attempts WHERE window_ends_at <= now()`);
    expect(ended[0].n).toBe(0);
  });
});

// PGlite serves one process: two API processes need a PostgreSQL server.
(testDatabaseMode() === 'postgres' ? describe : describe.skip)('sign-in limits across API processes', () => {
  let database: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  beforeAll(async () => {
    database = await newDatabase();
    a = await startApiProcess(database.url!, { runWorkers: false });
    b = await startApiProcess(database.url!, { runWorkers: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('shares the counts: 20 parallel guesses spread over two processes check 10 passwords', async () => {
    const email = 'shared@example.com';
    await signUp(a.http, 'salesperson', email);
    const guesses = await Promise.all(range(20).map((i) => signIn(i % 2 ? a.http : b.http, '127.0.0.10', email, `wrong-${i}`)));
    expect(statuses(guesses)).toEqual({ 401: 10, 429: 10 });
    expectLimited(await signIn(a.http, '127.0.0.10', email, 'a-good-password'), 15 * 60);
    expectLimited(await signIn(b.http, '127.0.0.10', email, 'a-good-password'), 15 * 60);
    await signIn(b.http, '127.0.0.11', email, 'a-good-password').then((r) => expect(r.status).toBe(200));
  });
});
