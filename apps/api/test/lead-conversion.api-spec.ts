import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const UNKNOWN = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';

describe('lead conversion', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let sourceId: string;
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const counts = async () => ({ partners: await count('partners'), contacts: await count('contacts'), opportunities: await count('opportunities') });

  const newLead = async (body: Record<string, unknown> = {}) =>
    (
      await asSeller(t.http.post('/api/v1/leads'))
        .send({
          title: 'Ms.',
          firstName: 'Jane',
          lastName: 'Doe',
          companyName: 'Acme Corp',
          jobTitle: 'CFO',
          email: 'jane@acme.com',
          phone: '+33 1 23 45 67 89',
          website: 'https://acme.com',
          address: { street: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' },
          sourceId,
          doNotEmail: true,
          ...body,
        })
        .expect(201)
    ).body as { id: string };
  const convert = (id: string, body: object) => asSeller(t.http.post(`/api/v1/leads/${id}/convert`)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    sourceId = (await t.http.post('/api/v1/lead-sources').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Fair' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('converts into a new prospect, a new contact and an opportunity, all linked and filled from the lead', async () => {
    const lead = await newLead();
    const typeId = (await asSeller(t.http.get('/api/v1/opportunity-types?q=new')).expect(200)).body.items[0].id;
    const response = await convert(lead.id, {
      partner: { mode: 'new' },
      contact: { mode: 'new' },
      opportunity: { name: 'Acme — pilot', amount: '12500.50', currency: 'eur', expectedCloseDate: '2027-01-31', typeId },
    }).expect(200);
    const { lead: converted, partner, contact, opportunity } = response.body;
    expect(partner).toMatchObject({
      kind: 'company',
      name: 'Acme Corp',
      email: 'jane@acme.com',
      phone: '+33 1 23 45 67 89',
      website: 'https://acme.com',
      address: { street: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR', state: null },
      sourceId,
      assignedToId: seller.id,
      isProspect: true,
      isCustomer: false,
    });
    expect(contact).toMatchObject({
      title: 'Ms.',
      firstName: 'Jane',
      lastName: 'Doe',
      jobTitle: 'CFO',
      email: 'jane@acme.com',
      partnerId: partner.id,
      doNotEmail: true,
    });
    expect(opportunity).toMatchObject({
      name: 'Acme — pilot',
      amount: '12500.50',
      currency: 'EUR',
      stage: 'new',
      probability: 10,
      leadId: lead.id,
      partnerId: partner.id,
      contactId: contact.id,
      typeId,
      sourceId,
    });
    expect(converted).toMatchObject({ status: 'converted', partnerId: partner.id, contactId: contact.id });

    const partnerOpportunities = await asSeller(t.http.get(`/api/v1/opportunities?partnerId=${partner.id}`)).expect(200);
    expect(partnerOpportunities.body.items.map((o: { id: string }) => o.id)).toEqual([opportunity.id]);
    const partnerContacts = await asSeller(t.http.get(`/api/v1/contacts?partnerId=${partner.id}`)).expect(200);
    expect(partnerContacts.body.items.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    for (const [path, id] of [
      ['leads', lead.id],
      ['partners', partner.id],
      ['contacts', contact.id],
    ]) {
      const timeline = await asSeller(t.http.get(`/api/v1/${path}/${id}/timeline`)).expect(200);
      expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toContain('converted');
    }
  });

  it('moves the opportunities opened on the lead to its partner, each one a version further', async () => {
    const lead = await newLead();
    const before = (await asSeller(t.http.post('/api/v1/opportunities')).send({ name: 'Opened on the lead', leadId: lead.id }).expect(201)).body;
    const converted = await convert(lead.id, { partner: { mode: 'new' }, contact: { mode: 'none' } }).expect(200);
    const after = (await asSeller(t.http.get(`/api/v1/opportunities/${before.id}`)).expect(200)).body;
    expect(after).toMatchObject({ partnerId: converted.body.partner.id, version: before.version + 1 });
    // a form still holding the version before the move is refused, not allowed to undo it
    await asSeller(t.http.patch(`/api/v1/opportunities/${before.id}`))
      .send({ version: before.version, partnerId: null })
      .expect(409);
  });

  it('converts into a new customer individual without contact when the lead has no company', async () => {
    const lead = await newLead({ companyName: null });
    const response = await convert(lead.id, { partner: { mode: 'new', isCustomer: true }, contact: { mode: 'none' } }).expect(200);
    expect(response.body.partner).toMatchObject({ kind: 'individual', name: 'Doe', firstName: 'Jane', isCustomer: true, isProspect: false });
    expect(response.body.contact).toBeNull();
    expect(response.body.opportunity).toBeNull();
  });

  it('converts into an existing partner (made a prospect) and an existing standalone contact (linked to it)', async () => {
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Globex' }).expect(201)).body;
    const contact = (await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Smith' }).expect(201)).body;
    const lead = await newLead();
    const response = await convert(lead.id, { partner: { mode: 'existing', id: partner.id }, contact: { mode: 'existing', id: contact.id } }).expect(200);
    expect(response.body.partner).toMatchObject({ id: partner.id, isProspect: true });
    expect(response.body.contact).toMatchObject({ id: contact.id, partnerId: partner.id });
    expect(response.body.lead).toMatchObject({ partnerId: partner.id, contactId: contact.id, status: 'converted' });
  });

  it('refuses a second conversion with 422 LEAD_ALREADY_CONVERTED and creates nothing', async () => {
    const lead = await newLead();
    await convert(lead.id, { partner: { mode: 'new' }, contact: { mode: 'new' } }).expect(200);
    const before = await counts();
    const response = await convert(lead.id, { partner: { mode: 'new' }, contact: { mode: 'new' } }).expect(422);
    expect(response.body.code).toBe('LEAD_ALREADY_CONVERTED');
    expect(await counts()).toEqual(before);
  });

  it('refuses to convert a lost lead (422)', async () => {
    const lead = await newLead();
    const reason = (await t.http.post('/api/v1/lost-reasons').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Gone' }).expect(201)).body.id;
    await asSeller(t.http.post(`/api/v1/leads/${lead.id}/lose`))
      .send({ lostReasonId: reason })
      .expect(200);
    await convert(lead.id, { partner: { mode: 'new' }, contact: { mode: 'none' } }).expect(422);
  });

  it('answers 404 for an existing partner or contact that does not exist, leaving the lead open', async () => {
    const lead = await newLead();
    const before = await counts();
    await convert(lead.id, { partner: { mode: 'existing', id: UNKNOWN }, contact: { mode: 'none' } }).expect(404);
    await convert(lead.id, { partner: { mode: 'new' }, contact: { mode: 'existing', id: UNKNOWN } }).expect(404);
    expect(await counts()).toEqual(before);
    expect((await asSeller(t.http.get(`/api/v1/leads/${lead.id}`))).body.status).toBe('new');
  });

  it('rolls everything back when the last step fails (unknown opportunity type): no partner, no contact, lead still open', async () => {
    const lead = await newLead();
    const before = await counts();
    const response = await convert(lead.id, { partner: { mode: 'new' }, contact: { mode: 'new' }, opportunity: { name: 'Doomed', typeId: UNKNOWN } }).expect(
      400,
    );
    expect(response.body.errors).toEqual([{ field: 'typeId', message: 'refers to a record that does not exist' }]);
    expect(await counts()).toEqual(before);
    const stored = (await asSeller(t.http.get(`/api/v1/leads/${lead.id}`))).body;
    expect(stored).toMatchObject({ status: 'new', partnerId: null, contactId: null, version: 1 });
  });

  it('refuses a contact of another partner, and a contact for an individual partner (422)', async () => {
    const other = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Initech' }).expect(201)).body;
    const theirs = (await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Lumbergh', partnerId: other.id }).expect(201)).body;
    const mine = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Hooli' }).expect(201)).body;
    const lead = await newLead();
    const before = await counts();
    const wrongPartner = await convert(lead.id, { partner: { mode: 'existing', id: mine.id }, contact: { mode: 'existing', id: theirs.id } }).expect(422);
    expect(wrongPartner.body.code).toBe('CONTACT_OF_ANOTHER_PARTNER');
    const individual = await convert(lead.id, { partner: { mode: 'new', kind: 'individual' }, contact: { mode: 'new' } }).expect(422);
    expect(individual.body.code).toBe('INDIVIDUAL_HAS_NO_CONTACTS');
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed choices with field errors', async () => {
    const lead = await newLead();
    const response = await convert(lead.id, { partner: { mode: 'existing' }, contact: { mode: 'maybe' }, opportunity: { amount: '12,5' } }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'contact.mode',
      'opportunity.amount',
      'opportunity.name',
      'partner.id',
    ]);
  });
});
