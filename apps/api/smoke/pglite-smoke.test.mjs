// Smoke test of the built app on the embedded PGlite, the way a newcomer runs
// it: boot dist/main.js on an empty data directory with demo data, talk to it
// over HTTP, restart it on the same directory (migrations idempotent, data kept).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from './server.mjs';

describe('the built CRM on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-smoke-'));
  let server;
  let token;

  const api = async (path, init = {}) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  };

  before(async () => {
    server = await startServer({ dataDir, demo: true });
  });
  after(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is healthy and serves the OpenAPI document', async () => {
    assert.deepEqual((await api('/health')).body, { status: 'ok' });
    const doc = await api('/openapi.json');
    assert.equal(doc.status, 200);
    assert.ok(doc.body.paths['/api/v1/leads']);
  });

  it('serves the SPA at / and falls back to it for client routes', async () => {
    for (const path of ['/', '/leads/some-id']) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<div id="root">/);
    }
  });

  it('refuses anonymous calls, signs the admin in, and lists the demo leads', async () => {
    assert.equal((await api('/leads')).status, 401);
    const login = await api('/auth/login', { method: 'POST', body: JSON.stringify({ email: 'admin@example.com', password: 'admin' }) });
    assert.equal(login.status, 200);
    token = login.body.accessToken;
    const leads = await api('/leads?status=lost&pageSize=5');
    assert.equal(leads.status, 200);
    assert.ok(leads.body.total > 10, `demo leads: ${leads.body.total}`);
    assert.ok(leads.body.items.every((lead) => lead.status === 'lost'));
  });

  it('writes in a transaction-safe way under concurrent requests', async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api('/lead-sources', { method: 'POST', body: JSON.stringify({ name: `Smoke ${i}` }) })),
    );
    assert.deepEqual(
      created.map((r) => r.status),
      Array(8).fill(201),
    );
    const invalid = await api('/lead-sources', { method: 'POST', body: JSON.stringify({ name: '' }) });
    assert.equal(invalid.status, 400);
    assert.match(invalid.type, /application\/problem\+json/);
  });

  it('answers the hot reads, prepared statements and all: a kanban column twice, a compact calendar month', async () => {
    for (let i = 0; i < 2; i++) {
      const column = await api('/opportunities/board?stage=new&pageSize=5');
      assert.equal(column.status, 200);
      assert.ok(column.body.items.length > 0 && column.body.items.every((card) => card.stage === 'new'));
    }
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
    const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
    const users = (await api('/users?pageSize=200')).body.items.map((user) => user.id).join(',');
    const month = await api(`/events?from=${from.toISOString()}&to=${to.toISOString()}&assignedToId=${users}&view=compact`);
    assert.equal(month.status, 200);
    assert.ok(month.body.items.length > 0, 'the demo events of this month');
    assert.ok(month.body.items.every((item) => 'occurrenceId' in item && !('description' in item)));
    // the month is kept between reads (versions kept by triggers): a change shows at the next read
    const [first] = month.body.items.filter((item) => !item.seriesId);
    const renamed = await api(`/events/${first.id}`, { method: 'PATCH', body: JSON.stringify({ subject: 'Renamed by the smoke test' }) });
    assert.equal(renamed.status, 200);
    const again = await api(`/events?from=${from.toISOString()}&to=${to.toISOString()}&assignedToId=${users}&view=compact`);
    assert.equal(again.body.items.find((item) => item.id === first.id).subject, 'Renamed by the smoke test');
  });

  it('keeps its data across a restart (migrations are idempotent)', async () => {
    const before = (await api('/leads?pageSize=1')).body.total;
    await server.stop();
    server = await startServer({ dataDir, demo: true });
    const sources = await api('/lead-sources?q=smoke');
    assert.equal(sources.body.total, 8);
    const leads = await api('/leads?pageSize=1');
    assert.equal(leads.body.total, before, 'demo data is loaded once only');
  });
});
