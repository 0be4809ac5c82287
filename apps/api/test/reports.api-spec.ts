import type { Test } from 'supertest';
import { login, startTestApp, TestApp } from './support/test-app';

const MISSING = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';
const YEAR = 'from=2025-01-01&to=2025-12-31';

interface Point {
  x: string;
  y: number | string | null;
  filter: string;
}
interface Report {
  name: string;
  unit: 'count' | 'amount' | 'percent';
  list: string;
  currency?: string;
  currencies?: string[];
  from: string | null;
  to: string | null;
  series: { key: string; name: string; points: Point[] }[];
}

/** `{ seriesKey: { x: y } }` of a report, for compact expectations. */
const values = (report: Report) => Object.fromEntries(report.series.map((series) => [series.key, Object.fromEntries(series.points.map((p) => [p.x, p.y]))]));
const cents = (amount: string | null) => Math.round(Number(amount ?? 0) * 100);

describe('reports: charts over opportunities, leads and events, each point a list filter', () => {
  let t: TestApp;
  const users: Record<'alice' | 'bruno' | 'chloe', { id: string; token: string }> = {} as never;
  let team: string;
  let source: string;
  let reason: string;
  const ids: Record<string, string> = {};
  const asAdmin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
  const report = async (name: string, query = YEAR, who = t.adminToken) =>
    (await t.http.get(`/api/v1/reports/${name}?${query}`).auth(who, { type: 'bearer' }).expect(200)).body as Report;
  const list = async (path: string, filter: string) => (await asAdmin(t.http.get(`/api/v1/${path}?${filter}&pageSize=200`)).expect(200)).body;
  const names = (items: { name?: string; lastName?: string; subject?: string }[]) => items.map((item) => item.name ?? item.lastName ?? item.subject).sort();
  const at = (table: string, id: string, column: string, instant: string) =>
    t.dataSource.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [id, instant]);

  /** Every point's filter, applied to its list, gives exactly what the point counts (or sums, or divides). */
  async function expectDrillDown(body: Report): Promise<void> {
    for (const series of body.series) {
      for (const point of series.points) {
        const { items, total } = await list(body.list, point.filter);
        const where = `${body.name} ${series.key} ${point.x} (${point.filter})`;
        if (body.unit === 'count') expect({ where, y: total }).toEqual({ where, y: point.y });
        if (body.unit === 'amount') {
          expect(items.every((item: { currency: string }) => item.currency === body.currency)).toBe(true);
          const key =
            series.key === 'weightedAmount'
              ? (o: { amount: string; probability: number }) => (cents(o.amount) * o.probability) / 100
              : (o: { amount: string }) => cents(o.amount);
          expect({ where, y: items.reduce((sum: number, item: { amount: string; probability: number }) => sum + key(item), 0) }).toEqual({
            where,
            y: cents(point.y as string),
          });
        }
        if (body.unit === 'percent') {
          const won = items.filter((item: { stage: string }) => item.stage === 'closed_won').length;
          expect({ where, y: total ? Math.round((won * 1000) / total) / 10 : null }).toEqual({ where, y: point.y });
        }
      }
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const [key, name] of [
      ['alice', 'Alice Martin'],
      ['bruno', 'Bruno Petit'],
      ['chloe', 'Chloé Roux'],
    ] as const) {
      const email = `${key}@example.com`;
      const { id } = (await asAdmin(t.http.post('/api/v1/users')).send({ email, name, role: 'salesperson', password: 'a-good-password' }).expect(201)).body;
      users[key] = { id, token: await login(t.http, email, 'a-good-password') };
    }
    team = (
      await asAdmin(t.http.post('/api/v1/teams'))
        .send({ name: 'North', memberIds: [users.alice.id] })
        .expect(201)
    ).body.id;
    source = (await asAdmin(t.http.post('/api/v1/lead-sources')).send({ name: 'Trade show' }).expect(201)).body.id;
    reason = (await asAdmin(t.http.post('/api/v1/lost-reasons')).send({ name: 'Budget' }).expect(201)).body.id;

    // Opportunities. Dates in UTC; Paris is UTC+1 in winter, UTC+2 from 30 March 2025.
    const deal = async (key: string, body: Record<string, unknown>, created: string, stage?: string) => {
      const { id } = (
        await asAdmin(t.http.post('/api/v1/opportunities'))
          .send({ name: key, ...body })
          .expect(201)
      ).body;
      if (stage === 'closed_won') await asAdmin(t.http.post(`/api/v1/opportunities/${id}/close-won`)).expect(200);
      else if (stage === 'closed_lost')
        await asAdmin(t.http.post(`/api/v1/opportunities/${id}/close-lost`))
          .send({ lostReasonId: reason })
          .expect(200);
      else if (stage)
        await asAdmin(t.http.post(`/api/v1/opportunities/${id}/move`))
          .send({ stage })
          .expect(200);
      await at('opportunities', id, 'created_at', created);
      ids[key] = id;
    };
    const alice = users.alice.id;
    const bruno = users.bruno.id;
    const chloe = users.chloe.id;
    // won at 23:30 in Paris on 31 March: March
    await deal('O1 won March', { assignedToId: alice, amount: '1000.00', sourceId: source }, '2025-01-10T09:00:00Z', 'closed_won');
    await at('opportunities', ids['O1 won March'], 'closed_at', '2025-03-31T21:30:00Z');
    // lost at 00:30 in Paris on 1 April (still 31 March in UTC): April
    await deal('O2 lost April', { assignedToId: alice, amount: '500.00' }, '2025-02-10T09:00:00Z', 'closed_lost');
    await at('opportunities', ids['O2 lost April'], 'closed_at', '2025-03-31T22:30:00Z');
    await deal('O3 won USD', { assignedToId: bruno, amount: '2000.00', currency: 'USD', sourceId: source }, '2025-02-01T09:00:00Z', 'closed_won');
    await at('opportunities', ids['O3 won USD'], 'closed_at', '2025-02-10T10:00:00Z');
    // 23:30 in Paris on 31 December 2024: before the year
    await deal('O4 lost 2024', { assignedToId: bruno, amount: '300.00' }, '2024-11-02T09:00:00Z', 'closed_lost');
    await at('opportunities', ids['O4 lost 2024'], 'closed_at', '2024-12-31T22:30:00Z');
    // 00:30 in Paris on 1 January 2025 (still 2024 in UTC): January
    await deal('O5 lost January', { assignedToId: bruno, amount: '250.00' }, '2024-12-31T23:30:00Z', 'closed_lost');
    await at('opportunities', ids['O5 lost January'], 'closed_at', '2024-12-31T23:30:00Z');
    // open deals
    await deal(
      'O6 proposition',
      { assignedToId: alice, amount: '4000.00', sourceId: source, expectedCloseDate: '2025-05-15' },
      '2025-03-01T09:00:00Z',
      'proposition',
    );
    await deal(
      'O7 negotiation USD',
      { assignedToId: bruno, amount: '1000.00', currency: 'USD', expectedCloseDate: '2025-06-01' },
      '2025-03-02T09:00:00Z',
      'negotiation',
    );
    await deal('O8 team', { assignedToId: chloe, teamId: team, amount: '700.00', expectedCloseDate: '2025-05-20' }, '2025-03-03T09:00:00Z');
    await deal('O9 no date', { assignedToId: alice, amount: '100.00' }, '2025-12-31T22:59:00Z', 'qualification');
    await deal('O10 next year', { assignedToId: alice, amount: '900.00', expectedCloseDate: '2026-01-01' }, '2025-12-31T23:00:00Z');

    // Leads
    const lead = async (key: string, body: Record<string, unknown>, created: string) => {
      const { id } = (
        await asAdmin(t.http.post('/api/v1/leads'))
          .send({ lastName: key, ...body })
          .expect(201)
      ).body;
      await at('leads', id, 'created_at', created);
      ids[key] = id;
    };
    await lead('L1', { assignedToId: alice, sourceId: source }, '2025-03-31T21:30:00Z');
    await lead('L2', { assignedToId: alice }, '2025-03-31T22:30:00Z');
    await asAdmin(t.http.post(`/api/v1/leads/${ids.L2}/convert`))
      .send({ partner: { mode: 'new' }, contact: { mode: 'none' } })
      .expect(200);
    // converted at 00:30 in Paris on 1 May
    await at('leads', ids.L2, 'converted_at', '2025-04-30T22:30:00Z');
    await lead('L3', { assignedToId: bruno, sourceId: source }, '2025-06-10T09:00:00Z');
    await asAdmin(t.http.post(`/api/v1/leads/${ids.L3}/lose`))
      .send({ lostReasonId: reason })
      .expect(200);
    await lead('L4', { assignedToId: null, teamId: team }, '2025-06-11T09:00:00Z');
    await lead('L5', { assignedToId: chloe }, '2024-12-31T22:30:00Z');

    // Events (the start is a field of their own)
    const event = async (key: string, body: Record<string, unknown>, startAt: string) => {
      const endAt = new Date(Date.parse(startAt) + 3_600_000).toISOString();
      ids[key] = (
        await asAdmin(t.http.post('/api/v1/events'))
          .send({ subject: key, startAt, endAt, ...body })
          .expect(201)
      ).body.id;
    };
    await event('C1', { type: 'call', assignedToId: alice }, '2025-03-31T21:30:00Z');
    await event('C2', { type: 'call', assignedToId: alice, status: 'realized', callDirection: 'inbound' }, '2025-03-31T22:30:00Z');
    await event('C3', { type: 'call', assignedToId: bruno, status: 'realized' }, '2025-07-01T10:00:00Z');
    await event('C4', { type: 'call', assignedToId: bruno, status: 'cancelled' }, '2025-07-02T10:00:00Z');
    await event('C5', { type: 'call', assignedToId: bruno, status: 'realized' }, '2024-12-31T22:30:00Z');
    await event('M1', { type: 'meeting', assignedToId: chloe, teamId: team }, '2025-08-01T08:00:00Z');
    await event('T1', { type: 'task', assignedToId: alice, status: 'realized' }, '2025-09-01T08:00:00Z');
  });
  afterAll(() => t.close());

  describe('opportunities', () => {
    it('sums the open pipeline per stage in one currency, the commonest by default, never adding EUR and USD', async () => {
      const eur = await report('opportunities-pipeline', '');
      expect(eur).toMatchObject({
        name: 'opportunities-pipeline',
        unit: 'amount',
        list: 'opportunities',
        currency: 'EUR',
        currencies: ['EUR', 'USD'],
        from: null,
        to: null,
      });
      expect(values(eur)).toEqual({ amount: { new: '1600.00', qualification: '100.00', proposition: '4000.00', negotiation: '0.00' } });
      const proposition = eur.series[0].points.find((p) => p.x === 'proposition')!;
      expect(proposition.filter).toBe('stage=proposition&currency=EUR');
      expect(names((await list('opportunities', proposition.filter)).items)).toEqual(['O6 proposition']);
      expect(names((await list('opportunities', eur.series[0].points[0].filter)).items)).toEqual(['O10 next year', 'O8 team']);
      const usd = await report('opportunities-pipeline', 'currency=usd');
      expect(usd.currency).toBe('USD');
      expect(values(usd)).toEqual({ amount: { new: '0.00', qualification: '0.00', proposition: '0.00', negotiation: '1000.00' } });
      await expectDrillDown(eur);
      await expectDrillDown(usd);
    });

    it("narrows to a salesperson (userId) or a team's deals and its members' (teamId)", async () => {
      expect(values(await report('opportunities-pipeline', `userId=${users.alice.id}`)).amount).toEqual({
        new: '900.00',
        qualification: '100.00',
        proposition: '4000.00',
        negotiation: '0.00',
      });
      const north = await report('opportunities-pipeline', `teamId=${team}`);
      // the team's deal (O8, Chloé's) and those of its member Alice; none of Bruno's
      expect(values(north).amount).toEqual({ new: '1600.00', qualification: '100.00', proposition: '4000.00', negotiation: '0.00' });
      expect(north.currencies).toEqual(['EUR']);
      expect(north.series[0].points[0].filter).toBe(`stage=new&currency=EUR&ofTeamId=${team}`);
      await expectDrillDown(north);
      const count = await report('opportunities-by-stage-count', `teamId=${team}`);
      expect(values(count)).toEqual({ count: { new: 2, qualification: 1, proposition: 1, negotiation: 0 } });
      await expectDrillDown(count);
      expect(values(await report('opportunities-by-stage-count', '')).count).toEqual({ new: 2, qualification: 1, proposition: 1, negotiation: 1 });
    });

    it("counts deals won and lost per salesperson by the day they closed, in the organisation's time zone", async () => {
      const year = await report('opportunities-won-lost');
      expect(year).toMatchObject({ unit: 'count', list: 'opportunities', from: '2025-01-01', to: '2025-12-31' });
      expect(values(year)).toEqual({
        closed_won: { 'Alice Martin': 1, 'Bruno Petit': 1 },
        closed_lost: { 'Alice Martin': 1, 'Bruno Petit': 1 },
      });
      expect(year.series[0].points[0].filter).toBe(`assignedToId=${users.alice.id}&stage=closed_won&closedFrom=2025-01-01&closedTo=2025-12-31`);
      await expectDrillDown(year);
      // Bruno's lost deal of 00:30 on 1 January, not the one of 23:30 on 31 December
      expect(names((await list('opportunities', year.series[1].points[1].filter)).items)).toEqual(['O5 lost January']);
      // 31 March alone: the deal won at 23:30 in Paris, not the one lost at 00:30 on 1 April
      const day = await report('opportunities-won-lost', 'from=2025-03-31&to=2025-03-31');
      expect(values(day)).toEqual({ closed_won: { 'Alice Martin': 1 }, closed_lost: { 'Alice Martin': 0 } });
      await expectDrillDown(day);
      const bruno = await report('opportunities-won-lost', `${YEAR}&userId=${users.bruno.id}`);
      expect(values(bruno)).toEqual({ closed_won: { 'Bruno Petit': 1 }, closed_lost: { 'Bruno Petit': 1 } });
    });

    it('answers the win rate per month of closing, moving the deals closed near midnight to their local month', async () => {
      const rate = await report('opportunities-conversion');
      expect(rate.unit).toBe('percent');
      const months = values(rate).winRate;
      expect(Object.keys(months)).toEqual([
        '2025-01',
        '2025-02',
        '2025-03',
        '2025-04',
        '2025-05',
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
      ]);
      // in UTC months, March would hold the won deal and the lost one (50%)
      expect(months).toMatchObject({ '2025-01': 0, '2025-02': 100, '2025-03': 100, '2025-04': 0, '2025-05': null });
      expect(rate.series[0].points[2].filter).toBe('closedFrom=2025-03-01&closedTo=2025-03-31&closed=true');
      await expectDrillDown(rate);
      // a range without a whole month reads the deals themselves: the same answer
      expect(values(await report('opportunities-conversion', 'from=2025-03-15&to=2025-04-15')).winRate).toEqual({ '2025-03': 100, '2025-04': 0 });
    });

    it('forecasts open deals by expected close month: amount and weighted amount, one currency', async () => {
      const forecast = await report('opportunities-forecast');
      expect(forecast).toMatchObject({ unit: 'amount', currency: 'EUR', currencies: ['EUR', 'USD'] });
      const { amount, weightedAmount } = values(forecast);
      // O6 4000 at 50% and O8 700 at 10%; O7 is in USD, O9 has no date, O10 is next year
      expect(amount).toMatchObject({ '2025-05': '4700.00', '2025-06': '0.00' });
      expect(weightedAmount).toMatchObject({ '2025-05': '2070.00', '2025-06': '0.00' });
      expect(forecast.series[0].points[4].filter).toBe('expectedCloseFrom=2025-05-01&expectedCloseTo=2025-05-31&closed=false&currency=EUR');
      await expectDrillDown(forecast);
      const usd = await report('opportunities-forecast', `${YEAR}&currency=USD`);
      expect(values(usd).amount['2025-06']).toBe('1000.00');
      // partial months at the ends read the deals themselves
      const partial = await report('opportunities-forecast', 'from=2025-05-16&to=2025-06-30');
      expect(values(partial)).toEqual({ amount: { '2025-05': '700.00', '2025-06': '0.00' }, weightedAmount: { '2025-05': '70.00', '2025-06': '0.00' } });
      expect(partial.series[0].points[0].filter).toBe('expectedCloseFrom=2025-05-16&expectedCloseTo=2025-05-31&closed=false&currency=EUR');
      await expectDrillDown(partial);
    });

    it('sums the deals created in the range per source, "No source" apart', async () => {
      const bySource = await report('opportunities-by-source');
      // EUR deals created in 2025 (Paris): O1 1000 (Trade show), O2 500, O5 250 (00:30 on 1 January), O6 4000 (Trade show), O8 700, O9 100 (23:59 on 31 December)
      expect(values(bySource)).toEqual({ amount: { 'Trade show': '5000.00', 'No source': '1550.00' } });
      expect(bySource.series[0].points[1].filter).toBe('hasSource=false&createdFrom=2025-01-01&createdTo=2025-12-31&currency=EUR');
      await expectDrillDown(bySource);
      expect(values(await report('opportunities-by-source', `${YEAR}&currency=USD`))).toEqual({ amount: { 'Trade show': '2000.00', 'No source': '1000.00' } });
    });
  });

  describe('leads', () => {
    it('counts the leads created in the range per status, in order, the day in Paris', async () => {
      const leads = await report('leads');
      expect(leads).toMatchObject({ unit: 'count', list: 'leads' });
      // L5 was created at 23:30 in Paris on 31 December 2024
      expect(values(leads)).toEqual({ leads: { new: 2, assigned: 0, in_progress: 0, converted: 1, lost: 1 } });
      expect(leads.series[0].points[0].filter).toBe('status=new&createdFrom=2025-01-01&createdTo=2025-12-31');
      await expectDrillDown(leads);
      const north = await report('leads', `${YEAR}&teamId=${team}`);
      expect(values(north).leads).toEqual({ new: 2, assigned: 0, in_progress: 0, converted: 1, lost: 0 });
      await expectDrillDown(north);
      expect(values(await report('leads', 'from=2025-03-31&to=2025-03-31')).leads.new).toBe(1);
    });

    it('counts them per source and per salesperson stacked by status', async () => {
      const bySource = await report('leads-by-source');
      expect(values(bySource)).toEqual({ leads: { 'Trade show': 2, 'No source': 2 } });
      await expectDrillDown(bySource);
      const bySeller = await report('leads-by-salesperson');
      expect(bySeller.series.map((s) => s.key)).toEqual(['new', 'assigned', 'in_progress', 'converted', 'lost']);
      expect(values(bySeller)).toMatchObject({
        new: { 'Alice Martin': 1, 'Bruno Petit': 0 },
        converted: { 'Alice Martin': 1, 'Bruno Petit': 0 },
        lost: { 'Alice Martin': 0, 'Bruno Petit': 1 },
      });
      await expectDrillDown(bySeller);
    });

    it('counts conversions per month of conversion', async () => {
      const converted = await report('leads-converted-per-month');
      expect(values(converted).converted).toMatchObject({ '2025-03': 0, '2025-04': 0, '2025-05': 1 });
      expect(converted.series[0].points[4].filter).toBe('convertedFrom=2025-05-01&convertedTo=2025-05-31');
      expect(names((await list('leads', converted.series[0].points[4].filter)).items)).toEqual(['L2']);
      await expectDrillDown(converted);
    });
  });

  describe('calls and events', () => {
    it('counts calls per user, planned and realized, by their start in Paris', async () => {
      const calls = await report('calls');
      expect(calls).toMatchObject({ unit: 'count', list: 'events' });
      expect(values(calls)).toEqual({
        planned: { 'Alice Martin': 1, 'Bruno Petit': 0 },
        realized: { 'Alice Martin': 1, 'Bruno Petit': 1 },
      });
      expect(calls.series[1].points[1].filter).toBe(`assignedToId=${users.bruno.id}&status=realized&type=call&startFrom=2025-01-01&startTo=2025-12-31`);
      await expectDrillDown(calls);
      expect(names((await list('events', calls.series[1].points[0].filter)).items)).toEqual(['C2']);
      const directions = await report('calls-by-direction');
      expect(values(directions)).toEqual({ inbound: { 'Alice Martin': 1, 'Bruno Petit': 0 }, outbound: { 'Alice Martin': 1, 'Bruno Petit': 2 } });
      await expectDrillDown(directions);
    });

    it('counts calls per month and events per type stacked by status, narrowed to a team', async () => {
      const perMonth = await report('calls-per-month');
      expect(values(perMonth)).toMatchObject({ planned: { '2025-03': 1, '2025-04': 0 }, realized: { '2025-03': 0, '2025-04': 1, '2025-07': 1 } });
      await expectDrillDown(perMonth);
      const events = await report('events');
      expect(values(events)).toEqual({
        planned: { call: 1, meeting: 1, task: 0, event: 0 },
        realized: { call: 2, meeting: 0, task: 1, event: 0 },
        cancelled: { call: 1, meeting: 0, task: 0, event: 0 },
      });
      await expectDrillDown(events);
      const north = await report('events', `${YEAR}&teamId=${team}`);
      expect(values(north)).toEqual({
        planned: { call: 1, meeting: 1, task: 0, event: 0 },
        realized: { call: 1, meeting: 0, task: 1, event: 0 },
        cancelled: { call: 0, meeting: 0, task: 0, event: 0 },
      });
      expect(north.series[0].points[1].filter).toBe(`type=meeting&status=planned&startFrom=2025-01-01&startTo=2025-12-31&teamId=${team}`);
      await expectDrillDown(north);
    });
  });

  it('answers the same from the monthly totals as from the rows, through creations, changes and deletions', async () => {
    // the totals rows that differ from grouping the rows themselves, both ways, in each scope
    const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'UTC')::date`;
    const drift = `
      WITH kept AS (SELECT event, scope, month, status, source_id, assigned_to_id, team_id, count FROM lead_month_totals WHERE count <> 0),
           rows AS (
             SELECT 'created' AS event, ${month('created_at')} AS month, status, NULL::uuid AS source_id, assigned_to_id, team_id FROM leads
             UNION ALL SELECT 'created_by_source', ${month('created_at')}, NULL::text, source_id, assigned_to_id, team_id FROM leads
             UNION ALL SELECT 'converted', ${month('converted_at')}, NULL::text, NULL::uuid, assigned_to_id, team_id FROM leads WHERE converted_at IS NOT NULL),
           actual AS (
             SELECT event, 'team' AS scope, month, status, source_id, assigned_to_id, team_id, count(*)::int AS count FROM rows GROUP BY 1, 2, 3, 4, 5, 6, 7
             UNION ALL SELECT event, 'user', month, status, source_id, assigned_to_id, NULL::uuid, count(*)::int FROM rows GROUP BY 1, 2, 3, 4, 5, 6, 7
             UNION ALL SELECT event, 'all', month, status, source_id, NULL::uuid, NULL::uuid, count(*)::int FROM rows GROUP BY 1, 2, 3, 4, 5, 6, 7)
      (TABLE kept EXCEPT TABLE actual) UNION ALL (TABLE actual EXCEPT TABLE kept)`;
    const lead = (await asAdmin(t.http.post('/api/v1/leads')).send({ lastName: 'Churn', assignedToId: users.bruno.id }).expect(201)).body;
    await asAdmin(t.http.patch(`/api/v1/leads/${lead.id}`))
      .send({ sourceId: source, version: 1 })
      .expect(200);
    await at('leads', lead.id, 'created_at', '2025-08-15T10:00:00Z');
    expect(values(await report('leads-by-source')).leads['Trade show']).toBe(3);
    await asAdmin(t.http.delete(`/api/v1/leads/${lead.id}`)).expect(204);
    expect(values(await report('leads-by-source')).leads['Trade show']).toBe(2);
    expect(await t.dataSource.query(drift)).toEqual([]);
  });

  describe('refusals', () => {
    it('answers 404 for an unknown report, as a problem', async () => {
      const response = await asAdmin(t.http.get('/api/v1/reports/nope')).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it('refuses from after to, more than five years, impossible days, bad ids and currencies, unknown parameters (400)', async () => {
      const refused = async (query: string) =>
        (await asAdmin(t.http.get(`/api/v1/reports/leads?${query}`)).expect(400)).body.errors.map((e: { field: string }) => e.field);
      expect(await refused('from=2025-06-01&to=2025-05-31')).toEqual(['to']);
      expect(await refused('from=2020-01-01&to=2025-01-01')).toEqual(['to']);
      expect(await refused('from=2025-02-30')).toEqual(['from']);
      expect(await refused('to=2025-1-1')).toEqual(['to']);
      expect(await refused('userId=42')).toEqual(['userId']);
      expect(await refused('teamId=not-a-uuid')).toEqual(['teamId']);
      expect(await refused('currency=EURO')).toEqual(['currency']);
      expect(await refused('status=new')).toEqual(['status']);
      // exactly five years is allowed
      await asAdmin(t.http.get('/api/v1/reports/leads?from=2020-01-01&to=2024-12-31')).expect(200);
    });

    it('answers empty series for a salesperson or a team without records, and 401 without a token', async () => {
      expect(values(await report('opportunities-won-lost', `${YEAR}&userId=${MISSING}`))).toEqual({ closed_won: {}, closed_lost: {} });
      expect(values(await report('leads', `${YEAR}&teamId=${MISSING}`)).leads).toEqual({ new: 0, assigned: 0, in_progress: 0, converted: 0, lost: 0 });
      expect(await report('opportunities-pipeline', `userId=${MISSING}`)).toMatchObject({ currency: 'EUR', currencies: [] });
      await t.http.get('/api/v1/reports/leads').expect(401);
      // any signed-in user may read reports
      await report('calls', YEAR, users.chloe.token);
    });
  });
});
