import { EXACT_COUNT_LIMIT } from '../src/platform/listing/list-runner';
import { startTestApp, TestApp } from './support/test-app';

describe('leads: records, validation and lists', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const asSeller = (req: import('supertest').Test) => req.auth(seller.token, { type: 'bearer' });
  const leadCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  it('creates a lead as new, assigned to its creator, with the audit fields', async () => {
    const response = await asSeller(t.http.post('/api/v1/leads'))
      .send({ firstName: 'Jane', lastName: 'Doe', companyName: 'Acme', email: 'Jane@Acme.com', address: { city: 'Lyon', country: 'fr' } })
      .expect(201);
    expect(response.body).toMatchObject({
      status: 'new',
      assignedToId: seller.id,
      createdById: seller.id,
      version: 1,
      email: 'jane@acme.com',
      address: { city: 'Lyon', country: 'FR', street: null },
    });
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(response.body.createdAt).toISOString()).toBe(response.body.createdAt);
  });

  it('keeps an explicit assignee, or none', async () => {
    const other = await t.signInAs('salesperson');
    const assigned = await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'A', assignedToId: other.id }).expect(201);
    expect(assigned.body.assignedToId).toBe(other.id);
    const unassigned = await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'B', assignedToId: null }).expect(201);
    expect(unassigned.body.assignedToId).toBeNull();
  });

  it('refuses bad email, phone, website and country with a field error each, creating nothing', async () => {
    const before = await leadCount();
    const response = await asSeller(t.http.post('/api/v1/leads'))
      .send({ lastName: 'Doe', email: 'jane@', phone: 'call me', website: 'not a site', address: { country: 'France' } })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['address.country', 'email', 'phone', 'website']);
    expect(await leadCount()).toBe(before);
  });

  it('refuses a missing last name, an assignee who does not exist, and status in the body', async () => {
    await asSeller(t.http.post('/api/v1/leads')).send({ firstName: 'NoLast' }).expect(400);
    const ghost = await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'X', assignedToId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' }).expect(400);
    expect(ghost.body.errors).toEqual([{ field: 'assignedToId', message: 'refers to a record that does not exist' }]);
    const status = await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'X', status: 'converted' }).expect(400);
    expect(status.body.errors).toEqual([{ field: 'status', message: 'status is not a known property' }]);
  });

  it('changes a lead with PATCH, clears with null, and refuses a stale version (409)', async () => {
    const lead = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Patch', jobTitle: 'CEO' }).expect(201)).body;
    const changed = await asSeller(t.http.patch(`/api/v1/leads/${lead.id}`))
      .send({ jobTitle: null, companyName: 'Globex', version: 1 })
      .expect(200);
    expect(changed.body).toMatchObject({ jobTitle: null, companyName: 'Globex', version: 2 });
    await asSeller(t.http.patch(`/api/v1/leads/${lead.id}`))
      .send({ companyName: 'Lost update', version: 1 })
      .expect(409);
    const current = await asSeller(t.http.get(`/api/v1/leads/${lead.id}`)).expect(200);
    expect(current.body.companyName).toBe('Globex');
    await asSeller(t.http.patch(`/api/v1/leads/${lead.id}`))
      .send({ status: 'lost' })
      .expect(400);
  });

  it('answers 404 for an unknown lead and deletes', async () => {
    const lead = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Gone' }).expect(201)).body;
    await asSeller(t.http.delete(`/api/v1/leads/${lead.id}`)).expect(204);
    await asSeller(t.http.get(`/api/v1/leads/${lead.id}`)).expect(404);
    await asSeller(t.http.delete(`/api/v1/leads/${lead.id}`)).expect(404);
  });

  it("filters by days of creation and conversion (the organisation's time zone), source, and a team's leads (ofTeamId)", async () => {
    const admin = (req: import('supertest').Test) => req.auth(t.adminToken, { type: 'bearer' });
    const member = await t.signInAs('salesperson');
    const team = (
      await admin(t.http.post('/api/v1/teams'))
        .send({ name: 'Lead filter team', memberIds: [member.id] })
        .expect(201)
    ).body.id;
    const source = (await admin(t.http.post('/api/v1/lead-sources')).send({ name: 'Lead filter source' }).expect(201)).body.id;
    const late = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Late March', teamId: team, sourceId: source }).expect(201)).body;
    const early = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Early April', teamId: team }).expect(201)).body;
    await admin(t.http.post('/api/v1/leads')).send({ lastName: 'Member', assignedToId: member.id }).expect(201);
    expect(early.convertedAt).toBeNull();
    const converted = await asSeller(t.http.post(`/api/v1/leads/${early.id}/convert`))
      .send({ partner: { mode: 'new' }, contact: { mode: 'none' } })
      .expect(200);
    expect(Date.parse(converted.body.lead.convertedAt)).toBeGreaterThan(Date.now() - 60_000);
    // created at 23:30 in Paris on 31 March (21:30 UTC), and at 00:30 on 1 April; converted at 00:30 on 1 May
    await t.dataSource.query(`UPDATE leads SET created_at = '2026-03-31T21:30:00Z' WHERE id = $1`, [late.id]);
    await t.dataSource.query(`UPDATE leads SET created_at = '2026-03-31T22:30:00Z', converted_at = '2026-04-30T22:30:00Z' WHERE id = $1`, [early.id]);
    const names = async (query: string) =>
      (await asSeller(t.http.get(`/api/v1/leads?teamId=${team}&${query}&sort=lastName`)).expect(200)).body.items.map((l: { lastName: string }) => l.lastName);
    expect(await names('createdFrom=2026-03-31&createdTo=2026-03-31')).toEqual(['Late March']);
    expect(await names('createdFrom=2026-04-01')).toEqual(['Early April']);
    expect(await names('convertedFrom=2026-05-01&convertedTo=2026-05-31')).toEqual(['Early April']);
    expect(await names('convertedTo=2026-04-30')).toEqual([]);
    expect(await names(`sourceId=${source}`)).toEqual(['Late March']);
    expect(await names('hasSource=false')).toEqual(['Early April']);
    const ofTeam = await asSeller(t.http.get(`/api/v1/leads?ofTeamId=${team}&sort=lastName`)).expect(200);
    expect(ofTeam.body.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Early April', 'Late March', 'Member']);
    for (const [query, field] of [
      ['createdFrom=2026-02-30', 'createdFrom'],
      ['createdTo=31/03/2026', 'createdTo'],
      ['convertedFrom=2026-04', 'convertedFrom'],
      ['hasSource=yes', 'hasSource'],
      ['ofTeamId=north', 'ofTeamId'],
    ]) {
      const refused = await asSeller(t.http.get(`/api/v1/leads?${query}`)).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  describe('lists', () => {
    beforeAll(async () => {
      await t.dataSource.query(`DELETE FROM leads`);
      for (const [lastName, companyName, status] of [
        ['Alpha', 'Acme Corp', 'new'],
        ['Bravo', 'Globex', 'lost'],
        ['Charlie', 'ACME Industries', 'lost'],
        ['Delta', 'Initech', 'new'],
      ]) {
        await t.dataSource.query(`INSERT INTO leads (id, last_name, company_name, status, assigned_to_id) VALUES (gen_random_uuid(), $1, $2, $3, $4)`, [
          lastName,
          companyName,
          status,
          seller.id,
        ]);
      }
    });

    it('pages with the envelope of the contract', async () => {
      const response = await asSeller(t.http.get('/api/v1/leads?sort=lastName&page=2&pageSize=3')).expect(200);
      expect(response.body).toMatchObject({ total: 4, page: 2, pageSize: 3, totalExact: true });
      expect(response.body.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Delta']);
    });

    it('searches names and companies case-insensitively, filters by equality, sorts descending', async () => {
      const search = await asSeller(t.http.get('/api/v1/leads?q=acme&sort=-lastName')).expect(200);
      expect(search.body.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Charlie', 'Alpha']);
      const filtered = await asSeller(t.http.get(`/api/v1/leads?status=lost&assignedToId=${seller.id}&sort=lastName`)).expect(200);
      expect(filtered.body.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Bravo', 'Charlie']);
      const wildcard = await asSeller(t.http.get('/api/v1/leads?q=%25')).expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it.each([
      ['pageSize=201', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=ten', 'pageSize'],
      ['page=0', 'page'],
      ['sort=passwordHash', 'sort'],
      ['sort=name;drop', 'sort'],
      ['status=won', 'status'],
      ['colour=red', 'colour'],
      ['assignedToId=me', 'assignedToId'],
      ['doNotCall=maybe', 'doNotCall'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const response = await asSeller(t.http.get(`/api/v1/leads?${query}`)).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('accepts the largest page size', async () => {
      await asSeller(t.http.get('/api/v1/leads?pageSize=200')).expect(200);
    });

    it(`counts exactly up to ${EXACT_COUNT_LIMIT} matches and flags an estimate above`, async () => {
      await t.dataSource.query(
        `INSERT INTO leads (id, last_name, status) SELECT gen_random_uuid(), 'Bulk ' || i, 'new' FROM generate_series(1, ${EXACT_COUNT_LIMIT + 50}) AS i`,
      );
      await t.dataSource.query(`ANALYZE leads`);
      const big = await asSeller(t.http.get('/api/v1/leads?pageSize=1')).expect(200);
      expect(big.body.totalExact).toBe(false);
      expect(big.body.total).toBeGreaterThan(EXACT_COUNT_LIMIT);
      const small = await asSeller(t.http.get('/api/v1/leads?status=lost')).expect(200);
      expect(small.body).toMatchObject({ total: 2, totalExact: true });
    });

    it('answers an unfiltered list of a large table from the statistics, filtered ones still exactly', async () => {
      await t.dataSource.query(`INSERT INTO leads (id, last_name, status) SELECT gen_random_uuid(), 'More ' || i, 'new' FROM generate_series(1, 15000) AS i`);
      await t.dataSource.query(`ANALYZE leads`);
      const all = await asSeller(t.http.get('/api/v1/leads?pageSize=1')).expect(200);
      expect(all.body.totalExact).toBe(false);
      expect(all.body.total).toBeGreaterThan(2 * EXACT_COUNT_LIMIT);
      expect(all.body.items).toHaveLength(1);
      const lost = await asSeller(t.http.get('/api/v1/leads?status=lost&sort=lastName')).expect(200);
      expect(lost.body).toMatchObject({ total: 2, totalExact: true });
    });
  });
});
