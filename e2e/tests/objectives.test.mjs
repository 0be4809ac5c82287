// Browser tests of the objectives screens on the built app with the demo
// data: a manager (Maria) sets a monthly objective for a salesperson (Sam)
// over the current quarter through Configuration > Objectives, opens its
// progress (one table row per month, the chart drawn), and Sam then finds
// it under My objectives.
//
// Mantine labels carry a required asterisk ("Name *"): labels are matched by
// a leading pattern (/^Name/), comboboxes by role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

const DEMO_PASSWORD = 'demo1234';
const NAME = 'Quarter plan for Sam';

/** The calendar quarter of today (UTC, as the browser and the CRM run here): its days and its months' labels. */
function currentQuarter(now = new Date()) {
  const year = now.getUTCFullYear();
  const first = Math.floor(now.getUTCMonth() / 3) * 3;
  const iso = (date) => date.toISOString().slice(0, 10);
  const months = [0, 1, 2].map((k) => new Date(Date.UTC(year, first + k, 1)));
  return {
    from: iso(months[0]),
    to: iso(new Date(Date.UTC(year, first + 3, 0))),
    labels: months.map((month) => `${month.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${month.getUTCFullYear()}`),
  };
}

describe('the objectives screens', () => {
  let session;
  let server;
  let page;
  let pageErrors;
  let objectiveUrl;
  const quarter = currentQuarter();

  const dialog = () => page.getByRole('dialog');

  async function signInAs(email) {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The landing page has changed before (the leads, then a home page): only leaving /login matters here.
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  before(async () => {
    session = await openBrowserSession({ name: 'objectives', demo: true, viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC' });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('lets a manager set a monthly objective for a salesperson through the configuration form', async () => {
    await signInAs('maria@example.com');
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByText('Configuration', { exact: true }).click();
    // The menu's own Objectives entry is the progress screen; the configuration one sets them.
    await menu.getByRole('link', { name: 'Objectives' }).and(menu.locator('[href="/configuration/objectives"]')).click();
    await page.waitForURL('**/configuration/objectives');

    await page.getByRole('button', { name: 'New objective' }).click();
    await dialog().getByLabel(/^Name/).fill(NAME);
    await dialog()
      .getByRole('combobox', { name: /^Salesperson/ })
      .click();
    await page.getByRole('option', { name: 'Sam Seller' }).click();
    // Without a target the form says so before asking the API.
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await dialog().getByText('Give at least one target').waitFor();

    await dialog()
      .getByLabel(/^First day/)
      .fill(quarter.from);
    await dialog()
      .getByLabel(/^Last day/)
      .fill(quarter.to);
    await dialog()
      .getByLabel(/^Amount won/)
      .fill('15000.00');
    await dialog()
      .getByLabel(/^Calls made/)
      .fill('30');
    await dialog()
      .getByLabel(/^Meetings held/)
      .fill('6');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();

    await page.getByText('Objective created').waitFor();
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await row.getByRole('cell', { name: 'Sam Seller', exact: true }).waitFor();
    await row.getByText('€15,000.00 won · 30 calls · 6 meetings').waitFor();
  });

  it('shows its progress: one row per month, and the chart of target against actual', async () => {
    await page
      .getByRole('row', { name: new RegExp(NAME) })
      .getByRole('link', { name: `Progress of ${NAME}` })
      .click();
    await page.waitForURL(/\/objectives\/[0-9a-f-]{36}$/);
    objectiveUrl = page.url();
    await page.getByRole('heading', { name: NAME }).waitFor();

    const table = page.getByRole('table', { name: 'Progress by period' });
    await table.waitFor();
    const bodyRows = table.locator('tbody tr');
    await bodyRows.nth(2).waitFor();
    assert.equal(await bodyRows.count(), 3, 'one row per month of the quarter');
    for (const [index, label] of quarter.labels.entries()) {
      await bodyRows.nth(index).getByRole('rowheader', { name: label }).waitFor();
      await bodyRows.nth(index).getByText('/ €15,000.00').waitFor();
    }
    await table.locator('tfoot').getByText('/ €45,000.00').waitFor();

    const chart = page.getByTestId('objective-chart');
    await chart.locator('.recharts-surface').first().waitFor();
    // A target bar per month at least (the actual ones are there when something was reached); drawn once the chart has measured itself.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="objective-chart"] .recharts-bar-rectangle').length >= 3);
    await page.getByText(/count on the day they were won, not on the day they were created/).waitFor();

    // Another measure redraws the chart; the choice is kept in the URL.
    await page.getByLabel('Measure shown').getByText('Calls made', { exact: true }).click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('measure') === 'callsMade');
    // The URL changes before React draws the choice: wait for it rather than read it once.
    await page.waitForFunction(() => document.querySelector('input[type="radio"][value="callsMade"]')?.checked === true);
    await chart.locator('.recharts-surface').first().waitFor();
  });

  it("lists it under Everyone for the manager, filtered by salesperson in the URL, and not under Maria's own", async () => {
    await page.goto(`${server.url}/objectives`);
    await page.getByText(/No current objective for you/).waitFor();
    await page.getByRole('tab', { name: 'Everyone' }).click();
    await page.getByRole('combobox', { name: 'Salesperson' }).click();
    await page.getByRole('option', { name: 'Sam Seller' }).click();
    await page.waitForFunction(() => {
      const params = new URLSearchParams(window.location.search);
      return params.get('scope') === 'everyone' && params.has('userId');
    });
    await page.getByRole('article', { name: NAME }).waitFor();
  });

  it('shows the objective to the salesperson under My objectives', async () => {
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await signInAs('sam@example.com');

    await page.getByRole('link', { name: 'Objectives' }).first().click();
    await page.waitForURL('**/objectives');
    assert.equal(await page.getByRole('tab', { name: 'My objectives' }).getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByRole('tab', { name: 'Everyone' }).count(), 0);
    const card = page.getByRole('article', { name: NAME });
    await card.waitFor();
    await card.getByRole('progressbar', { name: /^Amount won/ }).waitFor();
    await card.getByText('no target').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Manage objectives' }).count(), 0);

    await card.getByRole('link', { name: NAME, exact: true }).click();
    await page.waitForURL(objectiveUrl);
    await page.getByRole('table', { name: 'Progress by period' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit' }).count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
