import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Test } from 'supertest';
import { createApp } from '../src/app';
import { readConfig } from '../src/platform/config/app-config';
import { openDatabase } from '../src/platform/database/database-connection';
import { ENTITIES } from '../src/entities';
import { createTestDatabase } from './support/test-database';
import { ADMIN, startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over a real socket: for what supertest cannot send (a 100 kB URL, broken HTTP). */
function rawRequest(port: number, path: string, headers: OutgoingHttpHeaders = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Bytes written as they are, the whole answer read until the server closes. */
function rawBytes(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('HTTP refusals: what the API answers before any route runs', () => {
  let t: TestApp;
  const bearer = (test: Test) => test.auth(t.adminToken, { type: 'bearer' });
  let cookie: string;
  const leadCount = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM leads'))[0].n);
  const createLead = async (lastName: string) =>
    (await bearer(t.http.post('/api/v1/leads')).send({ lastName }).expect(201)).body as { id: string; version: number; lastName: string };
  const storedLead = async (id: string) =>
    (await bearer(t.http.get(`/api/v1/leads/${id}`)).expect(200)).body as { version: number; lastName: string; status: string };

  beforeAll(async () => {
    t = await startTestApp();
    const login = await t.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
    cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('crm_session='))!
      .split(';')[0]!;
  });
  afterAll(() => t.close());

  describe('refusals of Node itself, on a listening server', () => {
    let port: number;
    beforeAll(async () => {
      const server = t.app.getHttpServer() as Server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => (t.app.getHttpServer() as Server).close(() => resolve())));

    it('answers a URL too long with a 431 problem document, and serves the next connection', async () => {
      const answer = await rawRequest(port, `/api/v1/leads?q=${'a'.repeat(100_000)}`, { authorization: `Bearer ${t.adminToken}` });
      expect(answer.status).toBe(431);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      expect(answer.headers.connection).toBe('close');
      expect(JSON.parse(answer.body)).toEqual({
        type: 'about:blank',
        title: 'Request Header Fields Too Large',
        status: 431,
        detail: expect.stringMatching(/larger than the 16 kB this server reads/),
      });
      expect((await rawRequest(port, '/api/v1/health')).status).toBe(200);
    });

    it('answers headers too large with a 431 problem document', async () => {
      const answer = await rawRequest(port, '/api/v1/health', { 'x-padding': 'a'.repeat(20_000) });
      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
    });

    it('answers a request that is not HTTP with a 400 problem document', async () => {
      const answer = await rawBytes(port, 'HELLO THERE\r\n\r\n');
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/);
      expect(JSON.parse(body)).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request is not valid HTTP/1.1.' });
    });
  });

  describe('bodies', () => {
    it('refuses a JSON body over 100 kB with a 413 problem document, and stores nothing', async () => {
      const before = await leadCount();
      const response = await bearer(t.http.post('/api/v1/leads'))
        .set('content-type', 'application/json')
        .send(JSON.stringify({ lastName: 'Big', description: 'x'.repeat(110 * 1024) }))
        .expect(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Content Too Large',
        status: 413,
        detail: 'The request body is larger than 100 kB, the most the API reads as JSON.',
      });
      expect(await leadCount()).toBe(before);
    });

    it('still reads a JSON body just under 100 kB', async () => {
      const response = await bearer(t.http.post('/api/v1/leads'))
        .set('content-type', 'application/json')
        .send(JSON.stringify({ lastName: 'Big', padding: 'x'.repeat(99 * 1024) }))
        .expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'padding', message: 'padding is not a known property' }] });
    });

    it('refuses malformed JSON with a 400 MALFORMED_JSON problem document, and stores nothing', async () => {
      const before = await leadCount();
      const response = await bearer(t.http.post('/api/v1/leads')).set('content-type', 'application/json').send('{"lastName": ').expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toEqual({
        type: 'urn:crm:problem:malformed-json',
        title: 'Bad Request',
        status: 400,
        detail: expect.stringMatching(/^The request body is not valid JSON: .+\.$/),
        code: 'MALFORMED_JSON',
        errors: [],
      });
      expect(await leadCount()).toBe(before);
    });

    it.each([
      ['text/plain', '{"lastName":"Plain"}'],
      ['application/xml', '<lead><lastName>Xml</lastName></lead>'],
      ['application/x-www-form-urlencoded', 'lastName=Form'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="lastName"\r\n\r\nMultipart\r\n--x--\r\n'],
    ])('refuses a %s body on a JSON endpoint with a 415 problem document, and stores nothing', async (type, body) => {
      const before = await leadCount();
      const response = await bearer(t.http.post('/api/v1/leads')).set('content-type', type).send(body).expect(415);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Unsupported Media Type',
        status: 415,
        detail: `POST /api/v1/leads takes a body of type application/json, not ${type.split(';')[0]}.`,
      });
      expect(await leadCount()).toBe(before);
    });

    it('refuses a body without Content-Type (415), and a PATCH in text changes nothing', async () => {
      const lead = await createLead('Typed');
      const untyped = await bearer(t.http.post('/api/v1/leads')).set('content-type', '').send(Buffer.from('{"lastName":"Untyped"}')).expect(415);
      expect(untyped.body.detail).toMatch(/not one without Content-Type/);
      await bearer(t.http.patch(`/api/v1/leads/${lead.id}`))
        .set('content-type', 'text/plain')
        .send(JSON.stringify({ version: lead.version, lastName: 'Changed' }))
        .expect(415);
      expect(await storedLead(lead.id)).toMatchObject({ version: lead.version, lastName: 'Typed' });
    });

    it('refuses JSON in another charset than UTF-8 with 415', async () => {
      const response = await bearer(t.http.post('/api/v1/leads'))
        .set('content-type', 'application/json; charset=latin1')
        .send('{"lastName":"Latin"}')
        .expect(415);
      expect(response.body).toMatchObject({ status: 415, detail: 'The request body must be JSON in UTF-8 (unsupported charset "LATIN1").' });
    });

    it('reads application/merge-patch+json as JSON', async () => {
      const lead = await createLead('Merge');
      const response = await bearer(t.http.patch(`/api/v1/leads/${lead.id}`))
        .set('content-type', 'application/merge-patch+json; charset=utf-8')
        .send(JSON.stringify({ version: lead.version, lastName: 'Merged' }))
        .expect(200);
      expect(response.body.lastName).toBe('Merged');
    });

    it('refuses JSON where a multipart upload is declared (415), and still takes the upload', async () => {
      const before = await leadCount();
      const json = await bearer(t.http.post('/api/v1/leads/import')).send({ file: 'lastName\nDoe' }).expect(415);
      expect(json.body.detail).toBe('POST /api/v1/leads/import takes a body of type multipart/form-data, not application/json.');
      expect(await leadCount()).toBe(before);
      const upload = await bearer(t.http.post('/api/v1/leads/import'))
        .attach('file', Buffer.from('lastName\nImported\n'), { filename: 'leads.csv', contentType: 'text/csv' })
        .expect(200);
      expect(upload.body).toMatchObject({ accepted: 1, refusedCount: 0 });
      expect(await leadCount()).toBe(before + 1);
    });

    it('takes an action without a body, whatever (or no) Content-Type it names', async () => {
      const started = await createLead('Action');
      expect((await bearer(t.http.post(`/api/v1/leads/${started.id}/start`)).expect(200)).body.status).toBe('in_progress');
      const typed = await createLead('Action 2');
      await bearer(t.http.post(`/api/v1/leads/${typed.id}/start`))
        .set('content-type', 'text/plain')
        .expect(200);
    });
  });

  describe('methods', () => {
    it.each([
      ['PUT', '/api/v1/leads', 'GET, HEAD, POST, OPTIONS'],
      ['DELETE', '/api/v1/leads', 'GET, HEAD, POST, OPTIONS'],
      ['PUT', '/api/v1/leads/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
      ['GET', '/api/v1/leads/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/start', 'POST, OPTIONS'],
      ['POST', '/api/v1/health', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/v1/events/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/occurrences/2027-03-22T08:00:00.000Z/following', 'PATCH, DELETE, OPTIONS'],
    ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
      const response = await bearer(t.http[method.toLowerCase() as 'put' | 'delete' | 'get' | 'post'](path)).expect(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Method Not Allowed',
        status: 405,
        detail: `${path} does not take ${method}; it takes ${allow}.`,
      });
    });

    it('answers 405 before authentication, as the OpenAPI document says the same to anyone', async () => {
      const response = await t.http.put('/api/v1/leads').expect(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    });

    it('takes routes as Express matches them: trailing slash, any case, HEAD with GET', async () => {
      expect((await bearer(t.http.delete('/api/v1/Leads/')).expect(405)).headers.allow).toBe('GET, HEAD, POST, OPTIONS');
      await t.http.head('/api/v1/health').expect(200);
    });

    it('answers OPTIONS on a known path with 204 and Allow', async () => {
      const response = await t.http.options('/api/v1/leads/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/convert').expect(204);
      expect(response.headers.allow).toBe('POST, OPTIONS');
    });

    it('answers an unknown path with 404, whatever the method', async () => {
      for (const method of ['get', 'put', 'options'] as const) {
        const response = await bearer(t.http[method]('/api/v1/nothing-here')).expect(404);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.headers.allow).toBeUndefined();
      }
    });

    it('answers outside the API with a 404 problem document rather than an HTML page', async () => {
      for (const [method, path] of [
        ['post', '/somewhere'],
        ['get', '/api/v2/leads'],
      ] as const) {
        const response = await t.http[method](path).expect(404);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
      }
    });
  });

  describe('cross-site writes', () => {
    const withCookie = (test: Test) => test.set('cookie', cookie);

    it.each([
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
      ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'https://other.crm.test' }],
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['Origin: null', { origin: 'null' }],
      ['an Origin of another scheme', { host: 'crm.test', origin: 'https://crm.test' }],
    ])('refuses a cookie write sent with %s (403), and stores nothing', async (_, headers) => {
      const before = await leadCount();
      const response = await withCookie(t.http.post('/api/v1/leads')).set(headers).send({ lastName: 'Forged' }).expect(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 403, title: 'Forbidden', code: 'CROSS_SITE_REQUEST', type: 'urn:crm:problem:cross-site-request' });
      expect(await leadCount()).toBe(before);
    });

    it('refuses cross-site cookie changes, deletions, actions and uploads, which change nothing', async () => {
      const lead = await createLead('Target');
      const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
      await withCookie(t.http.patch(`/api/v1/leads/${lead.id}`))
        .set(crossSite)
        .send({ version: lead.version, lastName: 'Forged' })
        .expect(403);
      await withCookie(t.http.post(`/api/v1/leads/${lead.id}/start`))
        .set(crossSite)
        .expect(403);
      await withCookie(t.http.delete(`/api/v1/leads/${lead.id}`))
        .set(crossSite)
        .expect(403);
      expect(await storedLead(lead.id)).toMatchObject({ version: lead.version, lastName: 'Target', status: 'new' });
      const before = await leadCount();
      await withCookie(t.http.post('/api/v1/leads/import')).set(crossSite).attach('file', Buffer.from('lastName\nForged\n'), 'leads.csv').expect(403);
      expect(await leadCount()).toBe(before);
    });

    it.each([
      ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' }],
      ['its own Origin', { host: 'crm.test:8080', origin: 'http://crm.test:8080' }],
      ['neither header (curl, older clients)', {}],
    ])('takes a cookie write sent with %s', async (_, headers) => {
      await withCookie(t.http.post('/api/v1/leads')).set(headers).send({ lastName: 'Same origin' }).expect(201);
    });

    it('reads cross-site with the cookie (only writes are refused)', async () => {
      await withCookie(t.http.get('/api/v1/leads')).set({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }).expect(200);
    });

    it('never refuses a Bearer call, whatever its Origin', async () => {
      const lead = (
        await bearer(t.http.post('/api/v1/leads'))
          .set({ 'sec-fetch-site': 'cross-site', origin: 'https://integration.example' })
          .send({ lastName: 'Integrated' })
          .expect(201)
      ).body;
      await bearer(t.http.delete(`/api/v1/leads/${lead.id}`))
        .set({ origin: 'https://integration.example' })
        .expect(204);
    });

    it('refuses a sign-in from another site (login CSRF) without setting a cookie, and takes one from its own page', async () => {
      const response = await t.http.post('/api/v1/auth/login').set({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }).send(ADMIN).expect(403);
      expect(response.body.code).toBe('CROSS_SITE_REQUEST');
      expect(response.headers['set-cookie']).toBeUndefined();
      await t.http.post('/api/v1/auth/login').set('origin', 'https://evil.example').send(ADMIN).expect(403);
      await t.http.post('/api/v1/auth/login').set({ 'sec-fetch-site': 'same-origin' }).send(ADMIN).expect(200);
    });
  });
});

describe('HTTP refusals around the SPA', () => {
  let http: ReturnType<typeof request>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const distDir = mkdtempSync(join(tmpdir(), 'crm-web-dist-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>CRM</title>');
    const database = await createTestDatabase();
    const config = {
      ...readConfig({ NODE_ENV: 'test', CRM_ADMIN_PASSWORD: ADMIN.password, DATABASE_URL: database.url, CRM_DATA_DIR: database.dataDir, CRM_WORKERS: '0' }, []),
      webDistDir: distDir,
    };
    const opened = await openDatabase(config, ENTITIES);
    const app = await createApp(config, opened.dataSource, ['error']);
    http = request(app.getHttpServer());
    close = async () => {
      await app.close();
      await opened.close();
      await database.drop();
      rmSync(distDir, { recursive: true, force: true });
    };
  });
  afterAll(() => close());

  it('serves the SPA to GET and HEAD on any page, and refuses writes to its pages with 405', async () => {
    await http.get('/leads/42').expect(200).expect('content-type', /html/);
    await http.head('/leads/42').expect(200);
    const response = await http.post('/leads/42').send({}).expect(405);
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });

  it('leaves the API to the API', async () => {
    await http.get('/api/v1/health').expect(200).expect('content-type', /json/);
    await http.put('/api/v1/leads').expect(405);
    await http.get('/api/v1/nothing-here').expect(404).expect('content-type', PROBLEM);
  });
});
