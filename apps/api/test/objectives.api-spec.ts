import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

type Body = Record<string, unknown> & { id: string };

describe('objectives', () => {
  let t: TestApp;
  let manager: { id: string; token: string };
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let outsider: { id: string; token: string };
  let teamId: string;
  const as = (who: { token: string }) => (req: Test) => req.auth(who.token, { type: 'bearer' });
  const asAdmin = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
  const createObjective = async (body: object, status = 201): Promise<Body> =>
    (await as(manager)(t.http.post('/api/v1/objectives')).send(body).expect(status)).body;
  const progress = async (id: string, who = manager) => (await as(who)(t.http.get(`/api/v1/objectives/${id}/progress`)).expect(200)).body;

  /** A deal of `owner`, created and (when `wonAt`) won at the instants given, in `currency`. */
  async function deal(owner: { id: string; token: string }, amount: string, createdAt: string, wonAt?: string, currency = 'EUR') {
    const created: Body = (
      await as(owner)(t.http.post('/api/v1/opportunities'))
        .send({ name: `Deal ${amount}`, amount, currency })
        .expect(201)
    ).body;
    if (wonAt) await as(owner)(t.http.post(`/api/v1/opportunities/${created.id}/close-won`)).expect(200);
    await t.dataSource.query(
      `UPDATE opportunities SET created_at = $2, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE $3::timestamptz END WHERE id = $1`,
      [created.id, createdAt, wonAt ?? null],
    );
  }

  /** An event of `owner` starting at `startAt`. */
  async function event(owner: { id: string; token: string }, body: object, startAt: string) {
    const end = new Date(Date.parse(startAt) + 15 * 60_000).toISOString();
    await as(owner)(t.http.post('/api/v1/events'))
      .send({ subject: 'Objective event', startAt, endAt: end, ...body })
      .expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.signInAs('manager');
    alice = await t.signInAs('salesperson');
    bob = await t.signInAs('salesperson');
    outsider = await t.signInAs('salesperson');
    teamId = (
      await asAdmin(t.http.post('/api/v1/teams'))
        .send({ name: 'Objective team', memberIds: [alice.id, bob.id] })
        .expect(201)
    ).body.id;

    // March 2027 in Europe/Paris: summer time starts on Sunday 28 March
    await deal(alice, '1000.00', '2027-03-02T09:00:00Z', '2027-03-31T21:30:00Z'); // won 23:30 Paris time on 31 March: March
    await deal(alice, '500.00', '2027-03-03T09:00:00Z', '2027-03-31T22:30:00Z'); // won 00:30 Paris time on 1 April: April
    await deal(alice, '700.00', '2027-02-20T09:00:00Z', '2027-03-10T10:00:00Z'); // created in February, won in March: counts in March (not Axelor's way)
    await deal(alice, '300.00', '2027-03-05T09:00:00Z', '2027-03-06T10:00:00Z', 'USD');
    await deal(alice, '9999.00', '2027-03-04T09:00:00Z'); // open: created, never won
    await deal(bob, '2000.00', '2027-03-15T09:00:00Z', '2027-03-20T10:00:00Z');
    await deal(outsider, '5000.00', '2027-03-15T09:00:00Z', '2027-03-20T10:00:00Z'); // not of the team

    await event(alice, { type: 'call', callDirection: 'outbound', status: 'realized' }, '2027-03-29T07:00:00Z');
    await event(alice, { type: 'call', callDirection: 'outbound', status: 'planned' }, '2027-03-29T08:00:00Z'); // not held
    await event(alice, { type: 'call', callDirection: 'inbound', status: 'realized' }, '2027-03-29T09:00:00Z'); // not outgoing
    await event(alice, { type: 'meeting', status: 'realized' }, '2027-03-28T22:30:00Z'); // 00:30 on 29 March, Paris summer time
    await event(bob, { type: 'meeting', status: 'realized' }, '2027-03-27T22:30:00Z'); // 23:30 on 27 March, Paris winter time
  });
  afterAll(() => t.close());

  it("counts a salesperson's month by won date, in the organisation's time zone, amounts per currency", async () => {
    const objective = await createObjective({
      name: 'Alice Q1',
      userId: alice.id,
      frequency: 'monthly',
      from: '2027-02-01',
      to: '2027-04-30',
      targets: { amountWon: '2000.00', opportunitiesCreated: 4, opportunitiesWon: 2, callsMade: 2, meetings: 1 },
    });
    expect(objective).toMatchObject({ currency: 'EUR', frequency: 'monthly', targets: { amountWon: '2000.00', opportunitiesCreated: 4 } });
    const answer = await progress(objective.id);
    expect(answer.timeZone).toBe('Europe/Paris');
    expect(answer.periods.map((p: { from: string; to: string }) => [p.from, p.to])).toEqual([
      ['2027-02-01', '2027-02-28'],
      ['2027-03-01', '2027-03-31'],
      ['2027-04-01', '2027-04-30'],
    ]);
    const [february, march, april] = answer.periods;
    expect(february.actual).toMatchObject({ amountWon: '0.00', opportunitiesCreated: 1, opportunitiesWon: 0 });
    expect(march.actual).toEqual({
      amountWon: '1700.00',
      amountWonByCurrency: { EUR: '1700.00', USD: '300.00' },
      opportunitiesCreated: 4,
      opportunitiesWon: 3,
      callsMade: 1,
      meetings: 1,
    });
    expect(march.percent).toEqual({ amountWon: 85, opportunitiesCreated: 100, opportunitiesWon: 150, callsMade: 50, meetings: 100 });
    expect(april.actual).toMatchObject({ amountWon: '500.00', amountWonByCurrency: { EUR: '500.00' }, opportunitiesWon: 1 });
    expect(answer.total).toMatchObject({
      from: '2027-02-01',
      to: '2027-04-30',
      target: { amountWon: '6000.00', opportunitiesCreated: 12, callsMade: 6 },
      actual: { amountWon: '2200.00', amountWonByCurrency: { EUR: '2200.00', USD: '300.00' }, opportunitiesCreated: 5, opportunitiesWon: 4 },
      percent: { amountWon: 36.7 },
    });
  });

  it("sums a team's members, day by day across the daylight-saving change", async () => {
    const objective = await createObjective({ name: 'Team days', teamId, frequency: 'daily', from: '2027-03-27', to: '2027-03-29', targets: { meetings: 1 } });
    const answer = await progress(objective.id);
    expect(answer.periods.map((p: { from: string; actual: { meetings: number } }) => [p.from, p.actual.meetings])).toEqual([
      ['2027-03-27', 1],
      ['2027-03-28', 0],
      ['2027-03-29', 1],
    ]);
    const month = await createObjective({
      name: 'Team March',
      teamId,
      frequency: 'none',
      from: '2027-03-01',
      to: '2027-03-31',
      targets: { amountWon: '5000.00' },
    });
    const total = (await progress(month.id)).total;
    // the outsider's deal is not the team's; USD stays apart
    expect(total.actual).toMatchObject({ amountWon: '3700.00', amountWonByCurrency: { EUR: '3700.00', USD: '300.00' }, opportunitiesWon: 4 });
    expect(total.percent.amountWon).toBe(74);
    expect(total.percent.callsMade).toBeNull();
  });

  it("lets a salesperson read their own and their team's objectives, nobody else's, and change none", async () => {
    const own = await createObjective({
      name: 'Bob own',
      userId: bob.id,
      frequency: 'none',
      from: '2027-01-01',
      to: '2027-12-31',
      targets: { callsMade: 100 },
    });
    const team = await createObjective({ name: 'Team year', teamId, frequency: 'none', from: '2027-01-01', to: '2027-12-31', targets: { callsMade: 300 } });
    const others = await createObjective({
      name: 'Outsider own',
      userId: outsider.id,
      frequency: 'none',
      from: '2027-01-01',
      to: '2027-12-31',
      targets: { meetings: 3 },
    });
    await as(bob)(t.http.get(`/api/v1/objectives/${own.id}`)).expect(200);
    await progress(team.id, bob);
    await as(bob)(t.http.get(`/api/v1/objectives/${others.id}`)).expect(404);
    await as(bob)(t.http.get(`/api/v1/objectives/${others.id}/progress`)).expect(404);
    const listed = (await as(bob)(t.http.get('/api/v1/objectives?pageSize=200')).expect(200)).body.items.map((o: Body) => o.id);
    expect(listed).toEqual(expect.arrayContaining([own.id, team.id]));
    expect(listed).not.toContain(others.id);
    const current = (await as(outsider)(t.http.get('/api/v1/objectives?on=2027-06-01')).expect(200)).body;
    expect(current.items.map((o: Body) => o.id)).toEqual([others.id]);
    await as(bob)(t.http.post('/api/v1/objectives'))
      .send({ name: 'Mine', userId: bob.id, frequency: 'none', from: '2027-01-01', to: '2027-01-31', targets: { meetings: 1 } })
      .expect(403);
    await as(bob)(t.http.patch(`/api/v1/objectives/${own.id}`))
      .send({ name: 'Changed' })
      .expect(403);
    await as(bob)(t.http.delete(`/api/v1/objectives/${own.id}`)).expect(403);
    expect((await as(manager)(t.http.get(`/api/v1/objectives/${own.id}`)).expect(200)).body.name).toBe('Bob own');
  });

  it('refuses what is not an objective with 400 on the field, and stores nothing', async () => {
    const base = { name: 'Refused', userId: alice.id, frequency: 'monthly', from: '2027-01-01', to: '2027-03-31', targets: { meetings: 1 } };
    const cases: Array<[object, string]> = [
      [{ ...base, teamId }, 'teamId'],
      [{ ...base, userId: undefined }, 'userId'],
      [{ ...base, to: '2026-12-31' }, 'to'],
      [{ ...base, from: '2027-02-30' }, 'from'],
      [{ ...base, frequency: 'yearly' }, 'frequency'],
      [{ ...base, frequency: 'daily', to: '2028-12-31' }, 'frequency'],
      [{ ...base, targets: {} }, 'targets'],
      [{ ...base, targets: { amountWon: '12.345' } }, 'targets.amountWon'],
      [{ ...base, targets: { meetings: -1 } }, 'targets.meetings'],
      [{ ...base, currency: 'EURO' }, 'currency'],
      [{ ...base, userId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' }, 'userId'],
    ];
    for (const [body, field] of cases) {
      const refused = await createObjective(body, 400);
      expect(refused.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const listed = (await as(manager)(t.http.get('/api/v1/objectives?q=refused')).expect(200)).body;
    expect(listed.total).toBe(0);
  });

  it("charts the objectives in course: each user's (or team's) current period, per measure, as far as the caller may read", async () => {
    const mine = await createObjective({
      name: 'Alice March',
      userId: alice.id,
      frequency: 'monthly',
      from: '2027-03-01',
      to: '2027-04-30',
      targets: { amountWon: '2000.00', meetings: 2 },
    });
    await createObjective({ name: 'Outsider March', userId: outsider.id, frequency: 'none', from: '2027-03-01', to: '2027-03-31', targets: { meetings: 4 } });
    const report = async (name: string, query: string, who = manager) => (await as(who)(t.http.get(`/api/v1/reports/${name}?${query}`)).expect(200)).body;

    const users = await report('objectives-users', `from=2027-03-01&to=2027-03-31&userId=${alice.id}`);
    expect(users).toMatchObject({ name: 'objectives-users', unit: 'percent', list: 'objectives' });
    const amount = users.series.find((series: { key: string }) => series.key === 'amountWon');
    const point = amount.points.find((p: { x: string }) => p.x.endsWith('— Alice March'));
    // March is the period in course on 31 March: 1,700.00 EUR of 2,000.00
    expect(point).toEqual({ x: expect.stringContaining('Alice March'), y: 85, filter: `userId=${alice.id}` });
    const callsMade = users.series.find((series: { key: string }) => series.key === 'callsMade');
    expect(callsMade.points.find((p: { x: string }) => p.x.endsWith('— Alice March')).y).toBeNull();
    // the point's filter opens that user's objectives
    const listed = (await as(manager)(t.http.get(`/api/v1/objectives?${point.filter}`)).expect(200)).body.items.map((o: Body) => o.id);
    expect(listed).toContain(mine.id);

    const teams = await report('objectives-teams', `from=2027-03-01&to=2027-03-31&teamId=${teamId}`);
    expect(teams.series[0].points.map((p: { x: string }) => p.x)).toEqual(expect.arrayContaining(['Objective team — Team March']));
    // a salesperson sees their own objectives and their teams', not the outsider's
    const asBob = await report('objectives-users', 'from=2027-03-01&to=2027-03-31', bob);
    expect(asBob.series[0].points.map((p: { x: string }) => p.x).join()).not.toContain('Outsider March');
  });

  it('changes an objective under its version, keeping its rules', async () => {
    const objective = await createObjective({
      name: 'Editable',
      userId: alice.id,
      frequency: 'none',
      from: '2027-01-01',
      to: '2027-01-31',
      targets: { meetings: 1 },
    });
    const changed = (
      await as(manager)(t.http.patch(`/api/v1/objectives/${objective.id}`))
        .send({ targets: { callsMade: 10 }, version: objective.version })
        .expect(200)
    ).body;
    expect(changed.targets).toMatchObject({ meetings: 1, callsMade: 10 });
    await as(manager)(t.http.patch(`/api/v1/objectives/${objective.id}`))
      .send({ name: 'Stale', version: objective.version })
      .expect(409);
    await as(manager)(t.http.patch(`/api/v1/objectives/${objective.id}`))
      .send({ teamId })
      .expect(400);
    await as(manager)(t.http.patch(`/api/v1/objectives/${objective.id}`))
      .send({ to: '2026-01-01' })
      .expect(400);
    expect((await as(manager)(t.http.get(`/api/v1/objectives/${objective.id}`)).expect(200)).body).toMatchObject({ name: 'Editable', to: '2027-01-31' });
  });
});
