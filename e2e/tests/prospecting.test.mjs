// Browser tests of the prospecting screens on the built app with the demo
// data: a lead taken in charge from the list, converted into a prospect with
// a contact and an opportunity (then found from the partner's page), a lead
// lost with a reason, and the leads' CSV import and export. One page walks
// through them in order, as a salesperson would.
//
// Mantine labels carry a required asterisk ("Last name *"), and several
// inputs can share a word ("Email" / "Do not email"): labels are matched
// exactly or by a leading pattern (/^Opportunity name/), comboboxes by role.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

describe('the prospecting screens', () => {
  let session;
  let server;
  let page;
  let pageErrors;
  let leadUrl;

  const dialog = () => page.getByRole('dialog');
  const cell = (name) => page.getByRole('cell', { name, exact: true });
  const status = () => page.getByTestId('lead-status').first();

  before(async () => {
    session = await openBrowserSession({ name: 'prospecting', demo: true, signIn: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('creates a lead for a colleague, then takes charge of it from the list', async () => {
    await page.getByRole('button', { name: 'New lead' }).click();
    await dialog().getByLabel('First name').fill('Nora');
    await dialog()
      .getByLabel(/^Last name/)
      .fill('Vance');
    await dialog().getByLabel('Company').fill('Vance Robotics');
    await dialog().getByLabel('Email', { exact: true }).fill('nora@vance-robotics.example');
    await dialog()
      .getByRole('combobox', { name: /^Assigned to/ })
      .click();
    await page.getByRole('option', { name: 'Sam Seller' }).click();
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    leadUrl = page.url();

    await page.goto(`${server.url}/leads?q=Vance`);
    const row = page.getByRole('row', { name: /Nora Vance/ });
    await row.getByRole('cell', { name: 'Sam Seller' }).waitFor();
    await row.getByRole('button', { name: 'Take charge' }).click();
    await page.getByText('Nora Vance is now yours').waitFor();
    await row.getByRole('cell', { name: 'Administrator' }).waitFor();
    await row.getByText('Assigned', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: 'Take charge' }).count(), 0);
  });

  it('converts the lead into a new prospect with a contact and an opportunity', async () => {
    await page
      .getByRole('row', { name: /Nora Vance/ })
      .getByRole('cell', { name: 'Nora Vance' })
      .click();
    await page.waitForURL(leadUrl);
    await page.getByRole('button', { name: 'Convert…' }).click();
    assert.equal(await dialog().getByLabel('Company', { exact: true }).isChecked(), true);
    assert.equal(await dialog().getByLabel('Prospect').isChecked(), true);
    assert.equal(await dialog().getByLabel('A new contact').isChecked(), true);
    await dialog().getByLabel('Create an opportunity').check();
    assert.equal(
      await dialog()
        .getByLabel(/^Opportunity name/)
        .inputValue(),
      'Vance Robotics — opportunity',
    );
    await dialog().getByLabel('Amount').fill('25000');
    await dialog().getByLabel('Amount').press('Enter');

    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Vance Robotics' }).waitFor();
    await page.getByText('Prospect', { exact: true }).first().waitFor();

    await page.getByRole('tab', { name: 'Contacts' }).click();
    await cell('Nora Vance').waitFor();
    await page.getByRole('tab', { name: 'Opportunities' }).click();
    await cell('Vance Robotics — opportunity').waitFor();
    await cell('€25,000.00').waitFor();
  });

  it('shows the lead converted, with links to what it became', async () => {
    await page.goto(leadUrl);
    assert.equal(await status().textContent(), 'Converted');
    const links = page.getByTestId('conversion-links');
    await links.getByRole('link', { name: 'Vance Robotics', exact: true }).waitFor();
    await links.getByRole('link', { name: 'Nora Vance' }).waitFor();
    await links.getByRole('link', { name: 'Vance Robotics — opportunity' }).waitFor();
    // A converted lead is read, not edited, and cannot be converted twice.
    assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Convert…' }).getAttribute('aria-disabled'), 'true');

    await links.getByRole('link', { name: 'Nora Vance' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    // The contact page has an Events tab, the lead page has none.
    await page.getByRole('tab', { name: 'Events' }).waitFor();
    await page.getByRole('heading', { name: 'Nora Vance' }).waitFor();
    await page.getByRole('link', { name: 'Vance Robotics', exact: true }).waitFor();
  });

  it('loses a lead with a reason that asks for a note, and shows it on the timeline', async () => {
    await page.goto(`${server.url}/leads`);
    await page.getByRole('button', { name: 'New lead' }).click();
    await dialog()
      .getByLabel(/^Last name/)
      .fill('Quill');
    await dialog().getByLabel('Company').fill('Quill Paper');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    assert.equal(await status().textContent(), 'New');

    await page.getByRole('button', { name: 'Lose…' }).click();
    await dialog()
      .getByRole('combobox', { name: /^Lost reason/ })
      .click();
    await page.getByRole('option', { name: 'Other' }).click();
    await dialog().getByRole('button', { name: 'Mark as lost' }).click();
    await dialog().getByText('This reason needs an explanation').waitFor();
    await dialog().getByLabel(/^Note/).fill('Bought from a local stationer');
    await dialog().getByRole('button', { name: 'Mark as lost' }).click();

    await page.getByText('Quill marked as lost').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="lead-status"]')?.textContent === 'Lost');
    await page.getByText('Other — Bought from a local stationer').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Recycle' }).getAttribute('aria-disabled'), null);

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/Status changed from new to lost — Lost: Other/)
      .waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Lead created').waitFor();
  });

  it('exports the filtered leads and imports a file, reporting the refused lines', async () => {
    await page.goto(`${server.url}/leads?q=Vance`);
    await cell('Nora Vance').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const exported = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    assert.equal(exported.length, 2, 'the header and the one lead the search shows');
    assert.match(exported[1], /Vance Robotics/);

    const file = join(session.dataDir, 'leads.csv');
    writeFileSync(file, ['firstName,lastName,companyName,email', 'Ada,Byron,Engines Ltd,ada@engines.example', 'Bad,Address,,not-an-email', ''].join('\n'));
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await dialog().locator('input[type="file"]').setInputFiles(file);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await dialog()
      .getByText(/Accepted: 1 · Refused: 1/)
      .waitFor();
    const refused = dialog().getByRole('table', { name: 'Refused lines' });
    await refused.getByRole('cell', { name: '3', exact: true }).waitFor();
    await refused.getByRole('cell', { name: 'email', exact: true }).waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();

    await page.goto(`${server.url}/leads?q=Byron`);
    await cell('Ada Byron').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
