import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('lead status actions', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let colleague: { id: string; token: string };
  let reason: string;
  let freeTextReason: string;
  const as = (token: string) => (req: Test) => req.auth(token, { type: 'bearer' });
  const asSeller = (req: Test) => as(seller.token)(req);

  const newLead = async (body: Record<string, unknown> = {}) =>
    (
      await asSeller(t.http.post('/api/v1/leads'))
        .send({ lastName: 'Doe', companyName: 'Acme', ...body })
        .expect(201)
    ).body as { id: string; status: string; version: number };
  const act = (id: string, action: string, body: object = {}) => asSeller(t.http.post(`/api/v1/leads/${id}/${action}`)).send(body);
  const stored = async (id: string) => (await asSeller(t.http.get(`/api/v1/leads/${id}`)).expect(200)).body;
  const leadIn = async (status: string) => {
    const lead = await newLead();
    if (status === 'assigned') await act(lead.id, 'assign').expect(200);
    if (status === 'in_progress') await act(lead.id, 'start').expect(200);
    if (status === 'lost') await act(lead.id, 'lose', { lostReasonId: reason }).expect(200);
    if (status === 'converted') await act(lead.id, 'convert', { partner: { mode: 'new' }, contact: { mode: 'none' } }).expect(200);
    return lead.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    colleague = await t.signInAs('salesperson');
    reason = (await as(t.adminToken)(t.http.post('/api/v1/lost-reasons')).send({ name: 'Too expensive' }).expect(201)).body.id;
    freeTextReason = (await as(t.adminToken)(t.http.post('/api/v1/lost-reasons')).send({ name: 'Other', freeText: true }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('self-assigns a new lead: new → assigned, assigned to the caller', async () => {
    const lead = await newLead({ assignedToId: null });
    const response = await as(colleague.token)(t.http.post(`/api/v1/leads/${lead.id}/assign`))
      .send({})
      .expect(200);
    expect(response.body).toMatchObject({ status: 'assigned', assignedToId: colleague.id, version: 2 });
  });

  it('assigns to someone else; an in-progress lead changes hands but keeps its status', async () => {
    const id = await leadIn('in_progress');
    const response = await act(id, 'assign', { userId: colleague.id }).expect(200);
    expect(response.body).toMatchObject({ status: 'in_progress', assignedToId: colleague.id });
  });

  it('refuses to assign to a user who does not exist (400) or is deactivated (422), changing nothing', async () => {
    const lead = await newLead();
    await act(lead.id, 'assign', { userId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' }).expect(400);
    const gone = await t.signInAs('salesperson');
    await as(t.adminToken)(t.http.patch(`/api/v1/users/${gone.id}`))
      .send({ active: false })
      .expect(200);
    const refused = await act(lead.id, 'assign', { userId: gone.id }).expect(422);
    expect(refused.body.code).toBe('ASSIGNEE_INACTIVE');
    expect(await stored(lead.id)).toMatchObject({ status: 'new', assignedToId: seller.id, version: 1 });
  });

  it.each(['new', 'assigned'])('starts a %s lead', async (status) => {
    const id = await leadIn(status);
    expect((await act(id, 'start').expect(200)).body.status).toBe('in_progress');
  });

  it.each(['new', 'assigned', 'in_progress'])('loses a %s lead with its reason and keeps the note', async (status) => {
    const id = await leadIn(status);
    const response = await act(id, 'lose', { lostReasonId: reason, note: 'Chose a local supplier' }).expect(200);
    expect(response.body).toMatchObject({ status: 'lost', lostReasonId: reason, lostNote: 'Chose a local supplier' });
  });

  it('refuses to lose without a reason, with an unknown reason, or without the note a free-text reason asks for', async () => {
    const lead = await newLead();
    const missing = await act(lead.id, 'lose', {}).expect(400);
    expect(missing.body.errors[0].field).toBe('lostReasonId');
    await act(lead.id, 'lose', { lostReasonId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' }).expect(400);
    const note = await act(lead.id, 'lose', { lostReasonId: freeTextReason }).expect(400);
    expect(note.body.errors).toEqual([{ field: 'note', message: 'the reason "Other" asks for an explanation' }]);
    expect(await stored(lead.id)).toMatchObject({ status: 'new', lostReasonId: null, version: 1 });
  });

  it('recycles a lost lead back to in progress and clears the reason', async () => {
    const id = await leadIn('lost');
    const response = await act(id, 'recycle').expect(200);
    expect(response.body).toMatchObject({ status: 'in_progress', lostReasonId: null, lostNote: null });
  });

  // every refused transition answers 422 and leaves the lead as it was
  it.each([
    ['in_progress', 'start'],
    ['lost', 'start'],
    ['converted', 'start'],
    ['lost', 'assign'],
    ['converted', 'assign'],
    ['lost', 'lose'],
    ['converted', 'lose'],
    ['new', 'recycle'],
    ['assigned', 'recycle'],
    ['in_progress', 'recycle'],
    ['converted', 'recycle'],
  ])('refuses %s → %s with 422 and changes nothing', async (status, action) => {
    const id = await leadIn(status);
    const before = await stored(id);
    const response = await act(id, action, action === 'lose' ? { lostReasonId: reason } : {}).expect(422);
    expect(response.body).toMatchObject({ status: 422, code: 'LEAD_TRANSITION_REFUSED', detail: expect.any(String) });
    expect(await stored(id)).toEqual(before);
  });

  it('answers 404 for an action on an unknown lead', async () => {
    await act('01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41', 'start').expect(404);
  });

  it('records every status change on the timeline, newest first, with who did it', async () => {
    const id = await leadIn('new');
    await act(id, 'assign').expect(200);
    await act(id, 'start').expect(200);
    await act(id, 'lose', { lostReasonId: reason, note: 'No budget' }).expect(200);
    const timeline = await asSeller(t.http.get(`/api/v1/leads/${id}/timeline`)).expect(200);
    expect(timeline.body).toMatchObject({ total: 4, page: 1, totalExact: true });
    expect(timeline.body.items.map((e: { kind: string; data: { to?: string } }) => [e.kind, e.data.to ?? null])).toEqual([
      ['status_changed', 'lost'],
      ['status_changed', 'in_progress'],
      ['status_changed', 'assigned'],
      ['created', null],
    ]);
    expect(timeline.body.items[0]).toMatchObject({ actorId: seller.id, summary: expect.stringContaining('Too expensive') });
    const paged = await asSeller(t.http.get(`/api/v1/leads/${id}/timeline?pageSize=1&page=2`)).expect(200);
    expect(paged.body.items[0].data.to).toBe('in_progress');
    await asSeller(t.http.get('/api/v1/leads/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/timeline')).expect(404);
  });

  it('lets only one of two concurrent conflicting actions win', async () => {
    const id = await leadIn('assigned');
    const [a, b] = await Promise.all([act(id, 'start'), act(id, 'lose', { lostReasonId: reason })]);
    const statuses = [a.status, b.status].sort();
    // whichever ran first, the second saw its result: start then lose is legal, lose then start is not
    expect(statuses[0]).toBe(200);
    const lead = await stored(id);
    expect(['in_progress', 'lost']).toContain(lead.status);
    const timeline = await asSeller(t.http.get(`/api/v1/leads/${id}/timeline`)).expect(200);
    expect(timeline.body.items.filter((e: { kind: string }) => e.kind === 'status_changed')).toHaveLength(statuses.filter((s) => s === 200).length + 1);
  });
});
