import { startTestApp, TestApp } from './support/test-app';

const LISTS = [
  { path: 'lead-sources', valid: { name: 'Trade show', code: 'show' }, stored: { code: 'SHOW' }, invalid: { code: 'has spaces' } },
  { path: 'lost-reasons', valid: { name: 'Too expensive', freeText: true }, stored: { freeText: true }, invalid: { freeText: 'yes' } },
  { path: 'event-categories', valid: { name: 'Demo', code: 'demo', type: 'meeting', color: '#112233' }, stored: { code: 'DEMO' }, invalid: { type: 'party' } },
  { path: 'opportunity-types', valid: { name: 'Upsell', code: 'ups' }, stored: { code: 'UPS' }, invalid: { code: '' } },
];

describe.each(LISTS)('configuration list /$path', ({ path, valid, stored, invalid }) => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const url = `/api/v1/${path}`;
  const count = async () => (await t.http.get(`${url}?pageSize=200`).auth(t.adminToken, { type: 'bearer' })).body.total as number;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  it('lets an admin create, read, change and delete an entry', async () => {
    const created = await t.http.post(url).auth(t.adminToken, { type: 'bearer' }).send(valid).expect(201);
    expect(created.body).toMatchObject({ ...stored, name: valid.name, version: 1, id: expect.any(String) });
    await t.http.get(`${url}/${created.body.id}`).auth(seller.token, { type: 'bearer' }).expect(200);
    const changed = await t.http
      .patch(`${url}/${created.body.id}`)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ name: `${valid.name} 2`, version: 1 })
      .expect(200);
    expect(changed.body).toMatchObject({ name: `${valid.name} 2`, version: 2 });
    await t.http.delete(`${url}/${created.body.id}`).auth(t.adminToken, { type: 'bearer' }).expect(204);
    await t.http.get(`${url}/${created.body.id}`).auth(t.adminToken, { type: 'bearer' }).expect(404);
  });

  it('lets a salesperson read the list but not change it (403, nothing written)', async () => {
    const before = await count();
    await t.http.get(url).auth(seller.token, { type: 'bearer' }).expect(200);
    await t.http
      .post(url)
      .auth(seller.token, { type: 'bearer' })
      .send({ ...valid, name: 'By seller' })
      .expect(403);
    expect(await count()).toBe(before);
  });

  it('refuses invalid input and unknown properties with field errors', async () => {
    const before = await count();
    const bad = await t.http
      .post(url)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ ...valid, ...invalid })
      .expect(400);
    expect(bad.body.errors.length).toBeGreaterThan(0);
    const unknown = await t.http
      .post(url)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ ...valid, colour: 'red' })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'colour', message: 'colour is not a known property' }]);
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate name with 409', async () => {
    await t.http
      .post(url)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ ...valid, name: 'Twin', ...('code' in valid ? { code: 'TWIN1' } : {}) })
      .expect(201);
    const duplicate = await t.http
      .post(url)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ ...valid, name: 'twin', ...('code' in valid ? { code: 'TWIN2' } : {}) })
      .expect(409);
    expect(duplicate.body.errors).toEqual([{ field: 'name', message: 'is already taken' }]);
  });

  it('refuses a stale version with 409 and keeps the stored entry', async () => {
    const created = await t.http
      .post(url)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ ...valid, name: 'Versioned', ...('code' in valid ? { code: 'VERS' } : {}) })
      .expect(201);
    await t.http.patch(`${url}/${created.body.id}`).auth(t.adminToken, { type: 'bearer' }).send({ name: 'V2', version: 1 }).expect(200);
    await t.http.patch(`${url}/${created.body.id}`).auth(t.adminToken, { type: 'bearer' }).send({ name: 'V3', version: 1 }).expect(409);
    const current = await t.http.get(`${url}/${created.body.id}`).auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(current.body).toMatchObject({ name: 'V2', version: 2 });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await t.http.patch(`${url}/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41`).auth(t.adminToken, { type: 'bearer' }).send({ name: 'x' }).expect(404);
    await t.http.delete(`${url}/not-a-uuid`).auth(t.adminToken, { type: 'bearer' }).expect(400);
  });
});

describe('configuration seeds and references', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('ships the opportunity types new customer, existing customer and recurring', async () => {
    const response = await t.http.get('/api/v1/opportunity-types?sort=code').auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(response.body.items.map((type: { code: string }) => type.code)).toEqual(['EXT', 'NEW', 'RCR']);
  });

  it('filters event categories by type', async () => {
    const response = await t.http.get('/api/v1/event-categories?type=event').auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(response.body.items.map((c: { code: string }) => c.code)).toEqual(['EVT']);
    await t.http.get('/api/v1/event-categories?type=party').auth(t.adminToken, { type: 'bearer' }).expect(400);
  });

  it('refuses to delete a lead source that leads still use (409)', async () => {
    const source = await t.http.post('/api/v1/lead-sources').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Web' }).expect(201);
    await t.http.post('/api/v1/leads').auth(t.adminToken, { type: 'bearer' }).send({ lastName: 'Doe', sourceId: source.body.id }).expect(201);
    const response = await t.http.delete(`/api/v1/lead-sources/${source.body.id}`).auth(t.adminToken, { type: 'bearer' }).expect(409);
    expect(response.body.code).toBe('STILL_REFERENCED');
    await t.http.get(`/api/v1/lead-sources/${source.body.id}`).auth(t.adminToken, { type: 'bearer' }).expect(200);
  });
});
