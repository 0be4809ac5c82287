import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const MISSING = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';

describe('events: rules, calendar ranges, recurring series, timelines', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let other: { id: string; token: string };
  let manager: { id: string; token: string };
  let lead: { id: string };
  let partner: { id: string };
  let opportunity: { id: string };
  const as = (who: { token: string }) => (req: Test) => req.auth(who.token, { type: 'bearer' });
  const asSeller = (req: Test) => as(seller)(req);
  const meeting = { type: 'meeting', subject: 'Weekly sync', startAt: '2027-03-01T09:00:00+01:00', endAt: '2027-03-01T10:00:00+01:00' };
  const create = async (body: Record<string, unknown> = {}, who = seller) =>
    (
      await as(who)(t.http.post('/api/v1/events'))
        .send({ ...meeting, ...body })
        .expect(201)
    ).body;
  const get = async (id: string) => (await asSeller(t.http.get(`/api/v1/events/${id}`)).expect(200)).body;
  const count = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM events`))[0].n);
  const calendar = async (query: string, who = seller) => (await as(who)(t.http.get(`/api/v1/events?${query}`)).expect(200)).body.items;
  const timeline = async (path: string) =>
    (await asSeller(t.http.get(`/api/v1/${path}/timeline`)).expect(200)).body.items as { kind: string; data: { eventId: string } }[];

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    other = await t.signInAs('salesperson');
    manager = await t.signInAs('manager');
    lead = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Doe' }).expect(201)).body;
    partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Acme' }).expect(201)).body;
    opportunity = (await asSeller(t.http.post('/api/v1/opportunities')).send({ name: 'Acme deal', partnerId: partner.id }).expect(201)).body;
  });
  afterAll(() => t.close());

  describe('creating and validating', () => {
    it('creates a meeting assigned to its creator, with type defaults, attendees and reminders', async () => {
      const created = await create({ timeZone: 'Europe/Paris', attendeeUserIds: [other.id], reminders: [{ offsetMinutes: 15, channel: 'notification' }] });
      expect(created).toMatchObject({
        type: 'meeting',
        status: 'planned',
        assignedToId: seller.id,
        createdById: seller.id,
        callDirection: null,
        priority: null,
        startAt: '2027-03-01T08:00:00.000Z',
        endAt: '2027-03-01T09:00:00.000Z',
        seriesEndAt: '2027-03-01T09:00:00.000Z',
        attendeeUserIds: [other.id],
        attendeeContactIds: [],
        reminders: [{ offsetMinutes: 15, channel: 'notification' }],
        version: 1,
      });
      const [onCalendar] = await calendar('from=2027-03-01T08:00:00Z&to=2027-03-01T08:30:00Z');
      expect(onCalendar).toMatchObject({ id: created.id, occurrenceId: created.id, attendeeUserIds: [other.id], attendeeContactIds: [], seriesId: null });
      expect(await create({ type: 'call' })).toMatchObject({ callDirection: 'outbound', priority: null });
      expect(await create({ type: 'task', priority: 'high' })).toMatchObject({ priority: 'high', callDirection: null });
    });

    it.each([
      ['an end before the start', { endAt: '2027-03-01T08:00:00+01:00' }, 'endAt'],
      ['an end equal to the start', { endAt: meeting.startAt }, 'endAt'],
      ['an unknown type', { type: 'lunch' }, 'type'],
      ['a direction on a meeting', { callDirection: 'inbound' }, 'callDirection'],
      ['a priority on a call', { type: 'call', priority: 'high' }, 'priority'],
      ['a time without offset', { startAt: '2027-03-01T09:00:00' }, 'startAt'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['a recurrence with count and until', { recurrence: { frequency: 'daily', interval: 1, count: 3, until: '2027-04-01' } }, 'recurrence.until'],
      ['weekdays on a monthly recurrence', { recurrence: { frequency: 'monthly', interval: 1, byWeekday: ['MO'] } }, 'recurrence.byWeekday'],
      ['an interval of 0', { recurrence: { frequency: 'daily', interval: 0 } }, 'recurrence.interval'],
      ['an unknown property', { colour: 'red' }, 'colour'],
    ])('refuses %s (400) and stores nothing', async (_name, body, field) => {
      const before = await count();
      const response = await asSeller(t.http.post('/api/v1/events'))
        .send({ ...meeting, ...body })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count()).toBe(before);
    });

    it.each(['leadId', 'partnerId', 'contactId', 'opportunityId', 'categoryId', 'assignedToId', 'teamId'])(
      'refuses a %s that does not exist (400 with the field) and stores nothing',
      async (field) => {
        const before = await count();
        const response = await asSeller(t.http.post('/api/v1/events'))
          .send({ ...meeting, [field]: MISSING })
          .expect(400);
        expect(response.body.errors).toEqual([{ field, message: 'refers to a record that does not exist' }]);
        expect(await count()).toBe(before);
      },
    );

    it('refuses attendees that do not exist, and a category of another type', async () => {
      const before = await count();
      const attendee = await asSeller(t.http.post('/api/v1/events'))
        .send({ ...meeting, attendeeUserIds: [MISSING] })
        .expect(400);
      expect(attendee.body.errors[0].field).toBe('attendeeUserIds');
      const [callCategory] = await t.dataSource.query(`SELECT id FROM event_categories WHERE type <> 'meeting' LIMIT 1`);
      const category = await asSeller(t.http.post('/api/v1/events'))
        .send({ ...meeting, categoryId: callCategory.id })
        .expect(400);
      expect(category.body.errors[0].field).toBe('categoryId');
      expect(await count()).toBe(before);
    });

    it('answers 401 without authentication, 404 for an unknown id, 400 for a malformed one', async () => {
      await t.http.get('/api/v1/events').expect(401);
      await t.http.post('/api/v1/events').send(meeting).expect(401);
      await asSeller(t.http.get(`/api/v1/events/${MISSING}`)).expect(404);
      await asSeller(t.http.get('/api/v1/events/nope')).expect(400);
    });
  });

  describe('changing', () => {
    it('changes with the loaded version, refuses a stale one (409) and changes nothing', async () => {
      const event = await create();
      const changed = (
        await asSeller(t.http.patch(`/api/v1/events/${event.id}`))
          .send({ subject: 'Moved', version: 1 })
          .expect(200)
      ).body;
      expect(changed).toMatchObject({ subject: 'Moved', version: 2 });
      const stale = await asSeller(t.http.patch(`/api/v1/events/${event.id}`))
        .send({ subject: 'Lost update', version: 1 })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(await get(event.id)).toMatchObject({ subject: 'Moved', version: 2 });
    });

    it('refuses an end before the start after a PATCH, changing nothing', async () => {
      const event = await create();
      await asSeller(t.http.patch(`/api/v1/events/${event.id}`))
        .send({ endAt: '2027-03-01T07:00:00Z' })
        .expect(400);
      expect(await get(event.id)).toMatchObject({ endAt: event.endAt, version: 1 });
    });

    it('drops the call direction when a call becomes a meeting, and sets the task defaults', async () => {
      const call = await create({ type: 'call', callDirection: 'inbound' });
      const task = (
        await asSeller(t.http.patch(`/api/v1/events/${call.id}`))
          .send({ type: 'task' })
          .expect(200)
      ).body;
      expect(task).toMatchObject({ type: 'task', callDirection: null, priority: 'normal' });
    });

    it("forbids a salesperson to change or delete someone else's event (403), a manager may", async () => {
      const event = await create();
      await as(other)(t.http.patch(`/api/v1/events/${event.id}`))
        .send({ subject: 'Mine now' })
        .expect(403);
      await as(other)(t.http.delete(`/api/v1/events/${event.id}`)).expect(403);
      expect(await get(event.id)).toMatchObject({ subject: meeting.subject, version: 1 });
      await as(manager)(t.http.patch(`/api/v1/events/${event.id}`))
        .send({ subject: 'Managed' })
        .expect(200);
      await as(manager)(t.http.delete(`/api/v1/events/${event.id}`)).expect(204);
      await asSeller(t.http.get(`/api/v1/events/${event.id}`)).expect(404);
    });
  });

  describe('lists', () => {
    it("lists a record's events (GET /events?leadId=…), searches the subject and refuses unknown filters", async () => {
      const mine = await create({ subject: 'Discovery call with Doe', type: 'call', leadId: lead.id });
      await create({ subject: 'Unrelated' });
      const byLead = (await asSeller(t.http.get(`/api/v1/events?leadId=${lead.id}`)).expect(200)).body;
      expect(byLead.items.map((e: { id: string }) => e.id)).toEqual([mine.id]);
      const searched = (await asSeller(t.http.get('/api/v1/events?q=discovery&type=call,task')).expect(200)).body;
      expect(searched.items.map((e: { id: string }) => e.id)).toEqual([mine.id]);
      await asSeller(t.http.get('/api/v1/events?colour=red')).expect(400);
      await asSeller(t.http.get('/api/v1/events?type=lunch')).expect(400);
      await asSeller(t.http.get('/api/v1/events?sort=colour')).expect(400);
    });

    it("filters rows by the day they start (the organisation's time zone) and calls by direction", async () => {
      // 23:30 in Paris on 31 March (21:30 UTC), and 00:30 on 1 April (22:30 UTC on 31 March)
      const late = await create({
        subject: 'Day filter late',
        type: 'call',
        callDirection: 'inbound',
        startAt: '2026-03-31T21:30:00Z',
        endAt: '2026-03-31T21:45:00Z',
      });
      const early = await create({ subject: 'Day filter early', type: 'call', startAt: '2026-03-31T22:30:00Z', endAt: '2026-03-31T22:45:00Z' });
      const ids = async (query: string) =>
        (await asSeller(t.http.get(`/api/v1/events?q=day%20filter&${query}&sort=startAt`)).expect(200)).body.items.map((e: { id: string }) => e.id);
      expect(await ids('startFrom=2026-03-31&startTo=2026-03-31')).toEqual([late.id]);
      expect(await ids('startFrom=2026-04-01')).toEqual([early.id]);
      expect(await ids('startTo=2026-04-01')).toEqual([late.id, early.id]);
      expect(await ids('callDirection=inbound')).toEqual([late.id]);
      expect(await ids('callDirection=outbound&startTo=2026-04-01')).toEqual([early.id]);
      for (const [query, field] of [
        ['startFrom=2026-02-30', 'startFrom'],
        ['startTo=2026-03-31T00:00:00Z', 'startTo'],
        ['callDirection=sideways', 'callDirection'],
        ['startFrom=2026-03-01&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z', 'startFrom'],
      ]) {
        const refused = await asSeller(t.http.get(`/api/v1/events?${query}`)).expect(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    });

    it('lists the overdue tasks (overdue=true): planned, not recurring, their end past; and filters tasks by priority', async () => {
      const task = { type: 'task', priority: 'high', leadId: lead.id };
      const past = { startAt: '2020-01-06T09:00:00Z', endAt: '2020-01-06T10:00:00Z' };
      const overdue = await create({ ...task, ...past, subject: 'Send the overdue proposal' });
      const done = await create({ ...task, ...past, subject: 'Done long ago' });
      await asSeller(t.http.patch(`/api/v1/events/${done.id}`))
        .send({ status: 'realized', version: done.version })
        .expect(200);
      await create({ ...task, subject: 'Due next year', startAt: '2099-01-01T09:00:00Z', endAt: '2099-01-01T10:00:00Z' });
      await create({ ...past, type: 'call', subject: 'A past planned call', leadId: lead.id });
      await create({ ...task, ...past, subject: 'Weekly report', recurrence: { frequency: 'weekly', interval: 1 } });
      await create({ ...task, ...past, priority: 'low', subject: 'Low and overdue' });

      const subjects = async (query: string) =>
        ((await asSeller(t.http.get(`/api/v1/events?leadId=${lead.id}&${query}`)).expect(200)).body.items as { id: string; subject: string }[]).map(
          (e) => e.subject,
        );
      expect((await subjects('overdue=true')).sort()).toEqual(['Low and overdue', 'Send the overdue proposal']);
      expect(await subjects('overdue=true&priority=high')).toEqual([overdue.subject]);
      expect(await subjects('overdue=false&type=task')).not.toContain(overdue.subject);
      expect(await subjects('overdue=false&type=task')).toContain('Due next year');
      await asSeller(t.http.get('/api/v1/events?overdue=soon')).expect(400);
      await asSeller(t.http.get('/api/v1/events?priority=asap')).expect(400);
      await asSeller(t.http.get('/api/v1/events?overdue=true&from=2027-01-01T00:00:00Z&to=2027-01-08T00:00:00Z')).expect(400);
    });
  });

  describe('timelines', () => {
    it('shows an event created, realized and cancelled on its lead, partner and opportunity', async () => {
      const event = await create({ type: 'call', leadId: lead.id, partnerId: partner.id, opportunityId: opportunity.id });
      await asSeller(t.http.patch(`/api/v1/events/${event.id}`))
        .send({ status: 'realized' })
        .expect(200);
      const cancelled = await create({ opportunityId: opportunity.id });
      await asSeller(t.http.patch(`/api/v1/events/${cancelled.id}`))
        .send({ status: 'cancelled' })
        .expect(200);
      for (const path of [`leads/${lead.id}`, `partners/${partner.id}`]) {
        const kinds = (await timeline(path)).filter((entry) => entry.data.eventId === event.id).map((entry) => entry.kind);
        expect(kinds).toEqual(['event_realized', 'event_created']);
      }
      const onOpportunity = (await timeline(`opportunities/${opportunity.id}`)).filter((entry) => entry.kind.startsWith('event_'));
      expect(onOpportunity.map((entry) => [entry.kind, entry.data.eventId])).toEqual([
        ['event_cancelled', cancelled.id],
        ['event_created', cancelled.id],
        ['event_realized', event.id],
        ['event_created', event.id],
      ]);
    });
  });

  describe('calendar ranges and recurring series', () => {
    // Paris switches to summer time on Sunday 28 March 2027 (UTC+1 → UTC+2)
    const weekly = { subject: 'Monday stand-up', startAt: '2027-03-15T09:00:00+01:00', endAt: '2027-03-15T09:30:00+01:00', timeZone: 'Europe/Paris' };
    let series: { id: string; version: number };
    let planner: { id: string; token: string };
    const mondays = async (from = '2027-03-14T00:00:00Z', to = '2027-04-13T00:00:00Z') =>
      (await calendar(`from=${from}&to=${to}`, planner)).map((o: { startAt: string }) => o.startAt);

    beforeAll(async () => {
      planner = await t.signInAs('salesperson');
      series = await create({ ...weekly, recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 } }, planner);
    });

    it('expands a weekly series across the DST change keeping 09:00 in Paris', async () => {
      expect(series).toMatchObject({ recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 }, seriesEndAt: '2027-04-19T07:30:00.000Z' });
      const items = await calendar('from=2027-03-14T00:00:00Z&to=2027-04-13T00:00:00Z', planner);
      expect(items.map((o: { startAt: string }) => o.startAt)).toEqual([
        '2027-03-15T08:00:00.000Z',
        '2027-03-22T08:00:00.000Z',
        '2027-03-29T07:00:00.000Z',
        '2027-04-05T07:00:00.000Z',
        '2027-04-12T07:00:00.000Z',
      ]);
      expect(items[2]).toMatchObject({
        id: series.id,
        seriesId: series.id,
        originalStartAt: '2027-03-29T07:00:00.000Z',
        endAt: '2027-03-29T07:30:00.000Z',
        occurrenceId: `${series.id}:2027-03-29T07:00:00.000Z`,
      });
    });

    it('moves one occurrence on its own, keeping the others', async () => {
      const moved = (
        await as(planner)(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-22T08:00:00.000Z`))
          .send({ startAt: '2027-03-23T14:00:00+01:00', endAt: '2027-03-23T14:30:00+01:00', subject: 'Stand-up (Tuesday)' })
          .expect(200)
      ).body;
      expect(moved).toMatchObject({
        seriesId: series.id,
        originalStartAt: '2027-03-22T08:00:00.000Z',
        startAt: '2027-03-23T13:00:00.000Z',
        subject: 'Stand-up (Tuesday)',
        recurrence: null,
      });
      expect(await mondays()).toEqual([
        '2027-03-15T08:00:00.000Z',
        '2027-03-23T13:00:00.000Z',
        '2027-03-29T07:00:00.000Z',
        '2027-04-05T07:00:00.000Z',
        '2027-04-12T07:00:00.000Z',
      ]);
      const again = (
        await as(planner)(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-22T08:00:00.000Z`))
          .send({ location: 'Room 2', version: 1 })
          .expect(200)
      ).body;
      expect(again).toMatchObject({ id: moved.id, location: 'Room 2', version: 2 });
    });

    it('cancels one occurrence, leaving it out of the calendar', async () => {
      await as(planner)(t.http.delete(`/api/v1/events/${series.id}/occurrences/2027-04-05T07:00:00.000Z`)).expect(204);
      expect(await mondays()).toEqual(['2027-03-15T08:00:00.000Z', '2027-03-23T13:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-12T07:00:00.000Z']);
    });

    it('refuses an occurrence the series does not have (404), a non-series (422), a stranger (403), changing nothing', async () => {
      const before = await count();
      await as(planner)(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-16T08:00:00.000Z`))
        .send({ subject: 'x' })
        .expect(404);
      await as(planner)(t.http.patch(`/api/v1/events/${series.id}/occurrences/not-a-date`))
        .send({ subject: 'x' })
        .expect(400);
      await as(planner)(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-29T07:00:00.000Z`))
        .send({ recurrence: { frequency: 'daily', interval: 1 } })
        .expect(400);
      await as(other)(t.http.delete(`/api/v1/events/${series.id}/occurrences/2027-03-29T07:00:00.000Z`)).expect(403);
      const single = await create();
      await asSeller(t.http.delete(`/api/v1/events/${single.id}/occurrences/${single.startAt}`)).expect(422);
      expect(await count()).toBe(before + 1);
      expect(await mondays()).toEqual(['2027-03-15T08:00:00.000Z', '2027-03-23T13:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-12T07:00:00.000Z']);
    });

    it('renames the whole series, reaching the edited occurrence that kept the old subject only', async () => {
      await as(planner)(t.http.patch(`/api/v1/events/${series.id}`))
        .send({ subject: 'Team stand-up', location: 'Room 1' })
        .expect(200);
      const items = await calendar('from=2027-03-14T00:00:00Z&to=2027-04-13T00:00:00Z', planner);
      expect(items.map((o: { subject: string }) => o.subject)).toEqual(['Team stand-up', 'Stand-up (Tuesday)', 'Team stand-up', 'Team stand-up']);
      expect(items[1].location).toBe('Room 2');
    });

    it('moves the whole series to 10:00, dropping its edited occurrences', async () => {
      const { version } = await get(series.id);
      await as(planner)(t.http.patch(`/api/v1/events/${series.id}`))
        .send({ startAt: '2027-03-15T10:00:00+01:00', endAt: '2027-03-15T10:30:00+01:00', version })
        .expect(200);
      expect(await mondays()).toEqual([
        '2027-03-15T09:00:00.000Z',
        '2027-03-22T09:00:00.000Z',
        '2027-03-29T08:00:00.000Z',
        '2027-04-05T08:00:00.000Z',
        '2027-04-12T08:00:00.000Z',
      ]);
      expect(await t.dataSource.query(`SELECT id FROM events WHERE series_id = $1`, [series.id])).toEqual([]);
    });

    it("shows a team's calendar: its members' events and the team's own", async () => {
      const team = (
        await t.http
          .post('/api/v1/teams')
          .auth(t.adminToken, { type: 'bearer' })
          .send({ name: 'Calendar team', memberIds: [planner.id] })
          .expect(201)
      ).body;
      const teamEvent = await create({ subject: 'Team offsite', startAt: '2027-03-31T09:00:00Z', endAt: '2027-04-02T17:00:00Z', teamId: team.id }, manager);
      const items = await calendar(`from=2027-04-01T00:00:00Z&to=2027-04-08T00:00:00Z&teamId=${team.id}`);
      expect(items.map((o: { occurrenceId: string }) => o.occurrenceId)).toEqual([teamEvent.id, `${series.id}:2027-04-05T08:00:00.000Z`]);
      const onlyCalls = await calendar(`from=2027-04-01T00:00:00Z&to=2027-04-08T00:00:00Z&teamId=${team.id}&type=call`);
      expect(onlyCalls).toEqual([]);
      const bothUsers = await calendar(`from=2027-04-01T00:00:00Z&to=2027-04-08T00:00:00Z&assignedToId=${planner.id},${manager.id}`);
      expect(bothUsers).toHaveLength(2);
    });

    it('shows the users a calendar follows (calendarId), 404 for a calendar that does not exist', async () => {
      const followed = (
        await as(planner)(t.http.post('/api/v1/calendars'))
          .send({ name: 'Stand-ups', followedUserIds: [planner.id] })
          .expect(201)
      ).body;
      const items = await calendar(`from=2027-04-05T00:00:00Z&to=2027-04-06T00:00:00Z&calendarId=${followed.id}`, planner);
      expect(items.map((o: { occurrenceId: string }) => o.occurrenceId)).toEqual([`${series.id}:2027-04-05T08:00:00.000Z`]);
      await as(planner)(t.http.get(`/api/v1/events?from=2027-04-05T00:00:00Z&to=2027-04-06T00:00:00Z&calendarId=${MISSING}`)).expect(404);
      await as(planner)(t.http.get(`/api/v1/events?calendarId=${followed.id}`)).expect(400);
    });

    it('answers compact items with view=compact: the same occurrences, only what the calendar grid draws', async () => {
      const range = 'from=2027-03-14T00:00:00Z&to=2027-04-13T00:00:00Z';
      const full = await calendar(range, planner);
      const compact = await calendar(`${range}&view=compact`, planner);
      const keys = [
        'allDay',
        'assignedToId',
        'callDirection',
        'endAt',
        'id',
        'occurrenceId',
        'originalStartAt',
        'priority',
        'seriesId',
        'startAt',
        'status',
        'subject',
        'teamId',
        'type',
        'version',
      ];
      expect(compact.length).toBeGreaterThan(1);
      for (const item of compact) expect(Object.keys(item).sort()).toEqual(keys);
      const pick = (item: Record<string, unknown>) => Object.fromEntries(keys.map((key) => [key, item[key]]));
      expect(compact).toEqual(full.map(pick));
    });

    it('refuses an unknown view, and a view outside the calendar mode (400)', async () => {
      const refused = await asSeller(t.http.get('/api/v1/events?from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00Z&view=wide')).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'view' })]);
      await asSeller(t.http.get('/api/v1/events?view=compact')).expect(400);
    });

    it('puts what a user attends on their calendar, once, series expanded', async () => {
      const guest = await t.signInAs('salesperson');
      const single = await create({ subject: 'Demo for guest', startAt: '2027-06-07T10:00:00Z', endAt: '2027-06-07T11:00:00Z', attendeeUserIds: [guest.id] });
      const recurring = await create({
        subject: 'Guest weekly',
        startAt: '2027-06-08T10:00:00Z',
        endAt: '2027-06-08T10:30:00Z',
        attendeeUserIds: [guest.id],
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      });
      await create({ subject: 'Not for guest', startAt: '2027-06-07T12:00:00Z', endAt: '2027-06-07T13:00:00Z' });
      const items = await calendar(`from=2027-06-01T00:00:00Z&to=2027-07-01T00:00:00Z&assignedToId=${guest.id}`, guest);
      expect(items.map((o: { id: string; startAt: string }) => [o.id, o.startAt])).toEqual([
        [single.id, '2027-06-07T10:00:00.000Z'],
        [recurring.id, '2027-06-08T10:00:00.000Z'],
        [recurring.id, '2027-06-15T10:00:00.000Z'],
        [recurring.id, '2027-06-22T10:00:00.000Z'],
      ]);
      // the organiser who also lists the guest sees each event once
      const both = await calendar(`from=2027-06-07T00:00:00Z&to=2027-06-08T00:00:00Z&assignedToId=${seller.id},${guest.id}`);
      expect(both.filter((o: { id: string }) => o.id === single.id)).toHaveLength(1);
    });

    it('refuses a half range, a reversed one, or list filters in calendar mode (400)', async () => {
      await asSeller(t.http.get('/api/v1/events?from=2027-03-01T00:00:00Z')).expect(400);
      await asSeller(t.http.get('/api/v1/events?from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z')).expect(400);
      await asSeller(t.http.get(`/api/v1/events?from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00Z&leadId=${lead.id}`)).expect(400);
      await asSeller(t.http.get('/api/v1/events?from=2027-01-01T00:00:00Z&to=2028-06-01T00:00:00Z')).expect(400);
    });

    it('deletes the whole series with its edited occurrences', async () => {
      await as(planner)(t.http.delete(`/api/v1/events/${series.id}/occurrences/2027-03-29T08:00:00.000Z`)).expect(204);
      await as(planner)(t.http.delete(`/api/v1/events/${series.id}`)).expect(204);
      expect(await t.dataSource.query(`SELECT id FROM events WHERE id = $1 OR series_id = $1`, [series.id])).toEqual([]);
      expect(await mondays()).toEqual([]);
    });
  });
});
