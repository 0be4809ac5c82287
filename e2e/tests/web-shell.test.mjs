// Browser tests of the SPA shell on the built app: sign-in, the list screen
// (state in the URL), the record form (create, edit, API errors) on the
// configuration lists and leads, and sign-out. One browser page walks
// through them in order, as a person would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

describe('the SPA shell', () => {
  let session;
  let server;
  let page;
  let pageErrors;

  const path = () => new URL(page.url()).pathname + new URL(page.url()).search;
  const dialog = () => page.getByRole('dialog');
  const cell = (name) => page.getByRole('cell', { name, exact: true });

  before(async () => {
    session = await openBrowserSession({ name: 'web' });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('sends a signed-out visitor to sign in, and back to the page asked for', async () => {
    await page.goto(`${server.url}/configuration/lead-sources?q=fair`);
    await page.waitForURL(/\/login\?next=/);

    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();

    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/configuration/lead-sources?q=fair');
    await page.getByText('No lead sources match these filters').waitFor();
    await page.getByRole('button', { name: /User menu: Administrator/ }).waitFor();
  });

  it('creates, edits and deletes a lead source', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    assert.equal(path(), '/configuration/lead-sources');

    await page.getByRole('button', { name: 'New lead source' }).click();
    await dialog().getByLabel('Name').fill('Trade fair');
    await dialog().getByLabel('Code').fill('fair');
    await page.keyboard.press('Enter');
    await cell('FAIR').waitFor();

    await cell('Trade fair').click();
    await dialog().getByLabel('Name').fill('Spring trade fair');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await cell('Spring trade fair').waitFor();

    await page.getByRole('button', { name: 'Delete Spring trade fair' }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No lead sources yet').waitFor();
  });

  it("shows the API's validation message under the field", async () => {
    await page.goto(`${server.url}/configuration/event-categories`);
    await page.getByRole('button', { name: 'New event category' }).click();
    await dialog().getByLabel('Name').fill('Site visit');
    await dialog().getByLabel('Code').fill('VISIT');
    await dialog().getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Meeting' }).click();
    await dialog().getByLabel('Color').fill('blue');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await dialog().getByText('color must look like #2563eb').waitFor();
    assert.equal(await dialog().getByLabel('Color').getAttribute('aria-invalid'), 'true');

    await dialog().getByLabel('Color').fill('#3b82f6');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await cell('VISIT').waitFor();
  });

  it('creates a lead, then edits it on its page', async () => {
    await page.goto(`${server.url}/leads`);
    await page.getByRole('button', { name: 'New lead' }).click();
    await dialog().getByLabel('First name').fill('Jane');
    await dialog().getByLabel('Last name').fill('Doe');
    await dialog().getByLabel('Company').fill('Acme');
    await dialog().getByLabel('Email', { exact: true }).fill('jane@acme.com');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);

    await page.getByLabel('City').fill('Lyon');
    await page.getByLabel('Country').fill('fr');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Version 2').waitFor();
    assert.equal(await page.getByLabel('Country').inputValue(), 'FR');
  });

  it('keeps the sort and the filters of a list in the URL', async () => {
    await page.goto(`${server.url}/leads`);
    await cell('Jane Doe').waitFor();

    await page.getByRole('button', { name: 'Company' }).click();
    await page.waitForURL(/sort=companyName/);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Lost' }).click();
    await page.waitForURL(/status=lost/);
    await page.getByText('No leads match these filters').waitFor();

    // The URL alone brings the same view back.
    await page.goto(`${server.url}/leads?status=new&sort=-companyName`);
    await cell('Jane Doe').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Status' }).inputValue(), 'New');
  });

  it('creates a team and a user in it', async () => {
    await page.goto(`${server.url}/configuration/teams`);
    await page.getByRole('button', { name: 'New team' }).click();
    await dialog().getByLabel('Name').fill('Enterprise');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await cell('Enterprise').waitFor();

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    await dialog().getByLabel('Email').fill('sam@example.com');
    await dialog().getByLabel('Name').fill('Sam Seller');
    await dialog().getByRole('combobox', { name: 'Teams' }).click();
    await page.getByRole('option', { name: 'Enterprise' }).click();
    await dialog().getByLabel('Password').fill('short');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await dialog()
      .getByText(/password must be longer/)
      .waitFor();

    await dialog().getByLabel('Password').fill('a long enough password');
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await cell('Sam Seller').waitFor();
    await page
      .getByRole('row', { name: /Sam Seller/ })
      .getByText('Enterprise')
      .waitFor();

    // the users' search (it answered 500 for any text)
    await page.getByRole('textbox', { name: 'Search' }).fill('seller');
    await page.waitForURL(/q=seller/);
    await cell('Sam Seller').waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('nobody-by-that-name');
    await page.getByText(/No users match/).waitFor();
  });

  it('creates a personal API token and shows its secret once', async () => {
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'My API tokens' }).click();
    await page.waitForURL('**/settings/tokens');
    await page.getByLabel('Name').fill('Zapier');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()).trim();
    assert.match(secret, /^crm_pat_/);
    await dialog().getByRole('button', { name: 'Done' }).click();
    await cell('Zapier').waitFor();
    assert.equal(await page.getByText(secret).count(), 0);

    const response = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(response.status, 200);
  });

  it('changes the CRM settings, which survive a reload', async () => {
    await page.getByRole('link', { name: 'CRM settings' }).click();
    await page.waitForURL('**/configuration/crm-settings');
    await page.getByLabel('Qualification').fill('25');
    await page.getByRole('combobox', { name: 'Teams whose members may be assigned to customers' }).click();
    await page.getByRole('option', { name: 'Enterprise' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('CRM settings saved').waitFor();

    await page.reload();
    await page.getByLabel('Qualification').waitFor();
    assert.equal(await page.getByLabel('Qualification').inputValue(), '25');
    const settings = await page.evaluate(async () => (await fetch('/api/v1/settings/crm')).json());
    assert.equal(settings.stageProbabilities.qualification, 25);
    assert.equal(settings.customerAssignableTeamIds.length, 1);
  });

  it('signs out from the user menu', async () => {
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${server.url}/leads`);
    await page.waitForURL(/\/login\?next=%2Fleads$/);
  });

  it('shows a salesperson the configuration lists without the write actions', async () => {
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/leads');

    await page.goto(`${server.url}/configuration/event-categories`);
    await cell('VISIT').waitFor();
    assert.equal(await page.getByRole('button', { name: 'New event category' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Edit / }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Users' }).count(), 0);

    await page.getByRole('link', { name: 'CRM settings' }).click();
    await page.getByText('Only an administrator can change these settings.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save settings' }).count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
