import { parse } from 'csv-parse/sync';
import type { Test } from 'supertest';
import { binary } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

describe('partners and contacts: CSV import and export, partner PDF report', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const upload = (path: string, csv: string) =>
    asSeller(t.http.post(`/api/v1/${path}/import`)).attach('file', Buffer.from(csv, 'utf8'), { filename: `${path}.csv`, contentType: 'text/csv' });
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  it('imports partners row by row with the create rules, reporting the refused lines', async () => {
    const csv = [
      'name,kind,email,isCustomer,address.country',
      'Acme,company,sales@acme.com,true,FR',
      ',company,,false,',
      'Solo,individual,not-an-email,false,',
      'Globex,,,,DE',
    ].join('\n');
    const response = await upload('partners', csv).expect(200);
    expect(response.body).toMatchObject({ accepted: 2, total: 4 });
    expect(response.body.refused.map((r: { line: number; errors: { field: string }[] }) => [r.line, r.errors.map((e) => e.field)])).toEqual([
      [3, ['name']],
      [4, ['email']],
    ]);
    const acme = (await asSeller(t.http.get('/api/v1/partners?q=acme')).expect(200)).body.items[0];
    expect(acme).toMatchObject({ kind: 'company', isCustomer: true, assignedToId: seller.id, createdById: seller.id, address: { country: 'FR' } });
    expect((await asSeller(t.http.get('/api/v1/partners?q=globex')).expect(200)).body.items[0].kind).toBe('company');
  });

  it('imports partners with the assignable-teams rule of POST /partners: owner by default only if allowed, an assignee outside the teams refused', async () => {
    const asAdmin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
    const insider = await t.signInAs('salesperson');
    const team = (
      await asAdmin(t.http.post('/api/v1/teams'))
        .send({ name: 'Account managers', memberIds: [insider.id] })
        .expect(201)
    ).body.id;
    const settings = await asAdmin(t.http.patch('/api/v1/settings/crm'))
      .send({ customerAssignableTeamIds: [team] })
      .expect(200);
    try {
      const before = await count('partners');
      const csv = ['name,assignedToId', 'Unowned Corp,', `Insider Corp,${insider.id}`, `Outsider Corp,${seller.id}`].join('\n');
      const response = await upload('partners', csv).expect(200);
      expect(response.body).toMatchObject({ accepted: 2, refusedCount: 1, total: 3 });
      expect(response.body.refused).toEqual([
        { line: 4, errors: [{ field: 'assignedToId', message: expect.stringMatching(/not in a team allowed to be assigned to customers/) }] },
      ]);
      const owners = await t.dataSource.query(
        `SELECT name, assigned_to_id AS "assignedToId" FROM partners WHERE name LIKE '%Corp' AND name <> 'Clean Corp' ORDER BY name`,
      );
      expect(owners).toEqual([
        { name: 'Insider Corp', assignedToId: insider.id },
        { name: 'Unowned Corp', assignedToId: null },
      ]);
      expect(await count('partners')).toBe(before + 2);
      // the API's create answers the same for the same rows
      expect((await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Unowned by API' }).expect(201)).body.assignedToId).toBeNull();
      await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Outsider by API', assignedToId: seller.id }).expect(422);
    } finally {
      await asAdmin(t.http.patch('/api/v1/settings/crm')).send({ version: settings.body.version, customerAssignableTeamIds: [] }).expect(200);
    }
  });

  it('refuses partner and contact rows holding a NUL character, naming the field, and stores the others', async () => {
    const before = { partners: await count('partners'), contacts: await count('contacts') };
    const partners = await upload('partners', 'name,description\nNul\u0000Corp,\nClean Corp,fine\n').expect(200);
    expect(partners.body).toEqual({
      accepted: 1,
      refusedCount: 1,
      total: 2,
      refused: [{ line: 2, errors: [{ field: 'name', message: 'name must not contain a NUL character (\\u0000)' }] }],
    });
    const contacts = await upload('contacts', 'lastName,email\nDoe,do\u0000e@example.com\n').expect(200);
    expect(contacts.body).toEqual({
      accepted: 0,
      refusedCount: 1,
      total: 1,
      refused: [{ line: 2, errors: [{ field: 'email', message: 'email must not contain a NUL character (\\u0000)' }] }],
    });
    expect({ partners: await count('partners'), contacts: await count('contacts') }).toEqual({ partners: before.partners + 1, contacts: before.contacts });
  });

  it('refuses a partner file with an unknown column (400) and imports nothing', async () => {
    const before = await count('partners');
    await upload('partners', 'name,colour\nRed,red').expect(400);
    expect(await count('partners')).toBe(before);
  });

  it('exports the filtered partner list in the import format', async () => {
    const response = await asSeller(t.http.get('/api/v1/partners/export.csv?isCustomer=true')).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parse((response.body as Buffer).toString('utf8'));
    expect(header).toContain('isCustomer');
    expect(rows.map((row) => row[header.indexOf('name')])).toEqual(['Acme']);
  });

  it('imports contacts with a partner reference, refusing a partner that does not exist', async () => {
    const partner = (await asSeller(t.http.get('/api/v1/partners?q=acme')).expect(200)).body.items[0];
    const csv = [
      'lastName,firstName,email,partnerId,doNotCall',
      `Doe,Jane,jane@acme.com,${partner.id},true`,
      'Roe,Rick,,01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41,false',
    ].join('\n');
    const response = await upload('contacts', csv).expect(200);
    expect(response.body.accepted).toBe(1);
    expect(response.body.refused).toEqual([{ line: 3, errors: [{ field: 'partnerId', message: expect.stringContaining('does not exist') }] }]);
    const contacts = await asSeller(t.http.get(`/api/v1/contacts?partnerId=${partner.id}`)).expect(200);
    expect(contacts.body.items[0]).toMatchObject({ lastName: 'Doe', doNotCall: true });
    const exported = await asSeller(t.http.get(`/api/v1/contacts/export.csv?partnerId=${partner.id}`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(parse((exported.body as Buffer).toString('utf8'))).toHaveLength(2);
  });

  it('prints a partner report as PDF, 404 for an unknown partner', async () => {
    const partner = (await asSeller(t.http.get('/api/v1/partners?q=acme')).expect(200)).body.items[0];
    const response = await asSeller(t.http.get(`/api/v1/partners/${partner.id}/report.pdf`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
    await asSeller(t.http.get('/api/v1/partners/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/report.pdf')).expect(404);
  });
});
