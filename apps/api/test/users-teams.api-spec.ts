import { startTestApp, TestApp } from './support/test-app';

describe('users and teams', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const asAdmin = (req: import('supertest').Test) => req.auth(t.adminToken, { type: 'bearer' });
  const userCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  it('lets an admin create a user with teams, email lower-cased', async () => {
    const team = await asAdmin(t.http.post('/api/v1/teams')).send({ name: 'North', code: 'N' }).expect(201);
    const created = await asAdmin(t.http.post('/api/v1/users'))
      .send({ email: 'New.Person@Example.com', name: 'New Person', role: 'manager', password: 'long-enough', teamIds: [team.body.id] })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'new.person@example.com', role: 'manager', active: true, teamIds: [team.body.id], version: 1 });
    const members = await asAdmin(t.http.get(`/api/v1/teams/${team.body.id}`)).expect(200);
    expect(members.body.memberIds).toEqual([created.body.id]);
    const filtered = await asAdmin(t.http.get(`/api/v1/users?teamId=${team.body.id}`)).expect(200);
    expect(filtered.body.items.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
  });

  it('refuses user creation by a salesperson with 403 and creates nothing', async () => {
    const before = await userCount();
    const response = await t.http
      .post('/api/v1/users')
      .auth(seller.token, { type: 'bearer' })
      .send({ email: 'x@example.com', name: 'X', role: 'admin', password: 'long-enough' })
      .expect(403);
    expect(response.body).toMatchObject({ status: 403, title: 'Forbidden' });
    expect(await userCount()).toBe(before);
  });

  it('lets a salesperson read users (for assignment lists)', async () => {
    await t.http.get('/api/v1/users').auth(seller.token, { type: 'bearer' }).expect(200);
  });

  it('searches users by name or email, filtered by team and sorted by any sort field', async () => {
    const team = await asAdmin(t.http.post('/api/v1/teams')).send({ name: 'Searchers' }).expect(201);
    await asAdmin(t.http.post('/api/v1/users'))
      .send({ email: 'zoe.quinn@example.com', name: 'Zoë Quinn', role: 'salesperson', password: 'a-good-password', teamIds: [team.body.id] })
      .expect(201);
    const byName = await t.http.get('/api/v1/users?q=quinn').auth(seller.token, { type: 'bearer' }).expect(200);
    expect(byName.body.items.map((u: { email: string }) => u.email)).toEqual(['zoe.quinn@example.com']);
    const byEmail = await asAdmin(t.http.get(`/api/v1/users?q=ZOE.Q&teamId=${team.body.id}&sort=-createdAt`)).expect(200);
    expect(byEmail.body.total).toBe(1);
    for (const sort of ['name', '-email', 'role', 'createdAt']) await asAdmin(t.http.get(`/api/v1/users?sort=${sort}`)).expect(200);
    const none = await asAdmin(t.http.get('/api/v1/users?q=no-such-person')).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses invalid users with a field error each', async () => {
    const before = await userCount();
    const response = await asAdmin(t.http.post('/api/v1/users')).send({ email: 'nope', name: '', role: 'king', password: 'short' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'password', 'role']);
    expect(await userCount()).toBe(before);
  });

  it('refuses a second user with the same email with 409', async () => {
    await asAdmin(t.http.post('/api/v1/users')).send({ email: 'twin@example.com', name: 'A', role: 'salesperson', password: 'long-enough' }).expect(201);
    const response = await asAdmin(t.http.post('/api/v1/users'))
      .send({ email: 'TWIN@example.com', name: 'B', role: 'salesperson', password: 'long-enough' })
      .expect(409);
    expect(response.body).toMatchObject({ status: 409, errors: [{ field: 'email', message: 'is already taken' }] });
  });

  it('lets users change their own name and password but not their role', async () => {
    await t.http.patch(`/api/v1/users/${seller.id}`).auth(seller.token, { type: 'bearer' }).send({ name: 'Renamed' }).expect(200);
    await t.http.patch(`/api/v1/users/${seller.id}`).auth(seller.token, { type: 'bearer' }).send({ role: 'admin' }).expect(403);
    const other = await t.signInAs('salesperson');
    await t.http.patch(`/api/v1/users/${other.id}`).auth(seller.token, { type: 'bearer' }).send({ name: 'Hacked' }).expect(403);
    const me = await t.http.get('/api/v1/auth/me').auth(seller.token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ name: 'Renamed', role: 'salesperson' });
  });

  it('refuses a PATCH with a stale version (409) and keeps the stored record', async () => {
    const user = await asAdmin(t.http.get(`/api/v1/users/${seller.id}`)).expect(200);
    await asAdmin(t.http.patch(`/api/v1/users/${seller.id}`))
      .send({ name: 'First', version: user.body.version })
      .expect(200);
    const stale = await asAdmin(t.http.patch(`/api/v1/users/${seller.id}`))
      .send({ name: 'Second', version: user.body.version })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const after = await asAdmin(t.http.get(`/api/v1/users/${seller.id}`)).expect(200);
    expect(after.body).toMatchObject({ name: 'First', version: user.body.version + 1 });
  });

  it('keeps at least one active admin (422)', async () => {
    const me = await asAdmin(t.http.get('/api/v1/auth/me')).expect(200);
    const response = await asAdmin(t.http.patch(`/api/v1/users/${me.body.id}`))
      .send({ role: 'manager' })
      .expect(422);
    expect(response.body.code).toBe('LAST_ADMIN');
    await asAdmin(t.http.get('/api/v1/auth/me'))
      .expect(200)
      .expect((r) => expect(r.body.role).toBe('admin'));
    await asAdmin(t.http.delete(`/api/v1/users/${me.body.id}`)).expect(422);
  });

  it('answers 404 for an unknown user and 400 for an id that is not a UUID', async () => {
    await asAdmin(t.http.get('/api/v1/users/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41')).expect(404);
    const response = await asAdmin(t.http.get('/api/v1/users/42')).expect(400);
    expect(response.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('manages teams: members replace, unique names, admin-only writes', async () => {
    const a = await t.signInAs('salesperson');
    const team = await asAdmin(t.http.post('/api/v1/teams'))
      .send({ name: 'South', memberIds: [a.id, seller.id] })
      .expect(201);
    expect(team.body.memberIds.sort()).toEqual([a.id, seller.id].sort());
    const changed = await asAdmin(t.http.patch(`/api/v1/teams/${team.body.id}`))
      .send({ memberIds: [a.id], version: 1 })
      .expect(200);
    expect(changed.body).toMatchObject({ memberIds: [a.id], version: 2 });
    await asAdmin(t.http.post('/api/v1/teams')).send({ name: 'south' }).expect(409);
    await t.http.post('/api/v1/teams').auth(seller.token, { type: 'bearer' }).send({ name: 'Mine' }).expect(403);
    await t.http.delete(`/api/v1/teams/${team.body.id}`).auth(seller.token, { type: 'bearer' }).expect(403);
    await asAdmin(t.http.delete(`/api/v1/teams/${team.body.id}`)).expect(204);
    await asAdmin(t.http.get(`/api/v1/teams/${team.body.id}`)).expect(404);
  });

  it('refuses a team member that does not exist with a field error', async () => {
    const response = await asAdmin(t.http.post('/api/v1/teams'))
      .send({ name: 'Ghosts', memberIds: ['01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41'] })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'userId', message: 'refers to a record that does not exist' }]);
    const teams = await asAdmin(t.http.get('/api/v1/teams?q=ghosts')).expect(200);
    expect(teams.body.total).toBe(0);
  });
});
