import { ADMIN, login, startTestApp, TestApp } from './support/test-app';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('signs in with an httpOnly SameSite=Lax session cookie that authenticates the SPA', async () => {
    const response = await t.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
    expect(response.body).toMatchObject({ accessToken: expect.stringMatching(/^crm_s_/), user: { email: ADMIN.email, role: 'admin' } });
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('crm_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.http.get('/api/v1/auth/me').set('cookie', cookie!.split(';')[0]).expect(200);
    expect(me.body.email).toBe(ADMIN.email);
  });

  it('gives the same 401 for a wrong password and for an unknown email', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ email: ADMIN.email, password: 'nope' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ email: 'ghost@example.com', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a malformed login with field errors', async () => {
    const response = await t.http.post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('ends the session on logout', async () => {
    const token = await login(t.http, ADMIN.email, ADMIN.password);
    await t.http.post('/api/v1/auth/logout').auth(token, { type: 'bearer' }).expect(204);
    await t.http.get('/api/v1/auth/me').auth(token, { type: 'bearer' }).expect(401);
    await t.http.get('/api/v1/auth/me').auth(t.adminToken, { type: 'bearer' }).expect(200);
  });

  it('refuses an unknown bearer token', async () => {
    await t.http.get('/api/v1/auth/me').auth('crm_s_forged', { type: 'bearer' }).expect(401);
  });

  describe('personal API tokens', () => {
    it('creates a token shown once, stored hashed, usable as bearer, and revocable', async () => {
      const created = await t.http.post('/api/v1/auth/tokens').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Zapier' }).expect(201);
      const { id, token } = created.body as { id: string; token: string };
      expect(token).toMatch(/^crm_pat_/);

      const stored = await t.dataSource.query(`SELECT token_hash FROM auth_tokens WHERE id = $1`, [id]);
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0].token_hash).not.toContain(token);

      await t.http.get('/api/v1/leads').auth(token, { type: 'bearer' }).expect(200);
      const listed = await t.http.get('/api/v1/auth/tokens').auth(t.adminToken, { type: 'bearer' }).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id, name: 'Zapier' })]);
      expect(JSON.stringify(listed.body)).not.toContain(token);

      await t.http.delete(`/api/v1/auth/tokens/${id}`).auth(t.adminToken, { type: 'bearer' }).expect(204);
      await t.http.get('/api/v1/leads').auth(token, { type: 'bearer' }).expect(401);
      await t.http.delete(`/api/v1/auth/tokens/${id}`).auth(t.adminToken, { type: 'bearer' }).expect(404);
    });

    it('refuses a token past its expiry', async () => {
      const created = await t.http
        .post('/api/v1/auth/tokens')
        .auth(t.adminToken, { type: 'bearer' })
        .send({ name: 'short', expiresAt: new Date(Date.now() + 60_000).toISOString() })
        .expect(201);
      await t.dataSource.query(`UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
      await t.http.get('/api/v1/auth/me').auth(created.body.token, { type: 'bearer' }).expect(401);
    });

    it('refuses an expiry in the past and an unknown property, creating nothing', async () => {
      const past = await t.http
        .post('/api/v1/auth/tokens')
        .auth(t.adminToken, { type: 'bearer' })
        .send({ name: 'x', expiresAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
      await t.http.post('/api/v1/auth/tokens').auth(t.adminToken, { type: 'bearer' }).send({ name: 'x', scope: 'all' }).expect(400);
      const count = await t.dataSource.query(`SELECT count(*)::int AS n FROM auth_tokens WHERE kind = 'personal' AND name = 'x'`);
      expect(count[0].n).toBe(0);
    });

    it("does not let a user revoke someone else's token", async () => {
      const created = await t.http.post('/api/v1/auth/tokens').auth(t.adminToken, { type: 'bearer' }).send({ name: 'mine' }).expect(201);
      const seller = await t.signInAs('salesperson');
      await t.http.delete(`/api/v1/auth/tokens/${created.body.id}`).auth(seller.token, { type: 'bearer' }).expect(404);
      await t.http.get('/api/v1/auth/me').auth(created.body.token, { type: 'bearer' }).expect(200);
    });
  });

  it('blocks sign-in of a deactivated user and their existing sessions', async () => {
    const seller = await t.signInAs('salesperson');
    await t.http.patch(`/api/v1/users/${seller.id}`).auth(t.adminToken, { type: 'bearer' }).send({ active: false }).expect(200);
    await t.http.get('/api/v1/auth/me').auth(seller.token, { type: 'bearer' }).expect(401);
  });

  it('never shows a password or its hash', async () => {
    const responses = [
      await t.http.post('/api/v1/auth/login').send(ADMIN),
      await t.http.get('/api/v1/auth/me').auth(t.adminToken, { type: 'bearer' }),
      await t.http.get('/api/v1/users').auth(t.adminToken, { type: 'bearer' }),
      await t.http
        .post('/api/v1/users')
        .auth(t.adminToken, { type: 'bearer' })
        .send({ email: 'hash@example.com', name: 'H', role: 'salesperson', password: 'secret-password' }),
    ];
    for (const response of responses) {
      expect(response.status).toBeLessThan(300);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/password|scrypt\$/i);
    }
  });

  it('rate-limits failed sign-ins per account (429), then still refuses the right password until the window passes', async () => {
    const email = 'target@example.com';
    await t.http
      .post('/api/v1/users')
      .auth(t.adminToken, { type: 'bearer' })
      .send({ email, name: 'Target', role: 'salesperson', password: 'right-password' })
      .expect(201);
    for (let i = 0; i < 10; i++) await t.http.post('/api/v1/auth/login').send({ email, password: 'wrong' }).expect(401);
    const blocked = await t.http.post('/api/v1/auth/login').send({ email, password: 'right-password' }).expect(429);
    expect(blocked.body).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    // another account from the same address is not blocked yet
    await t.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
  });
});
