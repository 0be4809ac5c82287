// Browser tests of the calendar on the built app with the demo data: a
// meeting made by selecting a slot of the week view, dragged to the next day,
// stays there after a reload (and the API agrees); a refused move is put
// back with a message; one occurrence of a weekly series moved alone; a
// weekly series changed from its third occurrence on; another made to repeat
// every other week from its third occurrence on; an occurrence opened by a
// click, kept in the URL (Back closes it, a reload opens it again); an event
// made from a lead page; the iCal feed and a calendar of the menu; a
// reminder that falls due rings the bell live, and opens its event on the
// calendar (from the keyboard), again after a reload.
//
// FullCalendar selects and drags on pointer events after a few pixels of
// movement: selections and drags are mouse down, moves in steps, up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

/** `YYYY-MM-DD` of a date, `days` later, in the browser's zone (the test pins it). */
function isoDay(date, days = 0) {
  const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  return `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
}

/** A Tuesday two weeks ahead: clear of today's marker, and Wednesday is in the same week. */
function nextTuesday() {
  const now = new Date();
  const day = now.getDay();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 14 + ((2 - day + 7) % 7));
}

describe('the calendar', () => {
  let session;
  let server;
  let page;
  let pageErrors;

  const dialog = () => page.getByRole('dialog');
  const api = async (path) => {
    const response = await page.request.get(`${server.url}${path}`);
    assert.equal(response.status(), 200, `GET ${path}`);
    return response.json();
  };
  /** The middle of a day's column at a slot's time, in the week view. */
  async function slotPoint(day, time) {
    const column = await page.locator(`[data-testid="calendar"] [data-date="${day}"]`).last().boundingBox();
    const slot = await page.locator(`[data-testid="calendar"] [data-time="${time}"]`).last().boundingBox();
    return { x: column.x + column.width / 2, y: slot.y + slot.height / 2 };
  }
  /** The instant of a wall-clock time in the browser's zone (Paris: +01:00 or +02:00 by the date). */
  const local = (day, time) => page.evaluate(([d, t]) => new Date(`${d}T${t}`).toISOString(), [day, time]);
  /** A one-hour weekly meeting in Paris through the API, from `day` at `time` (local), repeating as `recurrence` adds. */
  async function createWeekly(subject, day, time, recurrence = {}) {
    const startAt = await local(day, time);
    const response = await page.request.post(`${server.url}/api/v1/events`, {
      data: {
        type: 'meeting',
        subject,
        startAt,
        endAt: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
        timeZone: 'Europe/Paris',
        recurrence: { frequency: 'weekly', interval: 1, ...recurrence },
      },
    });
    assert.equal(response.status(), 201);
    return response.json();
  }
  async function drag(from, to) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 4, from.y + 4, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 20 });
    await page.waitForTimeout(150);
    await page.mouse.up();
  }

  /** Grabs the event itself (a demo event may share its slot) and moves it straight across to another day's column. */
  async function dragAcross(item, day) {
    const box = await item.boundingBox();
    const grab = { x: box.x + box.width / 2, y: box.y + Math.min(10, box.height / 2) };
    const column = await page.locator(`[data-testid="calendar"] [data-date="${day}"]`).last().boundingBox();
    await drag(grab, { x: column.x + column.width / 2, y: grab.y });
  }

  before(async () => {
    session = await openBrowserSession({ name: 'calendar', demo: true, signIn: true, viewport: { width: 1600, height: 1000 }, timezoneId: 'Europe/Paris' });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('creates a meeting by selecting a slot, drags it to the next day, and it stays there', async () => {
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByText('Events', { exact: true }).click();
    await menu.getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL(/\/events/);
    // The view is in the URL: month and back to week.
    await page.getByRole('tab', { name: 'Month view' }).click();
    await page.waitForURL(/view=month/);
    await page.getByRole('tab', { name: 'Week view' }).click();
    await page.waitForURL((url) => !url.searchParams.has('view'));
    const tuesday = isoDay(nextTuesday());
    const wednesday = isoDay(nextTuesday(), 1);
    // The URL holds the calendar's place: a bookmark of that week.
    await page.goto(`${server.url}/events?view=week&date=${tuesday}`);
    await page.locator(`[data-testid="calendar"] [data-date="${tuesday}"]`).first().waitFor();

    const from = await slotPoint(tuesday, '10:00:00');
    const to = await slotPoint(tuesday, '10:30:00');
    await drag(from, to);
    await dialog()
      .getByLabel(/^Subject/)
      .waitFor();
    assert.equal(
      await dialog()
        .getByLabel(/^Start/)
        .inputValue(),
      `${tuesday}T10:00`,
    );
    assert.equal(await dialog().getByLabel(/^End/).inputValue(), `${tuesday}T11:00`);
    await dialog()
      .getByLabel(/^Subject/)
      .fill('Kick-off with Vance Robotics');
    const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/events') && response.request().method() === 'POST');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    const createdResponse = await created;
    assert.equal(createdResponse.status(), 201);
    const event = await createdResponse.json();
    assert.equal(event.type, 'meeting');
    assert.equal(event.timeZone, 'Europe/Paris');
    assert.equal(new Date(event.startAt).toISOString(), await local(tuesday, '10:00'));

    const item = page.locator(`[data-testid="calendar-event"][data-event-id="${event.id}"]`);
    await item.waitFor();
    const moved = page.waitForResponse((response) => response.url().endsWith(`/api/v1/events/${event.id}`) && response.request().method() === 'PATCH');
    // the form's closing overlay would take the mouse down (and the drag become a text selection)
    await dialog().waitFor({ state: 'detached' });
    await dragAcross(item, wednesday);
    const movedResponse = await moved;
    assert.equal(movedResponse.status(), 200);

    await page.reload();
    await item.waitFor();
    const column = await page.locator(`[data-testid="calendar"] [data-date="${wednesday}"]`).last().boundingBox();
    const after = await item.boundingBox();
    assert.ok(after.x >= column.x - 1 && after.x < column.x + column.width, 'the meeting is in Wednesday’s column');
    const saved = await api(`/api/v1/events/${event.id}`);
    assert.equal(new Date(saved.startAt).toISOString(), await local(wednesday, '10:00'));
    assert.equal(new Date(saved.endAt).toISOString(), await local(wednesday, '11:00'));
    assert.equal(saved.version, event.version + 1);
    assert.deepEqual(pageErrors, []);
  });

  it('puts a moved event back and says why when the API refuses (changed meanwhile)', async () => {
    const tuesday = isoDay(nextTuesday());
    const thursday = isoDay(nextTuesday(), 2);
    const response = await page.request.post(`${server.url}/api/v1/events`, {
      data: { type: 'call', subject: 'Stale call', startAt: await local(tuesday, '16:00'), endAt: await local(tuesday, '16:30') },
    });
    const event = await response.json();
    await page.goto(`${server.url}/events?date=${tuesday}`);
    const item = page.locator(`[data-testid="calendar-event"][data-event-id="${event.id}"]`);
    await item.waitFor();
    // Someone else changes it after the calendar loaded it: the calendar's version is stale.
    const changed = await page.request.patch(`${server.url}/api/v1/events/${event.id}`, { data: { location: 'Phone', version: event.version } });
    assert.equal(changed.status(), 200);

    const refused = page.waitForResponse((answer) => answer.url().endsWith(`/api/v1/events/${event.id}`) && answer.request().method() === 'PATCH');
    await dragAcross(item, thursday);
    assert.equal((await refused).status(), 409);
    await page.getByText('The event was not moved').waitFor();
    const column = await page.locator(`[data-testid="calendar"] [data-date="${tuesday}"]`).last().boundingBox();
    await page.waitForFunction(
      ({ id, left, right }) => {
        const box = document.querySelector(`[data-testid="calendar-event"][data-event-id="${id}"]`)?.getBoundingClientRect();
        return box && box.left >= left - 1 && box.left < right;
      },
      { id: event.id, left: column.x, right: column.x + column.width },
    );
    assert.equal(new Date((await api(`/api/v1/events/${event.id}`)).startAt).toISOString(), new Date(event.startAt).toISOString());
  });

  it('moves one occurrence of a weekly series, leaving the others', async () => {
    const tuesday = isoDay(nextTuesday());
    const friday = isoDay(nextTuesday(), 3);
    const series = await createWeekly('Weekly pipeline review', isoDay(nextTuesday(), -7 + 2), '14:00', { count: 3 });
    await page.goto(`${server.url}/events?date=${tuesday}`);
    await page.locator(`[data-testid="calendar-event"][data-event-id="${series.id}"]`).waitFor();

    await dragAcross(page.locator(`[data-testid="calendar-event"][data-event-id="${series.id}"]`).first(), friday);
    const moved = page.waitForResponse((answer) => answer.url().includes(`/api/v1/events/${series.id}/occurrences/`) && answer.request().method() === 'PATCH');
    await dialog().getByRole('button', { name: 'This occurrence' }).click();
    assert.equal((await moved).status(), 200);

    const inRange = async (from, to) =>
      (await api(`/api/v1/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).items.filter((item) => item.seriesId === series.id);
    const thisWeek = await inRange(await local(tuesday, '00:00'), await local(isoDay(nextTuesday(), 6), '00:00'));
    assert.deepEqual(
      thisWeek.map((item) => new Date(item.startAt).toISOString()),
      [await local(friday, '14:00')],
    );
    const nextWeek = await inRange(await local(isoDay(nextTuesday(), 6), '00:00'), await local(isoDay(nextTuesday(), 13), '00:00'));
    assert.deepEqual(
      nextWeek.map((item) => new Date(item.startAt).toISOString()),
      [await local(isoDay(nextTuesday(), 9), '14:00')],
    );
    assert.deepEqual(pageErrors, []);
  });

  it('changes a weekly meeting from its third occurrence on ("This and following"), the first two keep the old subject', async () => {
    const wednesdays = [0, 7, 14, 21].map((days) => isoDay(nextTuesday(), 1 + days));
    const series = await createWeekly('Weekly forecast', wednesdays[0], '11:00', { count: 4 });
    await page.goto(`${server.url}/events?date=${wednesdays[2]}`);
    await page.locator(`[data-testid="calendar-event"][data-event-id="${series.id}"]`).click();
    await dialog()
      .getByLabel(/^Subject/)
      .fill('Weekly forecast, new format');
    const saved = page.waitForResponse((answer) => answer.url().endsWith('/following') && answer.request().method() === 'PATCH');
    await dialog().getByRole('button', { name: 'Save' }).click();
    // the form stays open under the question: the question is the dialog of that name
    await page.getByRole('dialog', { name: 'Change a recurring event' }).getByRole('button', { name: 'This and following' }).click();
    const savedResponse = await saved;
    assert.equal(savedResponse.status(), 200);
    const created = await savedResponse.json();
    assert.equal(new Date(created.startAt).toISOString(), await local(wednesdays[2], '11:00'));
    // the form, opened by the click, closes by going back to the calendar's entry: done before leaving the page
    await page.waitForURL((url) => !url.searchParams.has('event'));

    const expected = [
      [series.id, 'Weekly forecast'],
      [series.id, 'Weekly forecast'],
      [created.id, 'Weekly forecast, new format'],
      [created.id, 'Weekly forecast, new format'],
    ];
    for (const [index, [id, subject]] of expected.entries()) {
      await page.goto(`${server.url}/events?date=${wednesdays[index]}`);
      await page.locator(`[data-testid="calendar-event"][data-event-id="${id}"]`).getByText(subject, { exact: true }).waitFor();
    }
    const range = `from=${encodeURIComponent(await local(wednesdays[0], '00:00'))}&to=${encodeURIComponent(await local(isoDay(nextTuesday(), 28), '00:00'))}`;
    const items = (await api(`/api/v1/events?${range}`)).items.filter((item) => item.seriesId === series.id || item.seriesId === created.id);
    assert.deepEqual(
      items.map((item) => [item.seriesId, new Date(item.startAt).toISOString(), item.subject]),
      await Promise.all(expected.map(async ([id, subject], index) => [id, await local(wednesdays[index], '11:00'), subject])),
    );
    assert.deepEqual(pageErrors, []);
  });

  it('repeats a weekly meeting every other week from its third occurrence on ("This and following"), the first two unchanged', async () => {
    const thursdays = [0, 7, 14, 21, 28, 35].map((days) => isoDay(nextTuesday(), 2 + days));
    const series = await createWeekly('Account review', thursdays[0], '16:00');
    await page.goto(`${server.url}/events?date=${thursdays[2]}`);
    await page.locator(`[data-testid="calendar-event"][data-event-id="${series.id}"]`).click();
    // the occurrence's form shows the series' repetition
    const every = dialog().getByLabel('Every (weeks)');
    assert.equal(await every.inputValue(), '1');
    await every.fill('2');
    const saved = page.waitForResponse((answer) => answer.url().endsWith('/following') && answer.request().method() === 'PATCH');
    await dialog().getByRole('button', { name: 'Save' }).click();
    // one occurrence cannot repeat on its own: only this and the following ones, or the whole series
    const question = page.getByRole('dialog', { name: 'Change how a recurring event repeats' });
    await question.getByRole('button', { name: 'Whole series' }).waitFor();
    assert.equal(await question.getByRole('button', { name: 'This occurrence' }).count(), 0);
    await question.getByRole('button', { name: 'This and following' }).click();
    const savedResponse = await saved;
    assert.equal(savedResponse.status(), 200);
    const created = await savedResponse.json();
    assert.equal(created.recurrence.interval, 2);
    await page.waitForURL((url) => !url.searchParams.has('event'));

    const range = `from=${encodeURIComponent(await local(thursdays[0], '00:00'))}&to=${encodeURIComponent(await local(thursdays[5], '23:00'))}`;
    const items = (await api(`/api/v1/events?${range}`)).items.filter((item) => item.seriesId === series.id || item.seriesId === created.id);
    const at = (day) => local(day, '16:00');
    assert.deepEqual(
      items.map((item) => [item.seriesId, new Date(item.startAt).toISOString()]),
      [
        [series.id, await at(thursdays[0])],
        [series.id, await at(thursdays[1])],
        [created.id, await at(thursdays[2])],
        [created.id, await at(thursdays[4])],
      ],
    );
    assert.deepEqual(pageErrors, []);
  });

  it('opens an occurrence by a click and keeps it in the URL: Back closes it, a reload opens it again', async () => {
    const tuesday = isoDay(nextTuesday());
    const series = await createWeekly('Weekly stand-up', isoDay(nextTuesday(), -7), '08:30', { count: 3 });
    const occurrence = await local(tuesday, '08:30');
    const form = page.getByRole('dialog', { name: 'Edit Weekly stand-up' });
    const opensTuesdays = async () => {
      await form.waitFor();
      assert.equal(await form.getByLabel(/^Start/).inputValue(), `${tuesday}T08:30`);
    };
    await page.goto(`${server.url}/events?date=${tuesday}`);
    await page.locator(`[data-testid="calendar-event"][data-event-id="${series.id}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('event') === series.id && url.searchParams.get('occurrence') === occurrence);
    await opensTuesdays();

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('date') === tuesday && !url.searchParams.has('event'));
    await dialog().waitFor({ state: 'detached' });
    await page.goForward();
    await opensTuesdays();
    // a reload (or the URL shared) opens the same occurrence, not the series' first
    await page.reload();
    await opensTuesdays();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === tuesday && !url.searchParams.has('event'));
    await dialog().waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });

  it('creates an event from a lead page, linked to the lead', async () => {
    const leads = await api('/api/v1/leads?pageSize=1&sort=-createdAt');
    const lead = leads.items[0];
    await page.goto(`${server.url}/leads/${lead.id}?tab=events`);
    await page.getByRole('table', { name: 'Events' }).waitFor();
    await page.getByRole('button', { name: 'New event' }).click();
    await dialog().getByText('Call', { exact: true }).click();
    await dialog()
      .getByLabel(/^Subject/)
      .fill('First call');
    const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/events') && response.request().method() === 'POST');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    const event = await (await created).json();
    assert.equal(event.leadId, lead.id);
    assert.equal(event.type, 'call');
    assert.equal(event.callDirection, 'outbound');
    await page.getByRole('table', { name: 'Events' }).getByRole('cell', { name: 'First call' }).waitFor();
  });

  it('shows the iCal feed address, and a calendar of the menu', async () => {
    await page.goto(`${server.url}/configuration/calendars`);
    await page.getByRole('button', { name: 'Subscribe (iCal)' }).click();
    const feedInput = page.getByRole('textbox', { name: 'Feed URL' });
    await page.waitForFunction(() => document.querySelector('input[aria-label="Feed URL"]')?.value.startsWith('http'));
    const feedUrl = await feedInput.inputValue();
    const feed = await page.request.get(feedUrl);
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'], /text\/calendar/);
    assert.match(await feed.text(), /BEGIN:VCALENDAR/);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New calendar' }).click();
    await dialog().getByLabel(/^Name/).fill('Admin desk');
    await dialog().getByLabel('Followed users', { exact: true }).click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await page.keyboard.press('Escape');
    const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/calendars') && response.request().method() === 'POST');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    const calendar = await (await created).json();
    assert.equal(calendar.inMenu, true);
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByText('Events', { exact: true }).click();
    const shown = page.waitForResponse((response) => response.url().includes('/api/v1/events?') && response.url().includes(`calendarId=${calendar.id}`));
    await menu.getByRole('link', { name: 'Admin desk' }).click();
    await page.waitForURL(`**/events?calendarId=${calendar.id}`);
    assert.equal((await shown).status(), 200);
    // The calendar follows the administrator: their meeting from the first test is on it.
    await page.goto(`${server.url}/events?calendarId=${calendar.id}&date=${isoDay(nextTuesday())}`);
    await page.getByTestId('calendar').getByText('Kick-off with Vance Robotics').waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('rings the bell when a reminder falls due, and opens its event from there', async () => {
    const before = (await api('/api/v1/notifications/unread-count')).unread;
    // Due now: two minutes before a call that starts in two minutes.
    const startAt = new Date(Date.now() + 2 * 60_000).toISOString();
    const endAt = new Date(Date.now() + 32 * 60_000).toISOString();
    const response = await page.request.post(`${server.url}/api/v1/events`, {
      data: { type: 'call', subject: 'Call back Nora', startAt, endAt, reminders: [{ offsetMinutes: 2, channel: 'notification' }] },
    });
    assert.equal(response.status(), 201);
    const call = await response.json();
    // Live: the stream brings it, no reload; its toast links to the call too.
    await page.getByRole('button', { name: `Notifications: ${before + 1} unread` }).waitFor({ timeout: 60_000 });
    const toastLink = page.getByRole('link', { name: /^Open: .*Call back Nora/ });
    await toastLink.waitFor();
    assert.equal(new URL(await toastLink.getAttribute('href'), server.url).searchParams.get('event'), call.id);
    await page.getByRole('button', { name: `Notifications: ${before + 1} unread` }).click();
    const notification = page.getByTestId('notification').filter({ hasText: 'Call back Nora' });
    await notification.waitFor();
    // From the keyboard: following it marks it read and opens the call's form on the calendar, at its day.
    await notification.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/events' && url.searchParams.get('event') === call.id);
    await page.getByRole('dialog', { name: 'Edit Call back Nora' }).waitFor();
    assert.equal(
      await dialog()
        .getByLabel(/^Subject/)
        .inputValue(),
      'Call back Nora',
    );
    await page.getByRole('button', { name: before === 0 ? 'Notifications' : `Notifications: ${before} unread`, exact: true }).waitFor();
    assert.equal((await api('/api/v1/notifications/unread-count')).unread, before);
    // The URL opens it again after a reload (or as a shared link); closing the form takes it out of the URL.
    await page.reload();
    await page.getByRole('dialog', { name: 'Edit Call back Nora' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === '/events' && !url.searchParams.has('event'));
    await dialog().waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
