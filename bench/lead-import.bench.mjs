#!/usr/bin/env node
// Lead CSV import throughput: generates a CSV of BENCH_ROWS leads (default
// 100,000), uploads it to POST /api/v1/leads/import of a running API and
// prints `import: N rows in S s = R rows/s`. Boots nothing: start the API
// first (e.g. `DATABASE_URL=postgres://… PORT=3999 node apps/api/dist/main.js`).
//
//   BENCH_API_URL       default http://127.0.0.1:3000
//   BENCH_ADMIN_EMAIL   default admin@example.com
//   BENCH_ADMIN_PASSWORD default admin
//   BENCH_ROWS          default 100000
//   BENCH_MODE          sync (default) or async (polls the job until done)
//
// The leads it creates stay in the database: run it on a throwaway one.

const apiUrl = (process.env.BENCH_API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const email = process.env.BENCH_ADMIN_EMAIL ?? 'admin@example.com';
const password = process.env.BENCH_ADMIN_PASSWORD ?? 'admin';
const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const mode = process.env.BENCH_MODE === 'async' ? 'async' : 'sync';
const api = `${apiUrl}/api/v1`;

const FIRST = ['Jane', 'John', 'Amélie', 'Paul', 'Chloé', 'Marc', 'Sofia', 'Lucas', 'Emma', 'Noah'];
const LAST = ['Doe', 'Martin', 'Bernard', 'Dubois', 'Durand', 'Lefèvre', 'Moreau', 'Laurent', 'Simon', 'Michel'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Cyberdyne'];
const CITIES = [
  ['Paris', '75002', 'FR'],
  ['Lyon', '69001', 'FR'],
  ['Berlin', '10115', 'DE'],
  ['Madrid', '28001', 'ES'],
  ['London', 'EC1A 1BB', 'GB'],
];

function quote(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A realistic file: most columns filled, a source on every row, one row in a thousand invalid. */
function generateCsv(count, sourceId) {
  const header =
    'title,firstName,lastName,companyName,jobTitle,email,phone,website,address.street,address.city,address.postalCode,address.country,sourceId,doNotCall,description';
  const lines = [header];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length];
    const last = `${LAST[(i * 7) % LAST.length]} ${i}`;
    const company = `${COMPANIES[i % COMPANIES.length]} ${i % 500}`;
    const [city, postalCode, country] = CITIES[i % CITIES.length];
    const invalid = i % 1000 === 999;
    lines.push(
      [
        i % 2 ? 'Ms.' : 'M.',
        first,
        last,
        company,
        'Head of purchasing',
        invalid ? 'not-an-email' : `${first.toLowerCase()}.${i}@example.com`.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
        `+33 1 ${String(10 + (i % 90))} ${String(10 + ((i * 3) % 90))} ${String(10 + ((i * 7) % 90))} ${String(10 + ((i * 11) % 90))}`,
        `https://www.example${i % 100}.com`,
        `${1 + (i % 200)} rue de la Paix`,
        city,
        postalCode,
        country,
        sourceId,
        i % 10 === 0 ? 'true' : 'false',
        i % 5 === 0 ? `Met at the trade show, stand ${i % 300}.\nWants a demo.` : '',
      ]
        .map(quote)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

async function call(path, init = {}, token) {
  const response = await fetch(`${api}${path}`, {
    ...init,
    headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const text = await response.text();
  const body = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return { status: response.status, body };
}

async function main() {
  const { body: login } = await call('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const token = login.accessToken;
  const { body: source } = await call(
    '/lead-sources',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Bench ${Date.now()}` }) },
    token,
  );

  const csv = generateCsv(rows, source.id);
  console.log(`generated ${rows} rows, ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB; importing (${mode})…`);
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'leads.csv');

  const started = performance.now();
  let report;
  if (mode === 'async') {
    const { body } = await call('/leads/import?mode=async', { method: 'POST', body: form }, token);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const { body: job } = await call(`/imports/${body.jobId}`, {}, token);
      if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
      if (job.status === 'done') {
        report = job.report;
        break;
      }
    }
  } else {
    ({ body: report } = await call('/leads/import', { method: 'POST', body: form }, token));
  }
  const seconds = (performance.now() - started) / 1000;

  const expectedRefused = Math.floor(rows / 1000);
  if (report.total !== rows || report.refusedCount !== expectedRefused) {
    throw new Error(`unexpected report: total ${report.total}, accepted ${report.accepted}, refused ${report.refusedCount} (expected ${expectedRefused})`);
  }
  console.log(`accepted ${report.accepted}, refused ${report.refusedCount}`);
  console.log(`import: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
