// Browser tests of the home page and the events lists on the built app with
// the demo data, signed in as the demo salesperson: the home page's panels;
// an overdue task (made through the API: the demo has none) ticked done from
// Events > Tasks > Overdue, which it then leaves; a call of today marked held
// from Events > Calls with the keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession, signIn } from '../support/browser-session.mjs';

const HOUR = 3_600_000;

describe('the home page and the events lists', () => {
  let session;
  let server;
  let page;
  let pageErrors;
  let overdueTask;
  let todaysCall;

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  /** The menu's entry of the page shown. */
  const current = (name) => nav().getByRole('link', { name, exact: true }).and(page.locator('[aria-current="page"]'));
  const api = async (method, path, data) => {
    const response = await page.request[method](`${server.url}${path}`, data ? { data } : undefined);
    assert.ok(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()}`);
    return response.json();
  };
  /** An event of the signed-in salesperson, through the API. */
  const createEvent = (fields) => api('post', '/api/v1/events', fields);

  before(async () => {
    session = await openBrowserSession({ name: 'activities', demo: true, viewport: { width: 1280, height: 900 } });
    ({ server, page, pageErrors } = session);
    await signIn(page, server.url, { email: 'sam@example.com', password: 'demo1234' });
    const twoDaysAgo = Date.now() - 48 * HOUR;
    overdueTask = await createEvent({
      type: 'task',
      subject: 'Send the overdue proposal',
      priority: 'high',
      startAt: new Date(twoDaysAgo).toISOString(),
      endAt: new Date(twoDaysAgo + HOUR).toISOString(),
    });
    // around now: today in any time zone
    todaysCall = await createEvent({
      type: 'call',
      subject: 'Call Nora about the quote',
      callDirection: 'outbound',
      startAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      endAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
  });

  after(() => session?.close());

  it('opens on the home page with my pipeline, objectives, week and overdue tasks', async () => {
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { name: 'Hello, Sam Seller' }).waitFor();
    await current('Home').waitFor();

    const pipeline = page.getByRole('region', { name: 'My pipeline' });
    await pipeline.getByRole('table', { name: 'Weighted pipeline by stage' }).or(pipeline.getByText('No open opportunities')).waitFor();
    const objectives = page.getByRole('region', { name: 'My objectives this month' });
    await objectives.getByTestId('home-objective').first().or(objectives.getByText('No objective for this month')).waitFor();

    const week = page.getByRole('region', { name: 'My calls and meetings this week' });
    const plannedCalls = week.getByRole('link', { name: /calls? planned this week$/ });
    await plannedCalls.waitFor();
    assert.ok(Number(await plannedCalls.textContent()) >= 1, 'the call made for today counts');

    const overdue = page.getByRole('region', { name: 'My overdue tasks' });
    await overdue.getByRole('checkbox', { name: 'Done: Send the overdue proposal' }).waitFor();
    assert.equal(await overdue.getByTestId('overdue-count').textContent(), '1');
    // a salesperson sees their own figures only
    assert.equal(await page.getByRole('textbox', { name: 'Show figures of' }).count(), 0);
  });

  it('ticks an overdue task done from Events > Tasks > Overdue, and it leaves the list', async () => {
    await nav().getByText('Events', { exact: true }).click();
    await nav().getByRole('link', { name: 'Tasks' }).click();
    await page.waitForURL('**/events/tasks');
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await page.getByRole('navigation', { name: 'Quick views' }).getByRole('link', { name: 'Overdue' }).click();
    await page.waitForURL('**/events/tasks?overdue=true');

    const row = page.getByRole('row', { name: /Send the overdue proposal/ });
    await row.getByText('Overdue', { exact: true }).waitFor();
    await row.getByText('High').waitFor();
    assert.equal(
      await row.getByRole('link', { name: 'Send the overdue proposal' }).getAttribute('href'),
      `/events?date=${await page.evaluate((start) => {
        const day = new Date(start);
        return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
      }, overdueTask.startAt)}&event=${overdueTask.id}&occurrence=${encodeURIComponent(overdueTask.startAt)}`,
    );

    const saved = page.waitForResponse((response) => response.url().endsWith(`/api/v1/events/${overdueTask.id}`) && response.request().method() === 'PATCH');
    // a click, not check(): the ticked row leaves the list at once, before its state could be read back
    await row.getByRole('checkbox', { name: 'Done: Send the overdue proposal' }).click();
    assert.equal((await saved).status(), 200);
    await page.getByText('“Send the overdue proposal” done').waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByText('No overdue tasks').waitFor();
    assert.equal((await api('get', `/api/v1/events/${overdueTask.id}`)).status, 'realized');
  });

  it("marks today's call held from Events > Calls, with the keyboard", async () => {
    await nav().getByRole('link', { name: 'Calls' }).click();
    await page.waitForURL('**/events/calls');
    // the lists are under Events, apart from the calendar
    await current('Calls').waitFor();
    assert.equal(await nav().getByRole('link', { name: 'Calendar' }).getAttribute('aria-current'), null);
    await page.getByRole('navigation', { name: 'Quick views' }).getByRole('link', { name: "Today's calls" }).click();
    await page.waitForURL('**/events/calls?startFrom=today&startTo=today&sort=startAt');

    const row = page.getByRole('row', { name: /Call Nora about the quote/ });
    await row.getByText('Outbound').waitFor();
    const button = row.getByRole('button', { name: 'Mark held: Call Nora about the quote' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByText('“Call Nora about the quote” marked held').waitFor();
    await row.getByRole('cell', { name: 'Held', exact: true }).first().waitFor();
    assert.equal((await api('get', `/api/v1/events/${todaysCall.id}`)).status, 'realized');
    assert.deepEqual(pageErrors, []);
  });
});
