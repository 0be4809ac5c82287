import type { Test } from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const MISSING = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';

interface Item {
  id: string;
  occurrenceId: string;
  seriesId: string | null;
  subject: string;
  startAt: string;
  endAt: string;
  location: string | null;
}

// Paris switches to summer time on Sunday 28 March 2027: 09:00 local is 08:00 UTC before, 07:00 UTC after.
describe('events: this and following occurrences of a series', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let other: { id: string; token: string };
  let manager: { id: string; token: string };
  let lead: { id: string };
  const as = (who: { token: string }) => (req: Test) => req.auth(who.token, { type: 'bearer' });
  const asSeller = (req: Test) => as(seller)(req);
  const standUp = {
    type: 'meeting',
    subject: 'Stand-up',
    startAt: '2027-03-15T09:00:00+01:00',
    endAt: '2027-03-15T09:30:00+01:00',
    timeZone: 'Europe/Paris',
  };
  const createSeries = async (body: Record<string, unknown> = {}) =>
    (
      await asSeller(t.http.post('/api/v1/events'))
        .send({ ...standUp, recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'] }, ...body })
        .expect(201)
    ).body;
  const get = async (id: string) => (await asSeller(t.http.get(`/api/v1/events/${id}`)).expect(200)).body;
  const following = (seriesId: string, start: string) => `/api/v1/events/${seriesId}/occurrences/${start}/following`;
  const split = async (seriesId: string, start: string, body: Record<string, unknown>) =>
    (
      await asSeller(t.http.patch(following(seriesId, start)))
        .send(body)
        .expect(200)
    ).body;
  /** Every occurrence of the seller's calendar over [from, to). */
  const calendar = async (from = '2027-03-14T00:00:00Z', to = '2027-05-01T00:00:00Z') =>
    (await asSeller(t.http.get(`/api/v1/events?from=${from}&to=${to}`)).expect(200)).body.items as Item[];
  const rowsOf = (seriesId: string) =>
    t.dataSource.query(`SELECT id, subject, location, status, start_at, original_start_at FROM events WHERE series_id = $1 ORDER BY original_start_at`, [
      seriesId,
    ]);
  /** Everything a refused request might have touched. */
  const snapshot = async () => ({
    events: await t.dataSource.query(`SELECT * FROM events ORDER BY id`),
    attendees: await t.dataSource.query(`SELECT * FROM event_attendees ORDER BY event_id, user_id, contact_id`),
    history: await t.dataSource.query(`SELECT count(*)::int AS n FROM history_entries`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    other = await t.signInAs('salesperson');
    manager = await t.signInAs('manager');
    lead = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Doe' }).expect(201)).body;
  });
  afterAll(() => t.close());
  // each test reads its own series on a calendar of its own
  afterEach(() => t.dataSource.query(`DELETE FROM events`));

  describe('changing this and the following occurrences', () => {
    it('ends the series the day before and starts a new one there with the change, keeping 09:00 in Paris across the DST change', async () => {
      const series = await createSeries({ attendeeUserIds: [other.id], reminders: [{ offsetMinutes: 15, channel: 'notification' }], leadId: lead.id });
      const created = await split(series.id, '2027-03-29T07:00:00.000Z', { subject: 'Stand-up v2', version: series.version });

      expect(created.id).not.toBe(series.id);
      expect(created).toMatchObject({
        subject: 'Stand-up v2',
        startAt: '2027-03-29T07:00:00.000Z',
        endAt: '2027-03-29T07:30:00.000Z',
        timeZone: 'Europe/Paris',
        recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'] },
        seriesEndAt: null,
        seriesId: null,
        originalStartAt: null,
        attendeeUserIds: [other.id],
        reminders: [{ offsetMinutes: 15, channel: 'notification' }],
        leadId: lead.id,
        assignedToId: seller.id,
        createdById: seller.id,
        version: 1,
      });
      expect(await get(series.id)).toMatchObject({
        subject: 'Stand-up',
        recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], until: '2027-03-28' },
        seriesEndAt: '2027-03-22T08:30:00.000Z',
        version: series.version + 1,
      });
      // the old occurrences before, the changed ones after: no gap, none twice
      const items = await calendar();
      expect(items.map((o) => [o.startAt, o.subject, o.id])).toEqual([
        ['2027-03-15T08:00:00.000Z', 'Stand-up', series.id],
        ['2027-03-22T08:00:00.000Z', 'Stand-up', series.id],
        ['2027-03-29T07:00:00.000Z', 'Stand-up v2', created.id],
        ['2027-04-05T07:00:00.000Z', 'Stand-up v2', created.id],
        ['2027-04-12T07:00:00.000Z', 'Stand-up v2', created.id],
        ['2027-04-19T07:00:00.000Z', 'Stand-up v2', created.id],
        ['2027-04-26T07:00:00.000Z', 'Stand-up v2', created.id],
      ]);
      expect(new Set(items.map((o) => o.occurrenceId)).size).toBe(items.length);
    });

    it('moves the following occurrences to 10:00 local, sharing the count so the series keeps its number of occurrences', async () => {
      const series = await createSeries({ recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 } });
      const created = await split(series.id, '2027-04-05T07:00:00.000Z', { startAt: '2027-04-05T10:00:00+02:00', endAt: '2027-04-05T10:30:00+02:00' });

      expect(created).toMatchObject({ startAt: '2027-04-05T08:00:00.000Z', recurrence: { count: 3 }, seriesEndAt: '2027-04-19T08:30:00.000Z' });
      expect(await get(series.id)).toMatchObject({
        recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 3 },
        seriesEndAt: '2027-03-29T07:30:00.000Z',
      });
      expect((await calendar()).map((o) => o.startAt)).toEqual([
        '2027-03-15T08:00:00.000Z',
        '2027-03-22T08:00:00.000Z',
        '2027-03-29T07:00:00.000Z',
        '2027-04-05T08:00:00.000Z',
        '2027-04-12T08:00:00.000Z',
        '2027-04-19T08:00:00.000Z',
      ]);
    });

    it('takes the series recurrence sent back as loaded for the rest of it, and a new recurrence as given', async () => {
      const recurrence = { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 };
      const asLoaded = await createSeries({ recurrence });
      expect(await split(asLoaded.id, '2027-03-29T07:00:00.000Z', { subject: 'Same rhythm', recurrence })).toMatchObject({
        recurrence: { ...recurrence, count: 4 },
      });

      const changed = await createSeries({
        subject: 'Other rhythm',
        startAt: '2027-03-16T09:00:00+01:00',
        endAt: '2027-03-16T09:30:00+01:00',
        recurrence: { ...recurrence, byWeekday: ['TU'] },
      });
      const fortnightly = await split(changed.id, '2027-03-30T07:00:00.000Z', {
        recurrence: { frequency: 'weekly', interval: 2, byWeekday: ['TU'], count: 2 },
      });
      expect(fortnightly.recurrence).toEqual({ frequency: 'weekly', interval: 2, byWeekday: ['TU'], count: 2 });
      expect((await calendar()).filter((o) => o.subject === 'Other rhythm').map((o) => o.startAt)).toEqual([
        '2027-03-16T08:00:00.000Z',
        '2027-03-23T08:00:00.000Z',
        '2027-03-30T07:00:00.000Z',
        '2027-04-13T07:00:00.000Z',
      ]);
    });

    it('moves the edited and cancelled occurrences from the cut on to the new series when its time is kept, the renaming reaching those that kept the old subject', async () => {
      const series = await createSeries();
      const occurrence = (start: string) => asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/${start}`));
      await occurrence('2027-03-22T08:00:00.000Z').send({ subject: 'Before the cut' }).expect(200);
      const movedOne = (
        await occurrence('2027-04-05T07:00:00.000Z')
          .send({ startAt: '2027-04-06T09:00:00+02:00', endAt: '2027-04-06T09:30:00+02:00', location: 'Room 2' })
          .expect(200)
      ).body;
      await occurrence('2027-04-12T07:00:00.000Z').send({ subject: 'Kept its own subject' }).expect(200);
      await asSeller(t.http.delete(`/api/v1/events/${series.id}/occurrences/2027-04-19T07:00:00.000Z`)).expect(204);

      const { version } = await get(series.id);
      const created = await split(series.id, '2027-03-29T07:00:00.000Z', { subject: 'Renamed', version });

      expect(await rowsOf(series.id)).toMatchObject([{ subject: 'Before the cut' }]);
      expect(await rowsOf(created.id)).toMatchObject([
        { id: movedOne.id, subject: 'Renamed', location: 'Room 2', status: 'planned' },
        { subject: 'Kept its own subject', status: 'planned' },
        { subject: 'Renamed', status: 'cancelled' },
      ]);
      expect((await calendar()).map((o) => [o.startAt, o.subject, o.seriesId])).toEqual([
        ['2027-03-15T08:00:00.000Z', 'Stand-up', series.id],
        ['2027-03-22T08:00:00.000Z', 'Before the cut', series.id],
        ['2027-03-29T07:00:00.000Z', 'Renamed', created.id],
        ['2027-04-06T07:00:00.000Z', 'Renamed', created.id],
        ['2027-04-12T07:00:00.000Z', 'Kept its own subject', created.id],
        ['2027-04-26T07:00:00.000Z', 'Renamed', created.id],
      ]);
    });

    it('drops the edited occurrences from the cut on when the time changes, keeping those before it', async () => {
      const series = await createSeries();
      await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-22T08:00:00.000Z`))
        .send({ location: 'Before' })
        .expect(200);
      await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-04-05T07:00:00.000Z`))
        .send({ location: 'After' })
        .expect(200);
      const created = await split(series.id, '2027-03-29T07:00:00.000Z', { startAt: '2027-03-29T11:00:00+02:00', endAt: '2027-03-29T11:30:00+02:00' });

      expect(await rowsOf(series.id)).toMatchObject([{ location: 'Before' }]);
      expect(await rowsOf(created.id)).toEqual([]);
      expect((await calendar('2027-03-14T00:00:00Z', '2027-04-13T00:00:00Z')).map((o) => [o.startAt, o.location])).toEqual([
        ['2027-03-15T08:00:00.000Z', null],
        ['2027-03-22T08:00:00.000Z', 'Before'],
        ['2027-03-29T09:00:00.000Z', null],
        ['2027-04-05T09:00:00.000Z', null],
        ['2027-04-12T09:00:00.000Z', null],
      ]);
    });

    it('makes the occurrence a single event when the change drops the recurrence: the following ones go', async () => {
      const series = await createSeries();
      const single = await split(series.id, '2027-03-29T07:00:00.000Z', { recurrence: null, subject: 'Last one' });
      expect(single).toMatchObject({ recurrence: null, startAt: '2027-03-29T07:00:00.000Z', seriesEndAt: '2027-03-29T07:30:00.000Z' });
      expect((await calendar()).map((o) => [o.startAt, o.subject])).toEqual([
        ['2027-03-15T08:00:00.000Z', 'Stand-up'],
        ['2027-03-22T08:00:00.000Z', 'Stand-up'],
        ['2027-03-29T07:00:00.000Z', 'Last one'],
      ]);
    });

    it('keeps the edited occurrences when the recurrence is sent back as loaded, here or for the whole series (stored keys come back in another order)', async () => {
      const recurrence = { frequency: 'weekly', interval: 1, byWeekday: ['MO'] };
      const series = await createSeries({ recurrence });
      await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-04-05T07:00:00.000Z`))
        .send({ location: 'Room 2' })
        .expect(200);
      await asSeller(t.http.patch(`/api/v1/events/${series.id}`))
        .send({ subject: 'Renamed', recurrence })
        .expect(200);
      expect(await rowsOf(series.id)).toMatchObject([{ subject: 'Renamed', location: 'Room 2' }]);
      const created = await split(series.id, '2027-03-29T07:00:00.000Z', { subject: 'Renamed again', recurrence });
      expect(await rowsOf(created.id)).toMatchObject([{ subject: 'Renamed again', location: 'Room 2' }]);
    });

    it('changes the whole series when cut at its first occurrence, answering the series', async () => {
      const series = await createSeries({ recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 3 } });
      const changed = await split(series.id, '2027-03-15T08:00:00.000Z', { subject: 'All of them', version: series.version });
      expect(changed).toMatchObject({ id: series.id, subject: 'All of them', recurrence: { count: 3 }, version: series.version + 1 });
      expect(await t.dataSource.query(`SELECT id FROM events`)).toEqual([{ id: series.id }]);
      expect((await calendar()).map((o) => o.subject)).toEqual(['All of them', 'All of them', 'All of them']);
    });

    it("lets a manager cut someone else's series; the new series keeps its organiser and creator", async () => {
      const series = await createSeries();
      const created = (
        await as(manager)(t.http.patch(following(series.id, '2027-03-29T07:00:00.000Z')))
          .send({ location: 'Room 3' })
          .expect(200)
      ).body;
      expect(created).toMatchObject({ assignedToId: seller.id, createdById: seller.id, location: 'Room 3' });
    });

    it("puts the change on the timeline of the series' records", async () => {
      const series = await createSeries({ leadId: lead.id });
      const created = await split(series.id, '2027-03-29T07:00:00.000Z', { subject: 'Stand-up v2' });
      const entries = (await asSeller(t.http.get(`/api/v1/leads/${lead.id}/timeline`)).expect(200)).body.items;
      expect(entries[0]).toMatchObject({
        kind: 'event_following_changed',
        summary: 'Meeting "Stand-up v2" changed from this occurrence on (2027-03-29 07:00 UTC)',
        data: { eventId: created.id, fromSeriesId: series.id, startAt: '2027-03-29T07:00:00.000Z' },
      });
    });
  });

  describe('refusals change nothing', () => {
    let series: { id: string; version: number; startAt: string };
    beforeEach(async () => {
      series = await createSeries({ attendeeUserIds: [other.id], leadId: lead.id });
    });
    const cutAt = '2027-03-29T07:00:00.000Z';

    it.each([
      ['a stale version (409)', () => following(series.id, cutAt), { subject: 'x', version: 99 }, 409, 'STALE_VERSION'],
      ['no occurrence there (404)', () => following(series.id, '2027-03-30T07:00:00.000Z'), { subject: 'x' }, 404, 'NOT_FOUND'],
      ['an unknown series (404)', () => following(MISSING, cutAt), { subject: 'x' }, 404, 'NOT_FOUND'],
      ['a start that is no date-time (400)', () => following(series.id, 'not-a-date'), { subject: 'x' }, 400, 'VALIDATION_FAILED'],
      ['an end before the start (400)', () => following(series.id, cutAt), { endAt: '2027-03-29T06:00:00Z' }, 400, 'VALIDATION_FAILED'],
      [
        'a recurrence with count and until (400)',
        () => following(series.id, cutAt),
        { recurrence: { frequency: 'weekly', interval: 1, count: 2, until: '2027-05-01' } },
        400,
        'VALIDATION_FAILED',
      ],
      ['an unknown property (400)', () => following(series.id, cutAt), { colour: 'red' }, 400, 'VALIDATION_FAILED'],
      ['an attendee that does not exist (400)', () => following(series.id, cutAt), { attendeeUserIds: [MISSING] }, 400, 'VALIDATION_FAILED'],
    ] as [string, () => string, Record<string, unknown>, number, string][])('refuses %s', async (_name, path, body, status, code) => {
      const before = await snapshot();
      const response = await asSeller(t.http.patch(path())).send(body).expect(status);
      expect(response.body.code).toBe(code);
      expect(await snapshot()).toEqual(before);
    });

    it("forbids a salesperson to cut someone else's series (403), changing or deleting", async () => {
      const before = await snapshot();
      await as(other)(t.http.patch(following(series.id, cutAt)))
        .send({ subject: 'Mine now' })
        .expect(403);
      await as(other)(t.http.delete(following(series.id, cutAt))).expect(403);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an event that does not recur, or an edited occurrence, as the series (422)', async () => {
      const single = (await asSeller(t.http.post('/api/v1/events')).send(standUp).expect(201)).body;
      const edited = (
        await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/${cutAt}`))
          .send({ location: 'Room 2' })
          .expect(200)
      ).body;
      const before = await snapshot();
      for (const [id, start] of [
        [single.id, single.startAt],
        [edited.id, cutAt],
      ]) {
        expect(
          (
            await asSeller(t.http.patch(following(id, start)))
              .send({ subject: 'x' })
              .expect(422)
          ).body.code,
        ).toBe('NOT_A_SERIES');
        await asSeller(t.http.delete(following(id, start))).expect(422);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses to delete from an occurrence the series does not have (404) or a malformed start (400)', async () => {
      const before = await snapshot();
      await asSeller(t.http.delete(following(series.id, '2027-03-30T07:00:00.000Z'))).expect(404);
      await asSeller(t.http.delete(following(series.id, 'soon'))).expect(400);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('deleting this and the following occurrences', () => {
    it('ends the series before the occurrence and deletes its edited occurrences from there on', async () => {
      const series = await createSeries({ recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 }, leadId: lead.id });
      await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-22T08:00:00.000Z`))
        .send({ location: 'Kept' })
        .expect(200);
      await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-04-12T07:00:00.000Z`))
        .send({ location: 'Gone' })
        .expect(200);

      await asSeller(t.http.delete(following(series.id, '2027-04-05T07:00:00.000Z'))).expect(204);

      expect(await get(series.id)).toMatchObject({ recurrence: { count: 3 }, seriesEndAt: '2027-03-29T07:30:00.000Z', version: series.version + 1 });
      expect(await rowsOf(series.id)).toMatchObject([{ location: 'Kept' }]);
      expect((await calendar()).map((o) => o.startAt)).toEqual(['2027-03-15T08:00:00.000Z', '2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
      const [entry] = (await asSeller(t.http.get(`/api/v1/leads/${lead.id}/timeline`)).expect(200)).body.items;
      expect(entry).toMatchObject({ kind: 'event_following_deleted', data: { eventId: series.id, startAt: '2027-04-05T07:00:00.000Z' } });
    });

    it('ends an endless series on the day before', async () => {
      const series = await createSeries();
      await asSeller(t.http.delete(following(series.id, '2027-03-29T07:00:00.000Z'))).expect(204);
      expect(await get(series.id)).toMatchObject({ recurrence: { until: '2027-03-28' }, seriesEndAt: '2027-03-22T08:30:00.000Z' });
      expect((await calendar()).map((o) => o.startAt)).toEqual(['2027-03-15T08:00:00.000Z', '2027-03-22T08:00:00.000Z']);
    });

    it('deletes the whole series from its first occurrence', async () => {
      const series = await createSeries();
      await asSeller(t.http.patch(`/api/v1/events/${series.id}/occurrences/2027-03-22T08:00:00.000Z`))
        .send({ location: 'Room 2' })
        .expect(200);
      await asSeller(t.http.delete(following(series.id, '2027-03-15T08:00:00.000Z'))).expect(204);
      expect(await t.dataSource.query(`SELECT id FROM events`)).toEqual([]);
      expect(await calendar()).toEqual([]);
    });
  });
});
