// What every browser test file starts with: the built CRM on a fresh
// embedded database (optionally with the demo data), Debian's Chromium
// driven by playwright-core, one page, and (optionally) the admin signed in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../apps/api/smoke/server.mjs';

/** As root, in a closed network: no sandbox, and no calls home (they would be refused, many at a time). */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts the server and the browser; `close()` stops both and removes the
 * data. `pageErrors` collects uncaught errors of the page, for a test to
 * assert there were none.
 */
export async function openBrowserSession({ name, demo = false, signIn = false, viewport = { width: 1280, height: 800 }, acceptDownloads = false, timezoneId }) {
  const dataDir = mkdtempSync(join(tmpdir(), `crm-e2e-${name}-`));
  const pageErrors = [];
  const server = await startServer({ dataDir, demo });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport, acceptDownloads, timezoneId });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (signIn) await signInAsAdmin(page, server.url);
  return {
    dataDir,
    server,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the login page and waits for the page it leads to: `next`, or the home page. */
export async function signIn(page, url, { email, password, next = null }) {
  await page.goto(`${url}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => address.pathname === (next ?? '/'));
}

/** The admin, on the leads (where the tests written before the home page start). */
export async function signInAsAdmin(page, url) {
  await signIn(page, url, { email: 'admin@example.com', password: 'admin', next: '/leads' });
}
