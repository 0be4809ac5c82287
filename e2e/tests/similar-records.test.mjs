// Browser tests of the "looks like an existing record" warning of the create
// forms, on the built app with the demo data: a new lead naming an existing
// demo partner's company, and a new partner typed with an existing partner's
// phone written the national way. The warning links the existing record in a
// new tab, so the form keeps what was typed, and saving stays possible.
//
// The partner is one of the demo data's (apps/api/src/demo/demo-seed.ts names
// them company, line of business, legal form); it is read from the API for
// its id and its random phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowserSession } from '../support/browser-session.mjs';

const PARTNER_NAME = 'Wonka Logistics Group';

describe('the warning of a record like an existing one', () => {
  let session;
  let server;
  let page;
  let pageErrors;
  let partner;

  const dialog = () => page.getByRole('dialog');
  const warning = (name) => dialog().getByRole('status', { name });

  before(async () => {
    session = await openBrowserSession({ name: 'similar-records', demo: true, signIn: true, viewport: { width: 1280, height: 900 } });
    ({ server, page, pageErrors } = session);
    const found = await page.evaluate(async (name) => (await fetch(`/api/v1/partners?q=${encodeURIComponent(name)}`)).json(), PARTNER_NAME);
    partner = found.items.find((item) => item.name === PARTNER_NAME);
    assert.ok(partner?.phone?.startsWith('+33 '), `the demo data has ${PARTNER_NAME} with a French phone`);
  });

  after(() => session?.close());

  it('warns in a new lead that its company is an existing partner, and links the partner in a new tab', async () => {
    await page.goto(`${server.url}/leads`);
    await page.getByRole('button', { name: 'New lead' }).click();
    await dialog()
      .getByLabel(/^Last name/)
      .fill('Bucket');
    await dialog().getByLabel('Company').fill(PARTNER_NAME);

    const partners = warning(/^(A partner like this exists|Partners like this exist)$/);
    const link = partners.getByRole('link', { name: PARTNER_NAME, exact: true });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `/partners/${partner.id}`);
    assert.equal(await link.getAttribute('target'), '_blank');

    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.getByRole('heading', { name: PARTNER_NAME }).waitFor();
    await tab.close();
    // The form is as it was typed, and still saves.
    assert.equal(await dialog().getByLabel('Company').inputValue(), PARTNER_NAME);
    await dialog().getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
  });

  it('warns in a new partner typed with the phone of an existing one written another way', async () => {
    // "+33 1 23 45 67 89" as a French caller writes it: "01.23.45.67.89"
    const nationalPhone = `0${partner.phone.slice(4)}`.replaceAll(' ', '.');
    await page.goto(`${server.url}/partners`);
    await page.getByRole('button', { name: 'New partner' }).click();
    await dialog().getByLabel(/^Name/).fill('Chocolate Factory');
    await dialog().getByLabel('Phone', { exact: true }).fill(nationalPhone);

    const found = warning('A partner like this exists');
    await found.getByRole('link', { name: PARTNER_NAME, exact: true }).waitFor();
    await found
      .getByText('Exact match')
      .or(found.getByText(/\d+% match/))
      .first()
      .waitFor();
    assert.match(await found.textContent(), new RegExp(partner.phone.replaceAll('+', '\\+')));

    // Another phone: the warning goes.
    await dialog().getByLabel('Phone', { exact: true }).fill('01.99.99.99.98');
    await found.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
