import type { Test } from 'supertest';
import { Pool } from 'pg';
import type { TestDatabase } from './support/test-database';
import { ApiProcess, newDatabase, signUp, startApiProcess } from './support/worker-apps';

/**
 * Calendar answers are kept in each API process's memory between reads
 * (EventCalendarAnswers). What is checked here is that none is ever served
 * after what it shows changed: whichever process, or the database itself,
 * made the change.
 */
describe('calendar answers kept between reads', () => {
  let database: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  let adminToken: string;
  let ann: { id: string; token: string };
  let bob: { id: string; token: string };
  let cid: { id: string; token: string };
  let team: { id: string; version: number };
  const as = (who: { token: string }) => (req: Test) => req.auth(who.token, { type: 'bearer' });
  const march = 'from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z';
  const meeting = (subject: string, day = 1) => ({
    type: 'meeting',
    subject,
    startAt: `2027-03-${String(day).padStart(2, '0')}T09:00:00Z`,
    endAt: `2027-03-${String(day).padStart(2, '0')}T10:00:00Z`,
  });
  /** The subjects on a calendar of March, read through one process. */
  const subjects = async (process: ApiProcess, query: string, who = ann) => {
    const response = await as(who)(process.http.get(`/api/v1/events?${march}&${query}&view=compact`)).expect(200);
    return (response.body.items as { subject: string }[]).map((item) => item.subject).sort();
  };
  const create = async (process: ApiProcess, who: { token: string }, body: Record<string, unknown>) =>
    (await as(who)(process.http.post('/api/v1/events')).send(body).expect(201)).body as { id: string; version: number };

  beforeAll(async () => {
    database = await newDatabase();
    a = await startApiProcess(database.url!, { runWorkers: false });
    // b keeps no answers (CRM_CALENDAR_CACHE_MB=0): it reads every range afresh, and must answer the same
    b = await startApiProcess(database.url!, { runWorkers: false, env: { CRM_CALENDAR_CACHE_MB: '0' } });
    ann = await signUp(a.http, 'salesperson', 'ann@example.com');
    bob = await signUp(a.http, 'salesperson', 'bob@example.com');
    cid = await signUp(a.http, 'salesperson', 'cid@example.com');
    adminToken = (await signUp(a.http, 'admin', 'root@example.com')).token;
    team = (
      await a.http
        .post('/api/v1/teams')
        .auth(adminToken, { type: 'bearer' })
        .send({ name: 'North', memberIds: [ann.id] })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('answers the same range with the same ETag, and 304 to a client that holds it', async () => {
    await create(a, ann, meeting('Kick-off'));
    const first = await as(ann)(a.http.get(`/api/v1/events?${march}`)).expect(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    // gzipped as superagent, like a browser, accepts it; plain text to a client that does not
    expect(first.headers['content-encoding']).toBe('gzip');
    const plain = await as(ann)(a.http.get(`/api/v1/events?${march}`))
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.text)).toEqual(first.body);
    expect(plain.headers.etag).toBe(first.headers.etag);
    expect(first.body).toMatchObject({ total: 1, page: 1, pageSize: 1, totalExact: true, items: [{ subject: 'Kick-off' }] });
    const again = await as(ann)(a.http.get(`/api/v1/events?${march}`)).expect(200);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect([first.headers['server-timing'], again.headers['server-timing']]).toEqual(['calendar;desc=read', 'calendar;desc=kept']);
    // the other process, without a cache, reads the same answer afresh: same text, same ETag
    const elsewhere = await as(ann)(b.http.get(`/api/v1/events?${march}`)).expect(200);
    expect(elsewhere.headers.etag).toBe(first.headers.etag);
    expect(elsewhere.headers['server-timing']).toBe('calendar;desc=read');
    const unchanged = await as(ann)(b.http.get(`/api/v1/events?${march}`))
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(unchanged.text).toBeFalsy();
    // another view or filter is another answer
    const compact = await as(ann)(a.http.get(`/api/v1/events?${march}&view=compact`)).expect(200);
    expect(compact.headers.etag).not.toBe(first.headers.etag);
    expect(await subjects(a, 'type=call')).toEqual([]);
  });

  it('serves a change made through another process at the next read', async () => {
    expect(await subjects(a, `assignedToId=${ann.id}`)).toEqual(['Kick-off']);
    const event = await create(b, ann, meeting('Pricing review', 2));
    const afterCreate = await as(ann)(a.http.get(`/api/v1/events?${march}&assignedToId=${ann.id}&view=compact`)).expect(200);
    expect(afterCreate.headers['server-timing']).toBe('calendar;desc=read');
    expect(await subjects(a, `assignedToId=${ann.id}`)).toEqual(['Kick-off', 'Pricing review']);
    await as(ann)(b.http.patch(`/api/v1/events/${event.id}`))
      .send({ subject: 'Pricing call', version: event.version })
      .expect(200);
    expect(await subjects(a, `assignedToId=${ann.id}`)).toEqual(['Kick-off', 'Pricing call']);
    await as(ann)(b.http.delete(`/api/v1/events/${event.id}`)).expect(204);
    expect(await subjects(a, `assignedToId=${ann.id}`)).toEqual(['Kick-off']);
  });

  it('serves a change made in the database itself (another tool, a script) at the next read', async () => {
    expect(await subjects(a, `assignedToId=${ann.id}`)).toEqual(['Kick-off']);
    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      await pool.query(`UPDATE events SET subject = 'Kick-off (moved)' WHERE subject = 'Kick-off'`);
    } finally {
      await pool.end();
    }
    expect(await subjects(a, `assignedToId=${ann.id}`)).toEqual(['Kick-off (moved)']);
  });

  it('refreshes the calendars of attendees: invited, the event changed, uninvited', async () => {
    expect(await subjects(a, `assignedToId=${bob.id}`)).toEqual([]);
    const event = await create(b, ann, { ...meeting('Demo', 3), attendeeUserIds: [bob.id] });
    expect(await subjects(a, `assignedToId=${bob.id}`)).toEqual(['Demo']);
    const renamed = (
      await as(ann)(b.http.patch(`/api/v1/events/${event.id}`))
        .send({ subject: 'Live demo', version: event.version })
        .expect(200)
    ).body;
    expect(await subjects(a, `assignedToId=${bob.id}`)).toEqual(['Live demo']);
    // the organiser's full answer lists the attendees: it changes with them
    const organiser = async () =>
      (await as(ann)(a.http.get(`/api/v1/events?${march}&type=meeting`)).expect(200)).body.items as { subject: string; attendeeUserIds: string[] }[];
    expect((await organiser()).find((item) => item.subject === 'Live demo')?.attendeeUserIds).toEqual([bob.id]);
    await as(ann)(b.http.patch(`/api/v1/events/${event.id}`))
      .send({ attendeeUserIds: [cid.id], version: renamed.version })
      .expect(200);
    expect(await subjects(a, `assignedToId=${bob.id}`)).toEqual([]);
    expect(await subjects(a, `assignedToId=${cid.id}`)).toEqual(['Live demo']);
    expect((await organiser()).find((item) => item.subject === 'Live demo')?.attendeeUserIds).toEqual([cid.id]);
  });

  it("refreshes a team's calendar when its members or the team's own events change", async () => {
    const north = () => subjects(a, `teamId=${team.id}`);
    const before = await north();
    expect(before).toContain('Kick-off (moved)');
    expect(before).not.toContain('Cid alone');
    await create(b, cid, meeting('Cid alone', 4));
    expect(await north()).toEqual(before);
    // Cid joins: the team's calendar has his events (no event changed)
    const joined = (
      await b.http
        .patch(`/api/v1/teams/${team.id}`)
        .auth(adminToken, { type: 'bearer' })
        .send({ memberIds: [ann.id, cid.id], version: team.version })
        .expect(200)
    ).body;
    expect(await north()).toContain('Cid alone');
    // an event put on the team by someone outside it
    const onTeam = await create(b, bob, { ...meeting('Team offsite', 5), teamId: team.id });
    expect(await north()).toContain('Team offsite');
    await as(bob)(b.http.patch(`/api/v1/events/${onTeam.id}`))
      .send({ teamId: null, version: onTeam.version })
      .expect(200);
    expect(await north()).not.toContain('Team offsite');
    // Cid leaves
    await b.http
      .patch(`/api/v1/teams/${team.id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ memberIds: [ann.id], version: joined.version })
      .expect(200);
    expect(await north()).toEqual(before);
  });

  it('refreshes a series when one occurrence is edited, and when it is split at "this and following"', async () => {
    const standUps = async () => (await subjects(a, '', bob)).filter((subject) => subject.startsWith('Stand-up'));
    const weekly = await create(b, bob, { ...meeting('Stand-up', 1), recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 4 } });
    expect(await standUps()).toEqual(['Stand-up', 'Stand-up', 'Stand-up', 'Stand-up']);
    await as(bob)(b.http.patch(`/api/v1/events/${weekly.id}/occurrences/2027-03-08T09:00:00.000Z`))
      .send({ subject: 'Stand-up (short)' })
      .expect(200);
    expect(await standUps()).toEqual(['Stand-up', 'Stand-up', 'Stand-up', 'Stand-up (short)']);
    await as(bob)(b.http.delete(`/api/v1/events/${weekly.id}/occurrences/2027-03-15T09:00:00.000Z/following`)).expect(204);
    expect(await standUps()).toEqual(['Stand-up', 'Stand-up (short)']);
  });

  it('refreshes the months an event leaves and enters, and bumps no other month', async () => {
    const april = 'from=2027-04-01T00:00:00Z&to=2027-05-01T00:00:00Z';
    const inApril = async () =>
      ((await as(cid)(a.http.get(`/api/v1/events?${april}`)).expect(200)).body.items as { subject: string }[]).map((item) => item.subject);
    const versions = async () =>
      Object.fromEntries(
        (
          await a.dataSource.query<{ bucket: string; version: number }[]>(`SELECT bucket::text, version::int FROM calendar_versions WHERE owner_id = $1`, [
            cid.id,
          ])
        ).map((row) => [row.bucket, row.version]),
      );
    // over the night from March to April: on both months
    const night = await create(b, cid, { type: 'event', subject: 'Night shift', startAt: '2027-03-31T22:00:00Z', endAt: '2027-04-01T06:00:00Z' });
    expect(await subjects(a, '', cid)).toContain('Night shift');
    expect(await inApril()).toEqual(['Night shift']);
    const before = await versions();
    // moved into April: gone from March, still in April; May untouched
    await as(cid)(b.http.patch(`/api/v1/events/${night.id}`))
      .send({ startAt: '2027-04-02T22:00:00Z', endAt: '2027-04-03T06:00:00Z', version: night.version })
      .expect(200);
    expect(await subjects(a, '', cid)).not.toContain('Night shift');
    expect(await inApril()).toEqual(['Night shift']);
    const after = await versions();
    expect(after['2027-03-01']).toBe(before['2027-03-01'] + 1);
    expect(after['2027-04-01']).toBe(before['2027-04-01'] + 1);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // deleted with an attendee: the attendee's calendar too (its rows go after the event's)
    const party = await create(b, cid, { ...meeting('Farewell', 20), attendeeUserIds: [bob.id] });
    expect(await subjects(a, '', bob)).toContain('Farewell');
    await as(cid)(b.http.delete(`/api/v1/events/${party.id}`)).expect(204);
    expect(await subjects(a, '', bob)).not.toContain('Farewell');
  });

  it('users inviting each other at the same moment: every write succeeds (no deadlock on the versions)', async () => {
    const writes = Array.from({ length: 24 }, (_, i) => {
      const [organiser, guest] = i % 2 ? [ann, bob] : [bob, ann];
      return as(organiser)((i % 4 < 2 ? a : b).http.post('/api/v1/events')).send({
        ...meeting(`Crossed ${i}`, 10 + (i % 10)),
        attendeeUserIds: [guest.id, cid.id],
      });
    });
    const statuses = (await Promise.all(writes)).map((response) => response.status);
    expect(statuses).toEqual(statuses.map(() => 201));
    expect((await subjects(a, `assignedToId=${cid.id}`)).filter((subject) => subject.startsWith('Crossed'))).toHaveLength(24);
  });
});
