import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('opportunities: stages, probabilities, kanban order, pipeline', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let reason: string;
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const create = async (body: Record<string, unknown> = {}) =>
    (
      await asSeller(t.http.post('/api/v1/opportunities'))
        .send({ name: 'Deal', amount: '1000.00', ...body })
        .expect(201)
    ).body as { id: string; name: string; rank: string; version: number };
  const act = (id: string, action: string, body: object = {}) => asSeller(t.http.post(`/api/v1/opportunities/${id}/${action}`)).send(body);
  const get = async (id: string) => (await asSeller(t.http.get(`/api/v1/opportunities/${id}`)).expect(200)).body;
  const column = async (stage: string, names: string[]) =>
    (await asSeller(t.http.get(`/api/v1/opportunities?stage=${stage}&sort=rank&pageSize=200`)).expect(200)).body.items
      .map((o: { name: string }) => o.name)
      .filter((name: string) => names.includes(name));

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    reason = (await t.http.post('/api/v1/lost-reasons').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Budget' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it("starts new with the stage's default probability, or the one given", async () => {
    expect(await get((await create()).id)).toMatchObject({ stage: 'new', probability: 10, currency: 'EUR', assignedToId: seller.id });
    expect(await get((await create({ probability: 35 })).id)).toMatchObject({ probability: 35 });
  });

  it('moves through the open stages with their default probabilities, and stops at negotiation (422)', async () => {
    const { id } = await create();
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await act(id, 'next-stage').expect(200)).body);
    expect(seen.map((o) => [o.stage, o.probability])).toEqual([
      ['qualification', 20],
      ['proposition', 50],
      ['negotiation', 80],
    ]);
    const refused = await act(id, 'next-stage').expect(422);
    expect(refused.body.code).toBe('STAGE_CHANGE_REFUSED');
    expect(await get(id)).toMatchObject({ stage: 'negotiation', version: 4 });
    const timeline = await asSeller(t.http.get(`/api/v1/opportunities/${id}/timeline`)).expect(200);
    expect(timeline.body.items.filter((e: { kind: string }) => e.kind === 'stage_changed').map((e: { data: { to: string } }) => e.data.to)).toEqual([
      'negotiation',
      'proposition',
      'qualification',
    ]);
  });

  it('takes the default probabilities from the CRM settings', async () => {
    await t.http
      .patch('/api/v1/settings/crm')
      .auth(t.adminToken, { type: 'bearer' })
      .send({ stageProbabilities: { qualification: 33 } })
      .expect(200);
    const { id } = await create();
    expect((await act(id, 'next-stage').expect(200)).body.probability).toBe(33);
    await t.http
      .patch('/api/v1/settings/crm')
      .auth(t.adminToken, { type: 'bearer' })
      .send({ stageProbabilities: { qualification: 20 } })
      .expect(200);
  });

  it('closes as won with probability 100; a closed opportunity does not change stage until reopened', async () => {
    const { id } = await create();
    expect((await get(id)).closedAt).toBeNull();
    const before = Date.now();
    const won = (await act(id, 'close-won').expect(200)).body;
    expect(won).toMatchObject({ stage: 'closed_won', probability: 100 });
    // the won date objectives count the deal by
    expect(Date.parse(won.closedAt)).toBeGreaterThanOrEqual(before - 1000);
    for (const [action, body] of [
      ['next-stage', {}],
      ['close-won', {}],
      ['close-lost', { lostReasonId: reason }],
      ['move', { stage: 'proposition' }],
    ] as const) {
      await act(id, action, body).expect(422);
    }
    expect(await get(id)).toMatchObject({ stage: 'closed_won', probability: 100 });
    expect((await act(id, 'reopen').expect(200)).body).toMatchObject({ stage: 'negotiation', probability: 80, closedAt: null });
    await act(id, 'reopen').expect(422);
  });

  it('closes as lost with a reason and probability 0; refuses no reason or an unknown one (400), changing nothing', async () => {
    const { id } = await create();
    const missing = await act(id, 'close-lost', {}).expect(400);
    expect(missing.body.errors[0].field).toBe('lostReasonId');
    await act(id, 'close-lost', { lostReasonId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' }).expect(400);
    expect(await get(id)).toMatchObject({ stage: 'new', version: 1 });
    expect((await act(id, 'close-lost', { lostReasonId: reason }).expect(200)).body).toMatchObject({
      stage: 'closed_lost',
      probability: 0,
      lostReasonId: reason,
    });
    expect((await act(id, 'reopen', { stage: 'qualification' }).expect(200)).body).toMatchObject({ stage: 'qualification', lostReasonId: null });
  });

  it('refuses a move to closed_lost without a reason and an unknown stage (400)', async () => {
    const { id } = await create();
    await act(id, 'move', { stage: 'closed_lost' }).expect(400);
    await act(id, 'move', { stage: 'won' }).expect(400);
    await act(id, 'move', { stage: 'proposition', rank: -1 }).expect(400);
    expect((await act(id, 'move', { stage: 'closed_lost', lostReasonId: reason }).expect(200)).body.stage).toBe('closed_lost');
  });

  it('keeps the kanban order of interleaved moves within and between columns', async () => {
    // positions count every card of a column: start from an empty board
    await t.dataSource.query(`DELETE FROM opportunities`);
    const names = ['K1', 'K2', 'K3', 'K4', 'K5'];
    const ids: Record<string, string> = {};
    for (const name of names) ids[name] = (await create({ name })).id;
    expect(await column('new', names)).toEqual(names);
    await act(ids.K5, 'move', { stage: 'new', rank: 0 }).expect(200);
    await act(ids.K1, 'move', { stage: 'new', rank: 2 }).expect(200);
    await act(ids.K3, 'move', { stage: 'qualification', rank: 0 }).expect(200);
    await act(ids.K4, 'move', { stage: 'qualification', rank: 0 }).expect(200);
    await act(ids.K2, 'move', { stage: 'new' }).expect(200);
    expect(await column('new', names)).toEqual(['K5', 'K1', 'K2']);
    expect(await column('qualification', names)).toEqual(['K4', 'K3']);
    expect((await get(ids.K3)).probability).toBe(20);
    // a reorder within the column keeps the probability
    await asSeller(t.http.patch(`/api/v1/opportunities/${ids.K5}`))
      .send({ probability: 15 })
      .expect(200);
    await act(ids.K5, 'move', { stage: 'new', rank: 5 }).expect(200);
    expect((await get(ids.K5)).probability).toBe(15);
  });

  it('puts a card asked past the end of its column at the bottom', async () => {
    await t.dataSource.query(`DELETE FROM opportunities`);
    const names = ['E1', 'E2', 'E3'];
    const ids: Record<string, string> = {};
    for (const name of names) ids[name] = (await create({ name })).id;
    await act(ids.E1, 'move', { stage: 'new', rank: 50 }).expect(200);
    expect(await column('new', names)).toEqual(['E2', 'E3', 'E1']);
    await act(ids.E3, 'move', { stage: 'qualification', rank: 7 }).expect(200);
    await act(ids.E2, 'move', { stage: 'qualification', rank: 9 }).expect(200);
    expect(await column('qualification', names)).toEqual(['E3', 'E2']);
    // within a column, every position lands where asked
    for (const [name, position, order] of [
      ['E2', 0, ['E2', 'E3']],
      ['E2', 1, ['E3', 'E2']],
      ['E3', 1, ['E2', 'E3']],
    ] as const) {
      await act(ids[name], 'move', { stage: 'qualification', rank: position }).expect(200);
      expect(await column('qualification', names)).toEqual(order);
    }
  });

  it('gives every card its own place when many moves race in one column', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `R${String(i).padStart(2, '0')}`);
    const ids = [];
    for (const name of names) ids.push((await create({ name })).id);
    const results = await Promise.all(ids.map((id, i) => act(id, 'move', { stage: 'proposition', rank: i % 3 })));
    expect(results.map((r) => r.status)).toEqual(Array(ids.length).fill(200));
    const ranks: { rank: string }[] = await t.dataSource.query(`SELECT rank FROM opportunities WHERE stage = 'proposition' AND id = ANY($1)`, [ids]);
    expect(ranks).toHaveLength(ids.length);
    expect(new Set(ranks.map((r) => r.rank)).size).toBe(ids.length);
    expect((await column('proposition', names)).sort()).toEqual(names);
  });

  it("shows the customer's description only when the setting is on", async () => {
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Described', description: 'Pays late.' }).expect(201)).body;
    const { id } = await create({ partnerId: partner.id });
    expect((await get(id)).customerDescription).toBeNull();
    await t.http.patch('/api/v1/settings/crm').auth(t.adminToken, { type: 'bearer' }).send({ displayCustomerDescriptionInOpportunity: true }).expect(200);
    expect((await get(id)).customerDescription).toBe('Pays late.');
    const listed = await asSeller(t.http.get(`/api/v1/opportunities?partnerId=${partner.id}`)).expect(200);
    expect(listed.body.items[0].customerDescription).toBe('Pays late.');
    await t.http.patch('/api/v1/settings/crm').auth(t.adminToken, { type: 'bearer' }).send({ displayCustomerDescriptionInOpportunity: false }).expect(200);
  });

  it('sums amounts and weighted amounts per stage, assignee and team, with the list filters', async () => {
    const team = (await t.http.post('/api/v1/teams').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Pipeline team' }).expect(201)).body.id;
    await create({ name: 'P1', amount: '1000.00', probability: 10, teamId: team });
    const p2 = await create({ name: 'P2', amount: '333.33', teamId: team });
    await act(p2.id, 'next-stage').expect(200);
    await create({ name: 'P3', amount: '50.00', currency: 'USD', teamId: team });
    const byStage = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}`)).expect(200);
    expect(byStage.body).toEqual({
      groupBy: 'stage',
      groups: [
        { key: 'new', currency: 'EUR', count: 1, amount: '1000.00', weightedAmount: '100.00' },
        { key: 'new', currency: 'USD', count: 1, amount: '50.00', weightedAmount: '5.00' },
        { key: 'qualification', currency: 'EUR', count: 1, amount: '333.33', weightedAmount: '66.67' },
      ],
    });
    const eur = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}&groupBy=assignedToId&currency=EUR`)).expect(200);
    expect(eur.body.groups.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([[seller.id, 2]]);
    const unknown = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}&colour=red`)).expect(400);
    expect(unknown.body.errors[0].field).toBe('colour');
    const mine = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}&groupBy=assignedToId`)).expect(200);
    expect(mine.body.groups.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      [seller.id, 2],
      [seller.id, 1],
    ]);
    await asSeller(t.http.get('/api/v1/opportunities/pipeline?groupBy=colour')).expect(400);
  });
  it("filters by days of creation and closing (the organisation's time zone), expected close days, currency, source and a team's deals (ofTeamId)", async () => {
    const admin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
    const member = await t.signInAs('salesperson');
    const team = (
      await admin(t.http.post('/api/v1/teams'))
        .send({ name: 'Filter team', memberIds: [member.id] })
        .expect(201)
    ).body.id;
    const source = (await admin(t.http.post('/api/v1/lead-sources')).send({ name: 'Filter source' }).expect(201)).body.id;
    const late = await create({ name: 'F late March', teamId: team, sourceId: source, expectedCloseDate: '2026-03-31' });
    const early = await create({ name: 'F early April', teamId: team, currency: 'USD', expectedCloseDate: '2026-04-01' });
    await admin(t.http.post('/api/v1/opportunities')).send({ name: 'F member', assignedToId: member.id }).expect(201);
    await act(late.id, 'close-won').expect(200);
    await act(early.id, 'close-lost', { lostReasonId: reason }).expect(200);
    // created and won at 23:30 in Paris on 31 March (21:30 UTC); the other at 00:30 on 1 April (22:30 UTC on 31 March)
    const set = `UPDATE opportunities SET created_at = $2, closed_at = $2 WHERE id = $1`;
    await t.dataSource.query(set, [late.id, '2026-03-31T21:30:00Z']);
    await t.dataSource.query(set, [early.id, '2026-03-31T22:30:00Z']);
    const names = async (query: string) =>
      (await asSeller(t.http.get(`/api/v1/opportunities?teamId=${team}&${query}&sort=name`)).expect(200)).body.items.map((o: { name: string }) => o.name);
    expect(await names('createdFrom=2026-03-31&createdTo=2026-03-31')).toEqual(['F late March']);
    expect(await names('createdFrom=2026-04-01')).toEqual(['F early April']);
    expect(await names('closedTo=2026-03-31')).toEqual(['F late March']);
    expect(await names('closedFrom=2026-04-01&closedTo=2026-04-01')).toEqual(['F early April']);
    expect(await names('expectedCloseTo=2026-03-31')).toEqual(['F late March']);
    expect(await names('expectedCloseFrom=2026-04-01&expectedCloseTo=2026-04-01')).toEqual(['F early April']);
    expect(await names('currency=usd')).toEqual(['F early April']);
    expect(await names(`sourceId=${source}`)).toEqual(['F late March']);
    expect(await names('hasSource=false')).toEqual(['F early April']);
    // the team's deals and its member's, wherever they are put
    const ofTeam = await asSeller(t.http.get(`/api/v1/opportunities?ofTeamId=${team}&sort=name`)).expect(200);
    expect(ofTeam.body.items.map((o: { name: string }) => o.name)).toEqual(['F early April', 'F late March', 'F member']);
    for (const [query, field] of [
      ['createdFrom=2026-02-30', 'createdFrom'],
      ['closedTo=yesterday', 'closedTo'],
      ['expectedCloseFrom=2026-13-01', 'expectedCloseFrom'],
      ['currency=EURO', 'currency'],
      ['sourceId=trade-show', 'sourceId'],
      ['hasSource=maybe', 'hasSource'],
      ['ofTeamId=north', 'ofTeamId'],
    ]) {
      const refused = await asSeller(t.http.get(`/api/v1/opportunities?${query}`)).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('keeps the pre-computed totals equal to the live sums through edits, moves, reassignment and deletion', async () => {
    const admin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
    const team = (await admin(t.http.post('/api/v1/teams')).send({ name: 'Totals team' }).expect(201)).body.id;
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Totals partner' }).expect(201)).body.id;
    const other = await t.signInAs('salesperson');
    const deals = [];
    for (const [amount, currency] of [
      ['100.10', 'EUR'],
      ['2500.00', 'EUR'],
      ['75.55', 'USD'],
      [null, 'EUR'],
      ['999.99', 'EUR'],
    ]) {
      deals.push(await create({ name: `T ${amount}`, amount, currency, teamId: team, partnerId: partner }));
    }
    await act(deals[0].id, 'next-stage').expect(200);
    await act(deals[1].id, 'close-lost', { lostReasonId: reason }).expect(200);
    await act(deals[2].id, 'close-won').expect(200);
    await act(deals[3].id, 'move', { stage: 'negotiation', rank: 0 }).expect(200);
    const fourth = await get(deals[4].id);
    await asSeller(t.http.patch(`/api/v1/opportunities/${deals[4].id}`))
      .send({ amount: '1000.01', probability: 33, assignedToId: other.id, version: fourth.version })
      .expect(200);
    const doomed = await create({ name: 'T doomed', amount: '5.00', teamId: team, partnerId: partner });
    await asSeller(t.http.delete(`/api/v1/opportunities/${doomed.id}`)).expect(204);

    for (const groupBy of ['stage', 'assignedToId', 'teamId']) {
      // teamId alone reads the pre-computed table; adding partnerId forces the live sum over the same rows
      const summary = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}&groupBy=${groupBy}`)).expect(200);
      const live = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}&partnerId=${partner}&groupBy=${groupBy}`)).expect(200);
      expect(summary.body).toEqual(live.body);
    }
    const byStage = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}`)).expect(200);
    expect(byStage.body.groups).toEqual([
      { key: 'closed_lost', currency: 'EUR', count: 1, amount: '2500.00', weightedAmount: '0.00' },
      { key: 'closed_won', currency: 'USD', count: 1, amount: '75.55', weightedAmount: '75.55' },
      { key: 'negotiation', currency: 'EUR', count: 1, amount: '0.00', weightedAmount: '0.00' },
      { key: 'new', currency: 'EUR', count: 1, amount: '1000.01', weightedAmount: '330.00' },
      { key: 'qualification', currency: 'EUR', count: 1, amount: '100.10', weightedAmount: '20.02' },
    ]);
    const open = await asSeller(t.http.get(`/api/v1/opportunities/pipeline?teamId=${team}&closed=false&assignedToId=${other.id}`)).expect(200);
    expect(open.body.groups).toEqual([{ key: 'new', currency: 'EUR', count: 1, amount: '1000.01', weightedAmount: '330.00' }]);
  });
  it('serves kanban cards in column order with the partner name, paged and filtered like the list', async () => {
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Board partner' }).expect(201)).body;
    const team = (await t.http.post('/api/v1/teams').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Board team' }).expect(201)).body.id;
    const first = await create({ name: 'B1', partnerId: partner.id, teamId: team, amount: '10.50', expectedCloseDate: '2027-03-01' });
    const second = await create({ name: 'B2', teamId: team });
    await act(second.id, 'move', { stage: 'new', rank: 0 }).expect(200);
    const board = await asSeller(t.http.get(`/api/v1/opportunities/board?stage=new&teamId=${team}`)).expect(200);
    expect(board.body).toMatchObject({ total: 2, totalExact: true, page: 1, pageSize: 50 });
    expect(board.body.items.map((card: { name: string }) => card.name)).toEqual(['B2', 'B1']);
    expect(board.body.items[1]).toEqual({
      id: first.id,
      version: 1,
      name: 'B1',
      stage: 'new',
      rank: expect.any(String),
      partnerId: partner.id,
      partnerName: 'Board partner',
      amount: '10.50',
      currency: 'EUR',
      probability: 10,
      expectedCloseDate: '2027-03-01',
      assignedToId: seller.id,
    });
    const page2 = await asSeller(t.http.get(`/api/v1/opportunities/board?stage=new&teamId=${team}&pageSize=1&page=2`)).expect(200);
    expect(page2.body.items.map((card: { name: string }) => card.name)).toEqual(['B1']);
    // always in card order: a sort is refused, as are an unknown stage and an oversized page
    await asSeller(t.http.get('/api/v1/opportunities/board?stage=new&sort=name')).expect(400);
    await asSeller(t.http.get('/api/v1/opportunities/board?stage=sideways')).expect(400);
    await asSeller(t.http.get('/api/v1/opportunities/board?pageSize=201')).expect(400);
    await t.http.get('/api/v1/opportunities/board').expect(401);
  });
});
