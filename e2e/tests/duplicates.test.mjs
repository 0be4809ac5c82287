// Browser tests of Check duplicates and the merge screen on the built app
// with the demo data: two partners typed twice ("Zephyr Logistics SARL" and
// "ZEPHYR LOGISTICS"), each with a contact and an opportunity, found from the
// Customers list's Tools menu on their name and merged into the first, whose
// page then lists both contacts and both opportunities; then a merge of two
// contacts refused because one changed meanwhile, reloaded and done.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

describe('the duplicates screens', () => {
  let session;
  let server;
  let page;
  let pageErrors;

  const dialog = () => page.getByRole('dialog');
  const cell = (name) => page.getByRole('cell', { name, exact: true });
  const send = async (method, path, data) => {
    const response = await page.request[method](`${server.url}${path}`, { data });
    assert.ok(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  const post = (path, data) => send('post', path, data);
  const isMerge = (response) => response.url().endsWith('/api/v1/duplicates/merge') && response.request().method() === 'POST';

  before(async () => {
    session = await openBrowserSession({ name: 'duplicates', demo: true, signIn: true, viewport: { width: 1400, height: 900 } });
    ({ server, page, pageErrors } = session);
  });

  after(() => session?.close());

  it('finds two partners typed twice from the Customers list, and merges them into the first', async () => {
    const first = await post('/api/v1/partners', {
      kind: 'company',
      name: 'Zephyr Logistics SARL',
      email: 'contact@zephyr-logistics.example',
      isProspect: true,
    });
    const second = await post('/api/v1/partners', {
      kind: 'company',
      name: 'ZEPHYR LOGISTICS',
      phone: '+33 1 40 20 30 40',
      isProspect: true,
      isCustomer: true,
    });
    await post('/api/v1/contacts', { firstName: 'Inès', lastName: 'Marchand', partnerId: first.id });
    await post('/api/v1/contacts', { firstName: 'Olivier', lastName: 'Brun', partnerId: second.id });
    await post('/api/v1/opportunities', { name: 'Zephyr — fleet renewal', partnerId: first.id, amount: '18000.00' });
    await post('/api/v1/opportunities', { name: 'Zephyr — new warehouse', partnerId: second.id, amount: '42000.00' });

    await page.getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(/\/partners$/);
    // the list drawn first: a menu opened while the page still renders is drawn again, and its item detached
    await page.getByRole('row').nth(1).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Tools' }).click();
    await page.getByRole('menuitem', { name: 'Check duplicates' }).click();
    // Name and email by default: email unticked, the name alone is compared.
    assert.equal(await dialog().getByLabel('Name', { exact: true }).isChecked(), true);
    await dialog().getByLabel('Email', { exact: true }).uncheck();
    await dialog().getByLabel('Name', { exact: true }).uncheck();
    await dialog().getByRole('button', { name: 'Check', exact: true }).click();
    await dialog().getByText('Pick at least one field').waitFor();
    await dialog().getByLabel('Name', { exact: true }).check();
    await dialog().getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForURL(/\/partners\/duplicates\?fields=name$/);
    await page.getByText('Compared on name').waitFor();

    const group = page.getByRole('region', { name: 'Duplicates: Zephyr Logistics SARL, ZEPHYR LOGISTICS' });
    await group.getByText(/^\d+% alike$/).waitFor();
    await group.getByRole('link', { name: 'Zephyr Logistics SARL', exact: true }).waitFor();
    await group.getByRole('link', { name: 'ZEPHYR LOGISTICS', exact: true }).waitFor();
    await group.getByRole('link', { name: 'Merge…' }).click();
    await page.waitForURL(`**/partners/merge?ids=${first.id},${second.id}`);

    // The first is kept by default; its empty phone takes the other's, its email stays.
    const keepFirst = page.getByRole('radio', { name: 'Keep Zephyr Logistics SARL', exact: true });
    await keepFirst.waitFor();
    assert.equal(await keepFirst.isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: 'Phone of ZEPHYR LOGISTICS', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: 'Email of Zephyr Logistics SARL', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: 'Name of Zephyr Logistics SARL', exact: true }).isChecked(), true);
    await page.getByText('The other partner will be deleted; its contacts, opportunities, events, emails, quotations and history move').waitFor();

    // Keeping the second and back to the first keeps the defaults of the first.
    await page.getByRole('radio', { name: 'Keep ZEPHYR LOGISTICS', exact: true }).check();
    assert.equal(await page.getByRole('radio', { name: 'Name of ZEPHYR LOGISTICS', exact: true }).isChecked(), true);
    await keepFirst.check();

    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog().getByText('Keep Zephyr Logistics SARL and delete ZEPHYR LOGISTICS?').waitFor();
    const merged = page.waitForResponse(isMerge);
    await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
    const response = await merged;
    assert.equal(response.status(), 200);
    assert.deepEqual(response.request().postDataJSON(), {
      entity: 'partners',
      keepId: first.id,
      mergeIds: [second.id],
      values: { phone: '+33 1 40 20 30 40' },
      versions: { [first.id]: first.version, [second.id]: second.version },
    });

    await page.waitForURL(`**/partners/${first.id}`);
    await page.getByText('1 partner merged into Zephyr Logistics SARL').waitFor();
    await page.getByRole('heading', { name: 'Zephyr Logistics SARL', exact: true }).waitFor();
    // The flags are united: the merged one was a customer.
    await page.getByText('Customer', { exact: true }).first().waitFor();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await cell('Inès Marchand').waitFor();
    await cell('Olivier Brun').waitFor();
    await page.getByRole('tab', { name: 'Opportunities' }).click();
    await cell('Zephyr — fleet renewal').waitFor();
    await cell('Zephyr — new warehouse').waitFor();

    assert.equal((await page.request.get(`${server.url}/api/v1/partners/${second.id}`)).status(), 404);
    const kept = await send('get', `/api/v1/partners/${first.id}`);
    assert.equal(kept.phone, '+33 1 40 20 30 40');
    assert.equal(kept.email, 'contact@zephyr-logistics.example');
    assert.deepEqual(pageErrors, []);
  });

  it('says when a contact changed meanwhile, and merges once reloaded', async () => {
    const first = await post('/api/v1/contacts', { firstName: 'Hugo', lastName: 'Delacroix', email: 'hugo@delacroix.example' });
    const second = await post('/api/v1/contacts', { firstName: 'hugo', lastName: 'DELACROIX', jobTitle: 'Buyer' });

    await page.goto(`${server.url}/contacts`);
    await page.getByRole('button', { name: 'Tools' }).click();
    await page.getByRole('menuitem', { name: 'Check duplicates' }).click();
    assert.equal(await dialog().getByLabel('Last name', { exact: true }).isChecked(), true);
    assert.equal(await dialog().getByLabel('First name', { exact: true }).isChecked(), true);
    await dialog().getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForURL(/\/contacts\/duplicates\?fields=firstName,lastName$/);
    const group = page.getByRole('region', { name: 'Duplicates: Hugo Delacroix, hugo DELACROIX' });
    await group.getByRole('link', { name: 'Merge…' }).click();
    await page.waitForURL(`**/contacts/merge?ids=${first.id},${second.id}`);
    await page.getByRole('radio', { name: 'Keep Hugo Delacroix', exact: true }).waitFor();
    // Keep the second's spelling of the last name.
    await page.getByRole('radio', { name: 'Last name of hugo DELACROIX', exact: true }).check();

    await send('patch', `/api/v1/contacts/${second.id}`, { jobTitle: 'Head of purchasing', version: second.version });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const refused = page.waitForResponse(isMerge);
    await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
    assert.equal((await refused).status(), 409);
    const alert = page.getByRole('alert').filter({ hasText: 'A record changed meanwhile' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('radio', { name: 'Job title of hugo DELACROIX', exact: true }).waitFor();
    await page.getByText('Head of purchasing').waitFor();
    assert.equal(await alert.count(), 0);
    // The choice made before the reload holds.
    assert.equal(await page.getByRole('radio', { name: 'Last name of hugo DELACROIX', exact: true }).isChecked(), true);

    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const merged = page.waitForResponse(isMerge);
    await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
    assert.equal((await merged).status(), 200);
    assert.deepEqual((await merged).request().postDataJSON().values, { lastName: 'DELACROIX', jobTitle: 'Head of purchasing' });
    await page.waitForURL(`**/contacts/${first.id}`);
    await page.getByRole('heading', { name: 'Hugo DELACROIX', exact: true }).waitFor();
    assert.equal((await page.request.get(`${server.url}/api/v1/contacts/${second.id}`)).status(), 404);
    assert.deepEqual(pageErrors, []);
  });
});
