import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('partners, contacts and the CRM settings', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const asAdmin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  it('creates a partner with several flags, assigned to its creator, and lists it by flag', async () => {
    const created = await asSeller(t.http.post('/api/v1/partners'))
      .send({ name: 'Acme', kind: 'company', isCustomer: true, isSupplier: true, email: 'Sales@Acme.com', address: { country: 'de' } })
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'company',
      isCustomer: true,
      isSupplier: true,
      isProspect: false,
      assignedToId: seller.id,
      email: 'sales@acme.com',
      address: { country: 'DE' },
    });
    const suppliers = await asSeller(t.http.get('/api/v1/partners?isSupplier=true&isCustomerOrProspect=true&q=acm')).expect(200);
    expect(suppliers.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    await asSeller(t.http.get('/api/v1/partners?kind=robot')).expect(400);
  });

  it('refuses an invalid partner with field errors and creates nothing', async () => {
    const response = await asSeller(t.http.post('/api/v1/partners')).send({ name: '', website: 'ftp://x', phone: '12' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'phone', 'website']);
  });

  it('keeps contacts of a partner, standalone contacts, and rejections', async () => {
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Globex' }).expect(201)).body;
    const contact = await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Smith', partnerId: partner.id, doNotCall: true }).expect(201);
    expect(contact.body).toMatchObject({ partnerId: partner.id, doNotCall: true, doNotEmail: false, assignedToId: seller.id });
    await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Alone' }).expect(201);
    const listed = await asSeller(t.http.get(`/api/v1/contacts?partnerId=${partner.id}&doNotCall=true`)).expect(200);
    expect(listed.body.total).toBe(1);
    const missing = await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'X', partnerId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'partnerId', message: 'refers to a record that does not exist' }]);
    const partnerTimeline = await asSeller(t.http.get(`/api/v1/partners/${partner.id}/timeline`)).expect(200);
    expect(partnerTimeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['contact_created', 'created']);
  });

  it('refuses a stale partner update (409) and keeps the stored one', async () => {
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Versioned' }).expect(201)).body;
    await asSeller(t.http.patch(`/api/v1/partners/${partner.id}`))
      .send({ description: 'one', version: 1 })
      .expect(200);
    await asSeller(t.http.patch(`/api/v1/partners/${partner.id}`))
      .send({ description: 'two', version: 1 })
      .expect(409);
    expect((await asSeller(t.http.get(`/api/v1/partners/${partner.id}`))).body.description).toBe('one');
  });

  describe('assignable teams for customers', () => {
    let team: string;
    let insider: { id: string; token: string };
    let outsider: { id: string; token: string };

    beforeAll(async () => {
      insider = await t.signInAs('salesperson');
      outsider = await t.signInAs('salesperson');
      team = (
        await asAdmin(t.http.post('/api/v1/teams'))
          .send({ name: 'Key accounts', memberIds: [insider.id] })
          .expect(201)
      ).body.id;
      const settings = await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ customerAssignableTeamIds: [team] })
        .expect(200);
      expect(settings.body.customerAssignableTeamIds).toEqual([team]);
    });
    afterAll(() => asAdmin(t.http.patch('/api/v1/settings/crm')).send({ customerAssignableTeamIds: [] }).expect(200));

    it('accepts a member of those teams as assignee', async () => {
      const partner = await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Inside', assignedToId: insider.id }).expect(201);
      expect(partner.body.assignedToId).toBe(insider.id);
    });

    it('refuses anyone else with 422 and creates or changes nothing', async () => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM partners`))[0].n;
      const refused = await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Outside', assignedToId: outsider.id }).expect(422);
      expect(refused.body.code).toBe('ASSIGNEE_NOT_ALLOWED');
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM partners`))[0].n).toBe(before);
      const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Kept', assignedToId: insider.id }).expect(201)).body;
      await asSeller(t.http.patch(`/api/v1/partners/${partner.id}`))
        .send({ assignedToId: outsider.id })
        .expect(422);
      expect((await asSeller(t.http.get(`/api/v1/partners/${partner.id}`))).body.assignedToId).toBe(insider.id);
    });

    it('leaves a partner unassigned when its creator may not own customers', async () => {
      const partner = await t.http.post('/api/v1/partners').auth(outsider.token, { type: 'bearer' }).send({ name: 'Orphan' }).expect(201);
      expect(partner.body.assignedToId).toBeNull();
    });

    it('refuses a team that does not exist with 400 on the field, and keeps the setting', async () => {
      const before = (await asAdmin(t.http.get('/api/v1/settings/crm')).expect(200)).body;
      const refused = await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ customerAssignableTeamIds: [team, '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41'] })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'customerAssignableTeamIds', message: 'refers to a record that does not exist' }]);
      expect((await asAdmin(t.http.get('/api/v1/settings/crm')).expect(200)).body).toEqual(before);
    });

    it('refuses to delete a team the setting names (409) until the setting lets it go', async () => {
      const other = (await asAdmin(t.http.post('/api/v1/teams')).send({ name: 'Named by settings' }).expect(201)).body.id;
      const named = await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ customerAssignableTeamIds: [team, other] })
        .expect(200);
      const refused = await asAdmin(t.http.delete(`/api/v1/teams/${other}`)).expect(409);
      expect(refused.body.code).toBe('STILL_REFERENCED');
      await asAdmin(t.http.get(`/api/v1/teams/${other}`)).expect(200);
      await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ version: named.body.version, customerAssignableTeamIds: [team] })
        .expect(200);
      await asAdmin(t.http.delete(`/api/v1/teams/${other}`)).expect(204);
    });
  });

  describe('CRM settings', () => {
    it('lets everyone read them, never shows the SMTP password, and lets only admins change them', async () => {
      const read = await asSeller(t.http.get('/api/v1/settings/crm')).expect(200);
      expect(read.body).toMatchObject({
        displayCustomerDescriptionInOpportunity: false,
        stageProbabilities: { new: 10, closed_won: 100 },
        smtpPasswordSet: false,
      });
      await asSeller(t.http.patch('/api/v1/settings/crm')).send({ displayCustomerDescriptionInOpportunity: true }).expect(403);
      const changed = await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ smtpHost: 'smtp.example.com', smtpPassword: 's3cret', stageProbabilities: { proposition: 40 } })
        .expect(200);
      expect(changed.body).toMatchObject({ smtpHost: 'smtp.example.com', smtpPasswordSet: true, stageProbabilities: { proposition: 40, negotiation: 80 } });
      expect(JSON.stringify(changed.body)).not.toContain('s3cret');
      await asAdmin(t.http.patch('/api/v1/settings/crm'))
        .send({ stageProbabilities: { proposition: 140 } })
        .expect(400);
      await asAdmin(t.http.patch('/api/v1/settings/crm')).send({ version: 1, smtpHost: 'stale' }).expect(409);
    });

    it('reads phones in a default country and counts periods in a time zone, both validated', async () => {
      const read = await asSeller(t.http.get('/api/v1/settings/crm')).expect(200);
      expect(read.body).toMatchObject({ defaultCountry: 'FR', timeZone: 'Europe/Paris' });
      for (const [body, field] of [
        [{ defaultCountry: 'XX' }, 'defaultCountry'],
        [{ defaultCountry: 'fr' }, 'defaultCountry'],
        [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
        [{ timeZone: '' }, 'timeZone'],
      ] as const) {
        const refused = await asAdmin(t.http.patch('/api/v1/settings/crm')).send(body).expect(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      const changed = await asAdmin(t.http.patch('/api/v1/settings/crm')).send({ defaultCountry: 'BE', timeZone: 'America/New_York' }).expect(200);
      expect(changed.body).toMatchObject({ defaultCountry: 'BE', timeZone: 'America/New_York' });
      await asAdmin(t.http.patch('/api/v1/settings/crm')).send({ defaultCountry: 'FR', timeZone: 'Europe/Paris' }).expect(200);
    });
  });
});
