// Browser tests of the reports on the built app with the demo data, signed in
// as the admin: each dashboard from the menu with its charts drawn, a bar of
// "Leads by status" opening the leads list on exactly the bar's leads, and a
// chart's numbers saved as CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

/** Each dashboard, its charts' titles, and the SVG marks one of them at least draws with the demo data. */
const DASHBOARDS = [
  {
    tab: 'Opportunities',
    path: '/reports/opportunities',
    charts: [
      'Pipeline by stage',
      'Open opportunities by stage',
      'Won and lost by salesperson',
      'Forecast by expected close month',
      'Opportunities by source',
      'Win rate by month',
    ],
    marks: { 'Pipeline by stage': '.recharts-bar-rectangle', 'Open opportunities by stage': '.recharts-funnel-trapezoid' },
  },
  {
    tab: 'Leads',
    path: '/reports/leads',
    charts: ['Leads by status', 'Leads by source', 'Leads by salesperson and status', 'Leads converted per month'],
    marks: { 'Leads by status': '.recharts-bar-rectangle', 'Leads by source': '.recharts-sector' },
  },
  { tab: 'Calls', path: '/reports/calls', charts: ['Calls by user', 'Calls by direction and user', 'Calls per month'], marks: {} },
  { tab: 'Events', path: '/reports/events', charts: ['Events by type and status'], marks: { 'Events by type and status': '.recharts-bar-rectangle' } },
  { tab: 'Objectives', path: '/reports/objectives', charts: ['Objectives of the salespeople', 'Objectives of the teams'], marks: {} },
];

describe('the reports', () => {
  let session;
  let server;
  let page;
  let pageErrors;

  const card = (title) => page.getByRole('region', { name: title, exact: true });
  /** A card is done when it shows a chart, a table or its empty state. */
  const drawn = (title) => card(title).locator('.recharts-surface, [data-testid="report-empty"]').first();

  before(async () => {
    session = await openBrowserSession({ name: 'reports', demo: true, signIn: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('opens each dashboard from the menu and draws its charts', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((url) => url.pathname === '/reports/opportunities');
    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Last 12 months' }).click();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const search = new URL(page.url()).search;

    for (const dashboard of DASHBOARDS) {
      await page.getByRole('tab', { name: dashboard.tab, exact: true }).click();
      await page.waitForURL((url) => url.pathname === dashboard.path && url.search === search);
      for (const title of dashboard.charts) await drawn(title).waitFor();
      for (const [title, mark] of Object.entries(dashboard.marks)) {
        await card(title).locator(mark).first().waitFor();
        assert.ok((await card(title).locator(mark).count()) > 0, `${title} draws ${mark}`);
      }
    }
    assert.deepEqual(pageErrors, []);
  });

  it('opens the leads of a bar of "Leads by status", as many as the bar says', async () => {
    await page.getByRole('tab', { name: 'Leads', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/reports/leads');
    const query = new URL(page.url()).searchParams;
    const answer = await page.evaluate(async (search) => (await fetch(`/api/v1/reports/leads?${search}`)).json(), query.toString());
    const points = answer.series[0].points;
    const biggest = points.reduce((best, point, index) => (point.y > points[best].y ? index : best), 0);
    const { x, y } = points[biggest];
    assert.ok(y > 0, 'the demo data has leads in the last 12 months');

    const bars = card('Leads by status').locator('.recharts-bar-rectangle');
    await bars.first().waitFor();
    assert.equal(await bars.count(), points.length);
    await bars.nth(biggest).click();

    await page.waitForURL((url) => url.pathname === '/leads');
    const landed = new URL(page.url()).searchParams;
    assert.equal(landed.get('status'), x);
    assert.equal(landed.get('createdFrom'), query.get('from'));
    assert.equal(landed.get('createdTo'), query.get('to'));
    await page.getByText(new RegExp(`of ${y.toLocaleString('en-US')}$`)).waitFor();
    await page.getByRole('group', { name: 'More filters' }).getByText('Created from').waitFor();
    assert.ok((await page.getByRole('row').count()) > 1);
  });

  it('saves the numbers of a chart as CSV', async () => {
    await page.goto(`${server.url}/reports/leads`);
    await drawn('Leads by source').waitFor();
    await card('Leads by source').getByRole('button', { name: 'Table' }).click();
    await card('Leads by source').getByRole('table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), card('Leads by source').getByRole('button', { name: 'Export CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^leads-by-source_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r\n/);
    assert.equal(lines[0], 'Category,Leads');
    assert.ok(lines.length > 1);
    assert.deepEqual(pageErrors, []);
  });
});
