import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

describe('platform: health, OpenAPI, errors, headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers health without authentication once the database answers', async () => {
    const response = await t.http.get('/api/v1/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document and the explorer without authentication', async () => {
    const response = await t.http.get('/api/v1/openapi.json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/v1/leads', '/api/v1/auth/login', '/api/v1/lead-sources/{id}']));
    await t.http.get('/api/v1/docs').expect(200).expect('content-type', /html/);
  });

  it('documents every operation with a summary and every schema field with a description and an example', async () => {
    const { body } = await t.http.get('/api/v1/openapi.json');
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { summary?: string }>>(body.paths)) {
      for (const [method, operation] of Object.entries(operations)) if (!operation.summary) undocumented.push(`${method} ${path}`);
    }
    for (const [name, schema] of Object.entries<{ properties?: Record<string, Record<string, unknown>> }>(body.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.$ref || property.allOf) continue;
        if (!property.description || property.example === undefined) undocumented.push(`${name}.${field}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('serves exactly the committed openapi.json (run `pnpm openapi` after changing the API)', async () => {
    const { body } = await t.http.get('/api/v1/openapi.json').expect(200);
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(body).toEqual(committed);
  });

  it('refuses protected routes without authentication with a problem document', async () => {
    const response = await t.http.get('/api/v1/leads').expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized', type: expect.any(String), detail: expect.any(String) });
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const response = await t.http.get('/api/v1/nothing-here').auth(t.adminToken, { type: 'bearer' }).expect(404);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('answers malformed JSON with a 400 problem document and no stack or SQL', async () => {
    const response = await t.http
      .post('/api/v1/leads')
      .auth(t.adminToken, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"lastName": ')
      .expect(400);
    expect(response.body.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|SELECT|INSERT/);
  });

  it('sets security headers', async () => {
    const response = await t.http.get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
