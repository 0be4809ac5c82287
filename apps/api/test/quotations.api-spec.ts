import type { Test } from 'supertest';
import { binary } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

describe('quotations and orders', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const setting = (closeOpportunityOnOrderConfirmation: boolean) =>
    t.http.patch('/api/v1/settings/crm').auth(t.adminToken, { type: 'bearer' }).send({ closeOpportunityOnOrderConfirmation }).expect(200);

  /** A prospect with a contact and an opportunity, as after a lead conversion. */
  const deal = async () => {
    const partner = (
      await asSeller(t.http.post('/api/v1/partners'))
        .send({ name: `Prospect ${Math.random()}`, isProspect: true })
        .expect(201)
    ).body;
    const contact = (await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Buyer', partnerId: partner.id }).expect(201)).body;
    const opportunity = (
      await asSeller(t.http.post('/api/v1/opportunities')).send({ name: 'Licences', partnerId: partner.id, contactId: contact.id, currency: 'USD' }).expect(201)
    ).body;
    return { partner, contact, opportunity };
  };
  const LINES = [
    { description: 'Licence', quantity: '3', unitPrice: '19.99', taxRate: '20' },
    { description: 'Training', quantity: '1.5', unitPrice: '100', discountPercent: '10', taxRate: '5.5' },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
  });
  afterAll(() => t.close());

  it('drafts a quotation from an opportunity with its partner, contact, currency and salesperson, and exact totals', async () => {
    const { partner, contact, opportunity } = await deal();
    const response = await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
      .send({ lines: LINES })
      .expect(201);
    expect(response.body).toMatchObject({
      status: 'draft',
      number: expect.stringMatching(/^Q\d{5}$/),
      partnerId: partner.id,
      contactId: contact.id,
      opportunityId: opportunity.id,
      currency: 'USD',
      assignedToId: seller.id,
      untaxed: '194.97',
      tax: '19.42',
      total: '214.39',
    });
    expect(response.body.lines.map((l: { net: string; tax: string; total: string }) => [l.net, l.tax, l.total])).toEqual([
      ['59.97', '11.99', '71.96'],
      ['135.00', '7.43', '142.43'],
    ]);
    const timeline = await asSeller(t.http.get(`/api/v1/opportunities/${opportunity.id}/timeline`)).expect(200);
    expect(timeline.body.items[0].kind).toBe('quotation_created');
  });

  it('replaces the lines of a draft and recomputes the totals; refuses bad amounts with field errors', async () => {
    const { opportunity } = await deal();
    const quotation = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({ lines: LINES })
        .expect(201)
    ).body;
    const changed = await asSeller(t.http.patch(`/api/v1/quotations/${quotation.id}`))
      .send({
        lines: [
          { description: 'One', quantity: '1', unitPrice: '0.10' },
          { description: 'Two', quantity: '1', unitPrice: '0.20' },
        ],
        version: 1,
      })
      .expect(200);
    expect(changed.body).toMatchObject({ untaxed: '0.30', tax: '0.00', total: '0.30', version: 2 });
    expect(changed.body.lines).toHaveLength(2);
    const bad = await asSeller(t.http.patch(`/api/v1/quotations/${quotation.id}`))
      .send({ lines: [{ description: 'X', quantity: '-1', unitPrice: '1,5', discountPercent: '120' }] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lines.0.discountPercent', 'lines.0.quantity', 'lines.0.unitPrice']);
    expect((await asSeller(t.http.get(`/api/v1/quotations/${quotation.id}`))).body.total).toBe('0.30');
  });

  it('refuses to quote an opportunity without partner (422)', async () => {
    const orphan = (await asSeller(t.http.post('/api/v1/opportunities')).send({ name: 'No partner' }).expect(201)).body;
    const response = await asSeller(t.http.post(`/api/v1/opportunities/${orphan.id}/quotations`))
      .send({})
      .expect(422);
    expect(response.body.code).toBe('OPPORTUNITY_HAS_NO_PARTNER');
  });

  it('confirms: the order, the prospect becomes a customer, and the opportunity is won (setting on)', async () => {
    await setting(true);
    const { partner, opportunity } = await deal();
    const quotation = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({ lines: LINES })
        .expect(201)
    ).body;
    await asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/send`)).expect(200);
    const confirmed = await asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/confirm`)).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    // the partner changed: its version goes up, so a form holding the prospect cannot overwrite it
    expect((await asSeller(t.http.get(`/api/v1/partners/${partner.id}`))).body).toMatchObject({
      isCustomer: true,
      isProspect: false,
      version: partner.version + 1,
    });
    expect((await asSeller(t.http.get(`/api/v1/opportunities/${opportunity.id}`))).body).toMatchObject({ stage: 'closed_won', probability: 100 });
    const timeline = await asSeller(t.http.get(`/api/v1/partners/${partner.id}/timeline`)).expect(200);
    expect(timeline.body.items[0].kind).toBe('order_confirmed');
  });

  it('confirms without closing the opportunity when the setting is off', async () => {
    await setting(false);
    const { partner, opportunity } = await deal();
    const quotation = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({ lines: LINES })
        .expect(201)
    ).body;
    await asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/confirm`)).expect(200);
    expect((await asSeller(t.http.get(`/api/v1/partners/${partner.id}`))).body.isCustomer).toBe(true);
    expect((await asSeller(t.http.get(`/api/v1/opportunities/${opportunity.id}`))).body.stage).toBe('new');
    await setting(true);
  });

  it('refuses to confirm twice, to change or delete a confirmed order, to confirm a cancelled one (422), changing nothing', async () => {
    const { opportunity } = await deal();
    const quotation = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({ lines: LINES })
        .expect(201)
    ).body;
    await asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/confirm`)).expect(200);
    const before = (await asSeller(t.http.get(`/api/v1/quotations/${quotation.id}`))).body;
    for (const request of [
      asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/confirm`)),
      asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/cancel`)),
      asSeller(t.http.patch(`/api/v1/quotations/${quotation.id}`)).send({ notes: 'late edit' }),
      asSeller(t.http.delete(`/api/v1/quotations/${quotation.id}`)),
    ]) {
      expect((await request).status).toBe(422);
    }
    expect((await asSeller(t.http.get(`/api/v1/quotations/${quotation.id}`))).body).toEqual(before);
    const other = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({})
        .expect(201)
    ).body;
    await asSeller(t.http.post(`/api/v1/quotations/${other.id}/cancel`)).expect(200);
    await asSeller(t.http.post(`/api/v1/quotations/${other.id}/confirm`)).expect(422);
  });

  it('rolls the confirmation back whole when closing the opportunity fails', async () => {
    await setting(true);
    const { partner, opportunity } = await deal();
    const quotation = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({ lines: LINES })
        .expect(201)
    ).body;
    // a broken ranking of the won column makes the last step of the confirmation fail
    await t.dataSource.query(
      `CREATE FUNCTION refuse_won() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.stage = 'closed_won' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
    );
    await t.dataSource.query(`CREATE TRIGGER refuse_won BEFORE UPDATE ON opportunities FOR EACH ROW EXECUTE FUNCTION refuse_won()`);
    try {
      await asSeller(t.http.post(`/api/v1/quotations/${quotation.id}/confirm`)).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER refuse_won ON opportunities; DROP FUNCTION refuse_won()`);
    }
    expect((await asSeller(t.http.get(`/api/v1/quotations/${quotation.id}`))).body.status).toBe('draft');
    expect((await asSeller(t.http.get(`/api/v1/partners/${partner.id}`))).body).toMatchObject({ isCustomer: false, isProspect: true });
  });

  it('prints a quotation as PDF', async () => {
    const { opportunity } = await deal();
    const quotation = (
      await asSeller(t.http.post(`/api/v1/opportunities/${opportunity.id}/quotations`))
        .send({ lines: LINES })
        .expect(201)
    ).body;
    const response = await asSeller(t.http.get(`/api/v1/quotations/${quotation.id}/report.pdf`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
  });
});
