import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Test } from 'supertest';
import { CalendarsService } from '../src/modules/calendars/calendars.service';
import { startTestApp, TestApp } from './support/test-app';
import { startApiProcess } from './support/worker-apps';

type User = { id: string; token: string };

describe('calendars: configurations, the menu and the iCalendar feed', () => {
  let t: TestApp;
  let manager: User;
  let jane: User;
  let joe: User;
  let outsider: User;
  let teamId: string;
  const as = (user: User | string) => (req: Test) => req.auth(typeof user === 'string' ? user : user.token, { type: 'bearer' });
  const stored = async (id: string) => (await t.dataSource.query(`SELECT name, colour, in_menu, version FROM calendars WHERE id = $1`, [id]))[0];
  const count = async () => Number((await t.dataSource.query(`SELECT count(*) FROM calendars`))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.signInAs('manager');
    jane = await t.signInAs('salesperson');
    joe = await t.signInAs('salesperson');
    outsider = await t.signInAs('salesperson');
    teamId = (
      await as(t.adminToken)(t.http.post('/api/v1/teams'))
        .send({ name: 'Key accounts', memberIds: [manager.id, jane.id, joe.id] })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  describe('configurations', () => {
    it('creates my own calendar by default, following users and teams', async () => {
      const created = await as(jane)(t.http.post('/api/v1/calendars'))
        .send({ name: 'My follow-ups', followedUserIds: [joe.id], followedTeamIds: [teamId], inMenu: true })
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'My follow-ups',
        ownerUserId: jane.id,
        ownerTeamId: null,
        followedUserIds: [joe.id],
        followedTeamIds: [teamId],
        colour: '#3b82f6',
        inMenu: true,
        version: 1,
      });
      expect(
        await t.app.get(CalendarsService).followedUserIds(created.body.id, { id: jane.id, email: '', name: '', role: 'salesperson', tokenId: '' }),
      ).toEqual(expect.arrayContaining([joe.id, manager.id, jane.id]));
    });

    it('lets a team manager make a team calendar that its members see, in their menu, but only the manager changes', async () => {
      const team = await as(manager)(t.http.post('/api/v1/calendars'))
        .send({ name: 'Team week', ownerTeamId: teamId, followedTeamIds: [teamId], colour: '#16a34a', inMenu: true })
        .expect(201);
      const id = team.body.id as string;
      expect(team.body).toMatchObject({ ownerUserId: null, ownerTeamId: teamId });
      await as(joe)(t.http.get(`/api/v1/calendars/${id}`)).expect(200);
      const joesMenu = await as(joe)(t.http.get('/api/v1/calendars/menu')).expect(200);
      expect(joesMenu.body.map((c: { name: string }) => c.name)).toContain('Team week');
      const outsidersMenu = await as(outsider)(t.http.get('/api/v1/calendars/menu')).expect(200);
      expect(outsidersMenu.body.map((c: { name: string }) => c.name)).not.toContain('Team week');

      const before = await stored(id);
      await as(joe)(t.http.patch(`/api/v1/calendars/${id}`))
        .send({ name: 'Hijacked' })
        .expect(403);
      await as(joe)(t.http.delete(`/api/v1/calendars/${id}`)).expect(403);
      expect(await stored(id)).toEqual(before);
      const renamed = await as(manager)(t.http.patch(`/api/v1/calendars/${id}`))
        .send({ name: 'Team month', version: 1 })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: 'Team month', version: 2 });
    });

    it('keeps calendars out of sight of those they do not belong to (403), except for an admin', async () => {
      const mine = (await as(jane)(t.http.post('/api/v1/calendars')).send({ name: 'Private' }).expect(201)).body;
      await as(outsider)(t.http.get(`/api/v1/calendars/${mine.id}`)).expect(403);
      const before = await stored(mine.id);
      await as(outsider)(t.http.patch(`/api/v1/calendars/${mine.id}`))
        .send({ name: 'Mine now' })
        .expect(403);
      await as(outsider)(t.http.delete(`/api/v1/calendars/${mine.id}`)).expect(403);
      expect(await stored(mine.id)).toEqual(before);
      const outsidersList = await as(outsider)(t.http.get('/api/v1/calendars')).expect(200);
      expect(outsidersList.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.id);
      await expect(
        t.app.get(CalendarsService).followedUserIds(mine.id, { id: outsider.id, email: '', name: '', role: 'salesperson', tokenId: '' }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await as(t.adminToken)(t.http.get(`/api/v1/calendars/${mine.id}`)).expect(200);
      const all = await as(t.adminToken)(t.http.get(`/api/v1/calendars?ownerUserId=${jane.id}`)).expect(200);
      expect(all.body.items.map((c: { id: string }) => c.id)).toContain(mine.id);
      const searched = await as(jane)(t.http.get('/api/v1/calendars?q=priv')).expect(200);
      expect(searched.body.items.map((c: { name: string }) => c.name)).toEqual(['Private']);
    });

    it('refuses calendars for someone else or a team one does not manage (403), creating nothing', async () => {
      const before = await count();
      await as(jane)(t.http.post('/api/v1/calendars')).send({ name: 'For joe', ownerUserId: joe.id }).expect(403);
      await as(jane)(t.http.post('/api/v1/calendars')).send({ name: 'For the team', ownerTeamId: teamId }).expect(403);
      await as(outsider)(t.http.post('/api/v1/calendars')).send({ name: 'Not my team', ownerTeamId: teamId }).expect(403);
      expect(await count()).toBe(before);
      const admins = await as(t.adminToken)(t.http.post('/api/v1/calendars')).send({ name: 'Given to joe', ownerUserId: joe.id }).expect(201);
      expect(admins.body.ownerUserId).toBe(joe.id);
    });

    it('refuses invalid input (400) and a stale version (409), changing nothing', async () => {
      const before = await count();
      const missingUser = await as(jane)(t.http.post('/api/v1/calendars'))
        .send({ name: 'x', followedUserIds: ['01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41'] })
        .expect(400);
      expect(missingUser.body.errors).toEqual([expect.objectContaining({ field: 'followedUserIds' })]);
      const bad = await as(jane)(t.http.post('/api/v1/calendars'))
        .send({ name: '', colour: 'green', followedTeamIds: ['nope'], extra: 1 })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'colour', 'followedTeamIds']));
      await as(t.adminToken)(t.http.post('/api/v1/calendars')).send({ name: 'two owners', ownerUserId: jane.id, ownerTeamId: teamId }).expect(400);
      expect(await count()).toBe(before);

      const mine = (await as(jane)(t.http.post('/api/v1/calendars')).send({ name: 'Versioned' }).expect(201)).body;
      await as(jane)(t.http.patch(`/api/v1/calendars/${mine.id}`))
        .send({ name: 'first', version: 1 })
        .expect(200);
      await as(jane)(t.http.patch(`/api/v1/calendars/${mine.id}`))
        .send({ name: 'second', version: 1 })
        .expect(409);
      expect(await stored(mine.id)).toMatchObject({ name: 'first', version: 2 });
      await as(jane)(t.http.get('/api/v1/calendars/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41')).expect(404);
      await as(jane)(t.http.delete(`/api/v1/calendars/${mine.id}`)).expect(204);
      await as(jane)(t.http.get(`/api/v1/calendars/${mine.id}`)).expect(404);
    });
  });

  describe('the iCalendar feed', () => {
    const zone = 'Europe/Paris';
    // next week's Monday at 09:00 in Paris, weekly six times
    const firstMonday = DateTime.now().setZone(zone).plus({ weeks: 1 }).startOf('week').set({ hour: 9 });
    const occurrence = (n: number) => firstMonday.plus({ weeks: n }).toUTC().toISO()!;
    let seriesId: string;
    let singleId: string;

    const feedText = async (url: string) => {
      const response = await t.http
        .get(new URL(url).pathname)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => done(null, text));
        });
      return response;
    };

    beforeAll(async () => {
      const events = (body: object) => as(jane)(t.http.post('/api/v1/events')).send(body).expect(201);
      singleId = (
        await events({
          type: 'meeting',
          subject: 'Demo at Acme',
          location: 'Acme HQ, Lyon',
          startAt: firstMonday.plus({ days: 2, hours: 5 }).toISO(),
          endAt: firstMonday.plus({ days: 2, hours: 6 }).toISO(),
          timeZone: zone,
          reminders: [{ offsetMinutes: 30, channel: 'notification' }],
        })
      ).body.id;
      seriesId = (
        await events({
          type: 'meeting',
          subject: 'Weekly sync',
          startAt: firstMonday.toISO(),
          endAt: firstMonday.plus({ minutes: 30 }).toISO(),
          timeZone: zone,
          recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 6 },
          reminders: [{ offsetMinutes: 10, channel: 'notification' }],
        })
      ).body.id;
      await as(jane)(t.http.patch(`/api/v1/events/${seriesId}/occurrences/${occurrence(1)}`))
        .send({
          subject: 'Weekly sync (moved)',
          startAt: firstMonday.plus({ weeks: 1, hours: 2 }).toISO(),
          endAt: firstMonday.plus({ weeks: 1, hours: 2, minutes: 30 }).toISO(),
        })
        .expect(200);
      await as(jane)(t.http.delete(`/api/v1/events/${seriesId}/occurrences/${occurrence(2)}`)).expect(204);
      // someone else's event must not show in jane's feed
      await as(joe)(t.http.post('/api/v1/events'))
        .send({ type: 'call', subject: 'Joe calls', startAt: firstMonday.toISO(), endAt: firstMonday.plus({ minutes: 10 }).toISO() })
        .expect(201);
    });

    it('serves my events as RFC 5545 that a real parser reads: the series as RRULE with its override and EXDATE, reminders, time zone', async () => {
      const { url } = (await as(jane)(t.http.get('/api/v1/calendar/feed')).expect(200)).body;
      expect(url).toMatch(/^http:\/\/[^/]+\/api\/v1\/calendar\/feed\/crm_cal_[\w-]+\.ics$/);
      // the same address every time (the host is whatever the request came to)
      const path = (u: string) => new URL(u).pathname;
      expect(path((await as(jane)(t.http.get('/api/v1/calendar/feed')).expect(200)).body.url)).toBe(path(url));

      const response = await feedText(url);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/calendar');
      const text = response.body as string;
      expect(text).not.toContain('Joe calls');

      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
      expect(calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toContain(zone);
      const vevents = calendar.getAllSubcomponents('vevent');

      const single = new ICAL.Event(vevents.find((v) => v.getFirstPropertyValue('summary') === 'Demo at Acme'));
      expect(single.uid).toBe(`${singleId}@crm`);
      expect(single.location).toContain('Acme HQ');
      expect(single.startDate.zone.tzid).toBe(zone);
      expect(text).toMatch(/DTSTART;TZID=Europe\/Paris:\d{8}T\d{6}\r\n/);
      expect(single.startDate.toJSDate().toISOString()).toBe(firstMonday.plus({ days: 2, hours: 5 }).toUTC().toISO());
      const alarm = single.component.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT30M');

      const parts = vevents.filter((v) => v.getFirstPropertyValue('uid') === `${seriesId}@crm`);
      const master = new ICAL.Event(parts.find((v) => !v.hasProperty('recurrence-id')));
      const override = parts.find((v) => v.hasProperty('recurrence-id'))!;
      expect(master.isRecurring()).toBe(true);
      expect(text).toContain('\r\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6\r\n');
      const rule = master.component.getFirstPropertyValue('rrule') as ICAL.Recur;
      expect([rule.freq, rule.count, rule.parts.BYDAY]).toEqual(['WEEKLY', 6, ['MO']]);
      expect(master.component.getAllProperties('exdate').map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().toISOString())).toEqual([occurrence(2)]);
      master.relateException(override);

      // the parser's own expansion: 6 weekly occurrences less the cancelled one, the edited one moved
      const iterator = master.iterator();
      const seen: { start: string; summary: string }[] = [];
      for (let next = iterator.next(); next; next = iterator.next()) {
        const details = master.getOccurrenceDetails(next);
        seen.push({ start: details.startDate.toJSDate().toISOString(), summary: details.item.summary });
      }
      expect(seen).toEqual([
        { start: occurrence(0), summary: 'Weekly sync' },
        { start: firstMonday.plus({ weeks: 1, hours: 2 }).toUTC().toISO(), summary: 'Weekly sync (moved)' },
        { start: occurrence(3), summary: 'Weekly sync' },
        { start: occurrence(4), summary: 'Weekly sync' },
        { start: occurrence(5), summary: 'Weekly sync' },
      ]);
    });

    it.each([
      ['Europe/Paris', 'with its VTIMEZONE'],
      ['Europe/Kyiv', 'a zone the generator has no VTIMEZONE for, whose timed events go out in UTC'],
    ])(
      'writes an all-day series in %s (%s) with DATEs only: DTSTART, EXDATE, and the RECURRENCE-ID that puts its override in place of its own occurrence',
      async (allDayZone) => {
        // Mondays at local midnight from next week, weekly four times
        const week = (n: number) =>
          DateTime.now()
            .setZone(allDayZone)
            .plus({ weeks: 1 + n })
            .startOf('week');
        const date = (day: DateTime) => day.toFormat('yyyyLLdd');
        const subject = `Offsite ${allDayZone}`;
        const series = (
          await as(jane)(t.http.post('/api/v1/events'))
            .send({
              type: 'event',
              subject,
              allDay: true,
              timeZone: allDayZone,
              startAt: week(0).toISO(),
              endAt: week(0).plus({ days: 1 }).toISO(),
              recurrence: { frequency: 'weekly', interval: 1, count: 4 },
            })
            .expect(201)
        ).body as { id: string };
        // the second moved to its Wednesday, the third cancelled
        await as(jane)(t.http.patch(`/api/v1/events/${series.id}/occurrences/${week(1).toUTC().toISO()}`))
          .send({ subject: `${subject} (moved)`, startAt: week(1).plus({ days: 2 }).toISO(), endAt: week(1).plus({ days: 3 }).toISO() })
          .expect(200);
        await as(jane)(t.http.delete(`/api/v1/events/${series.id}/occurrences/${week(2).toUTC().toISO()}`)).expect(204);

        const { url } = (await as(jane)(t.http.get('/api/v1/calendar/feed')).expect(200)).body;
        const text = (await feedText(url)).body as string;
        const parts = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('uid') === `${series.id}@crm`);
        const master = new ICAL.Event(parts.find((v) => !v.hasProperty('recurrence-id')));
        const override = parts.find((v) => v.hasProperty('recurrence-id'))!;
        // RFC 5545 3.8.4.4: RECURRENCE-ID has the value type of the series' DTSTART, here a DATE, as are the EXDATEs
        expect(master.component.getFirstProperty('dtstart')!.toICALString()).toBe(`DTSTART;VALUE=DATE:${date(week(0))}`);
        expect(master.component.getFirstProperty('exdate')!.toICALString()).toBe(`EXDATE;VALUE=DATE:${date(week(2))}`);
        expect(override.getFirstProperty('recurrence-id')!.toICALString()).toBe(`RECURRENCE-ID;VALUE=DATE:${date(week(1))}`);
        expect(override.getFirstProperty('dtstart')!.toICALString()).toBe(`DTSTART;VALUE=DATE:${date(week(1).plus({ days: 2 }))}`);
        expect(text).not.toContain('X-CRM-');

        // the parser's own expansion: the override replaces the second Monday (not added beside it), the third is gone
        master.relateException(override);
        const iterator = master.iterator();
        const seen: { day: string; summary: string }[] = [];
        for (let next = iterator.next(); next; next = iterator.next()) {
          const details = master.getOccurrenceDetails(next);
          seen.push({ day: details.startDate.toString(), summary: details.item.summary });
        }
        expect(seen).toEqual([
          { day: week(0).toISODate(), summary: subject },
          { day: week(1).plus({ days: 2 }).toISODate(), summary: `${subject} (moved)` },
          { day: week(3).toISODate(), summary: subject },
        ]);
      },
    );

    it('stops serving the old URL once regenerated (404), and serves the new one', async () => {
      const old = (await as(jane)(t.http.get('/api/v1/calendar/feed')).expect(200)).body.url as string;
      const fresh = (await as(jane)(t.http.post('/api/v1/calendar/feed/regenerate')).expect(200)).body.url as string;
      const path = (u: string) => new URL(u).pathname;
      expect(path(fresh)).not.toBe(path(old));
      expect((await feedText(old)).status).toBe(404);
      expect((await feedText(fresh)).status).toBe(200);
      expect(path((await as(jane)(t.http.get('/api/v1/calendar/feed')).expect(200)).body.url)).toBe(path(fresh));
      const stored = await t.dataSource.query(`SELECT token_hash FROM calendar_feeds WHERE user_id = $1`, [jane.id]);
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(fresh).not.toContain(stored[0].token_hash);
    });

    it('gives the feed address under CRM_PUBLIC_URL when set (a proxy ends TLS), and as the request reached it otherwise', async () => {
      const asReached = (await as(jane)(t.http.get('/api/v1/calendar/feed')).set('host', 'crm.internal:8080').expect(200)).body.url as string;
      expect(asReached).toMatch(/^http:\/\/crm\.internal:8080\/api\/v1\/calendar\/feed\/crm_cal_[\w-]+\.ics$/);

      // another API process on the same database, configured with the public address
      const proxied = await startApiProcess((t.dataSource.options as { url: string }).url, {
        runWorkers: false,
        env: { CRM_PUBLIC_URL: 'https://crm.example.com/' },
      });
      try {
        const published = (await as(jane)(proxied.http.get('/api/v1/calendar/feed')).set('host', 'crm.internal:8080').expect(200)).body.url as string;
        expect(published).toBe(asReached.replace('http://crm.internal:8080/', 'https://crm.example.com/'));
        const regenerated = (await as(jane)(proxied.http.post('/api/v1/calendar/feed/regenerate')).expect(200)).body.url as string;
        expect(regenerated).toMatch(/^https:\/\/crm\.example\.com\/api\/v1\/calendar\/feed\/crm_cal_[\w-]+\.ics$/);
        expect((await feedText(regenerated)).status).toBe(200);
      } finally {
        await proxied.close();
      }
    });

    it('answers 404 for a made-up token and 401 for the feed address without authentication', async () => {
      await t.http.get('/api/v1/calendar/feed/crm_cal_madeup.ics').expect(404);
      await t.http.get('/api/v1/calendar/feed/anything').expect(404);
      await t.http.get('/api/v1/calendar/feed').expect(401);
      await t.http.post('/api/v1/calendar/feed/regenerate').expect(401);
    });
  });
});
