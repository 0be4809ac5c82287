// Browser tests of the opportunity screens on the built app with the demo
// data: a card dragged on the kanban from New to Qualification stays there
// after a reload (and the API agrees); one deal won and one lost from the
// list; a quotation made from a deal, given a line and confirmed wins it.
//
// dnd-kit listens to pointer events and starts a drag only after the pointer
// moved a few pixels: drags are mouse down, moves in steps, up (not dragTo).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

describe('the opportunity screens', () => {
  let session;
  let server;
  let page;
  let pageErrors;

  const column = (title) => page.getByRole('region', { name: title, exact: true });
  const api = async (path) => {
    const response = await page.request.get(`${server.url}${path}`);
    assert.equal(response.status(), 200, `GET ${path}`);
    return response.json();
  };

  /** Drags with real pointer events, in steps, as dnd-kit needs. */
  async function drag(source, target, { dy = 0.3 } = {}) {
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height * dy, { steps: 20 });
    await page.waitForTimeout(150);
    await page.mouse.up();
  }

  before(async () => {
    session = await openBrowserSession({ name: 'pipeline', demo: true, signIn: true, viewport: { width: 1600, height: 900 } });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('drags a card from New to Qualification, and it stays there', async () => {
    await page.getByRole('link', { name: 'Opportunities' }).click();
    await page.waitForURL(/\/opportunities$/);
    const card = column('New').getByTestId('opportunity-card').first();
    await card.waitFor();
    const id = await card.getAttribute('data-id');
    const name = await card.getAttribute('aria-label');
    const target = column('Qualification').getByTestId('opportunity-card').first();
    await target.waitFor();

    const moved = page.waitForResponse((response) => response.url().endsWith(`/opportunities/${id}/move`));
    await drag(card, target);
    assert.equal((await moved).status(), 200);
    await column('Qualification').locator(`[data-id="${id}"]`).waitFor();
    await page.screenshot({ path: '/tmp/pipeline-kanban.png' });

    await page.reload();
    await column('Qualification').locator(`[data-id="${id}"]`).waitFor();
    assert.equal(await column('New').locator(`[data-id="${id}"]`).count(), 0);
    const opportunity = await api(`/api/v1/opportunities/${id}`);
    assert.equal(opportunity.stage, 'qualification');
    assert.equal(opportunity.name, name);
    // Dropped on the column's first card: it is now first.
    assert.equal(await column('Qualification').getByTestId('opportunity-card').first().getAttribute('data-id'), id);
    assert.deepEqual(pageErrors, []);
  });

  it('puts a card back and says why when the move is refused', async () => {
    const card = column('Closed won').getByTestId('opportunity-card').first();
    await card.waitFor();
    const id = await card.getAttribute('data-id');
    const refused = page.waitForResponse((response) => response.url().endsWith(`/opportunities/${id}/move`));
    await drag(card, column('New').getByTestId('opportunity-card').first());
    assert.equal((await refused).status(), 422);
    await page.getByText('The card cannot move there').waitFor();
    await column('Closed won').locator(`[data-id="${id}"]`).waitFor();
    assert.equal(await column('New').locator(`[data-id="${id}"]`).count(), 0);
    assert.equal((await api(`/api/v1/opportunities/${id}`)).stage, 'closed_won');
  });

  it('asks for the lost reason when a card is dropped in Closed lost', async () => {
    await page.setViewportSize({ width: 2100, height: 900 });
    const card = column('New').getByTestId('opportunity-card').first();
    await card.waitFor();
    const id = await card.getAttribute('data-id');
    await drag(card, column('Closed lost').getByTestId('opportunity-card').first());
    await page
      .getByRole('dialog')
      .getByRole('combobox', { name: /^Lost reason/ })
      .click();
    await page.getByRole('option').first().click();
    const moved = page.waitForResponse((response) => response.url().endsWith(`/opportunities/${id}/move`));
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as lost' }).click();
    const body = (await moved).request().postDataJSON();
    assert.equal(body.stage, 'closed_lost');
    assert.ok(body.lostReasonId);
    await column('Closed lost').locator(`[data-id="${id}"]`).waitFor();
    const opportunity = await api(`/api/v1/opportunities/${id}`);
    assert.equal(opportunity.stage, 'closed_lost');
    assert.equal(opportunity.lostReasonId, body.lostReasonId);
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  it('wins one opportunity and loses another from the list', async () => {
    await page.locator('label', { hasText: /^List$/ }).click();
    await page.waitForURL(/\/opportunities\/list/);
    await page.goto(`${server.url}/opportunities/list?closed=false`);
    await page
      .getByTestId('pipeline-footer')
      .getByText(/weighted €/)
      .waitFor();
    const firstRow = () =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: 'Won' }) })
        .first();
    await firstRow().waitFor();

    const won = page.waitForResponse((response) => response.url().endsWith('/close-won'));
    await firstRow().getByRole('button', { name: 'Won' }).click();
    const wonBody = await (await won).json();
    assert.equal(wonBody.stage, 'closed_won');
    await page.getByText(`${wonBody.name} won`).waitFor();

    const lostRowName = await firstRow().getByRole('cell').first().textContent();
    await firstRow().getByRole('button', { name: 'Lost…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('combobox', { name: /^Lost reason/ })
      .click();
    await page.getByRole('option').first().click();
    const lost = page.waitForResponse((response) => response.url().endsWith('/close-lost'));
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as lost' }).click();
    const lostBody = await (await lost).json();
    assert.equal(lostBody.stage, 'closed_lost');
    assert.equal(lostBody.name, lostRowName);
    await page.getByText(`${lostBody.name} marked as lost`).waitFor();

    assert.equal((await api(`/api/v1/opportunities/${wonBody.id}`)).stage, 'closed_won');
    assert.equal((await api(`/api/v1/opportunities/${lostBody.id}`)).stage, 'closed_lost');

    // Closed deals tint their rows; their quick buttons are off.
    await page.goto(`${server.url}/opportunities/list?stage=closed_won`);
    const wonRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: wonBody.name, exact: true }) })
      .first();
    await wonRow.waitFor();
    assert.equal(await wonRow.getAttribute('data-highlight'), 'green');
    assert.equal(await wonRow.getByRole('button', { name: 'Won' }).isDisabled(), true);
    await page.screenshot({ path: '/tmp/opportunities-list.png' });
    assert.deepEqual(pageErrors, []);
  });

  it('creates a quotation from an opportunity, adds a line, confirms it, and the deal is won', async () => {
    const open = await api('/api/v1/opportunities?stage=negotiation&pageSize=20');
    const opportunity = open.items.find((item) => item.partnerId);
    assert.ok(opportunity, 'a negotiation with a partner in the demo data');
    await page.goto(`${server.url}/opportunities/${opportunity.id}`);
    await page.getByRole('heading', { name: opportunity.name }).waitFor();
    await page.getByRole('button', { name: 'Create quotation' }).click();
    await page.waitForURL(/\/quotations\/[0-9a-f-]{36}$/);
    const quotationId = page.url().split('/').pop();
    assert.equal(await page.getByTestId('quotation-status').textContent(), 'Draft');

    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description, line 1').fill('Annual licences');
    await page.getByLabel('Quantity, line 1').fill('2');
    await page.getByLabel('Unit price, line 1').fill('100');
    await page.getByLabel('Discount %, line 1').fill('10');
    await page.getByLabel('Tax %, line 1').fill('20');
    await page.getByTestId('quotation-totals').getByText('Total: €216.00').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Quotation saved').waitFor();
    const saved = await api(`/api/v1/quotations/${quotationId}`);
    assert.equal(saved.total, '216.00');
    assert.equal(saved.lines.length, 1);

    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="quotation-status"]')?.textContent === 'Confirmed');
    await page.screenshot({ path: '/tmp/quotation-editor.png' });
    assert.equal((await api(`/api/v1/opportunities/${opportunity.id}`)).stage, 'closed_won');

    await page.getByRole('link', { name: 'Opportunity', exact: true }).click();
    await page.waitForURL(`**/opportunities/${opportunity.id}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="opportunity-stage"]')?.textContent === 'Won');
    await page.getByRole('tab', { name: 'Quotations' }).click();
    await page.getByRole('table', { name: 'Quotations' }).getByText('Confirmed').waitFor();
    await page.screenshot({ path: '/tmp/opportunity-page.png' });
    assert.deepEqual(pageErrors, []);
  });
});
