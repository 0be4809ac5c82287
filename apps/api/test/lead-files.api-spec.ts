import { parse } from 'csv-parse/sync';
import type { Test } from 'supertest';
import { binary } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';
const LEAD_COLUMNS = [
  'title',
  'firstName',
  'lastName',
  'companyName',
  'jobTitle',
  'email',
  'phone',
  'mobilePhone',
  'website',
  'address.street',
  'address.city',
  'address.postalCode',
  'address.state',
  'address.country',
  'sourceId',
  'referredBy',
  'assignedToId',
  'teamId',
  'doNotCall',
  'doNotEmail',
  'description',
];

describe('leads: CSV import and export, PDF report', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let adminId: string;
  let sourceId: string;
  const as = (token: string) => (req: Test) => req.auth(token, { type: 'bearer' });
  const upload = (token: string, csv: string, query = '') =>
    t.http
      .post(`/api/v1/leads/import${query}`)
      .auth(token, { type: 'bearer' })
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'leads.csv', contentType: 'text/csv' });
  const leadCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`))[0].n as number;

  /** Good and bad rows; the quoted description spans lines 7 and 8. */
  const mixedFile = () =>
    [
      'lastName,firstName,email,sourceId,doNotCall,address.city,description',
      `Doe,Jane,Jane@Acme.com,${sourceId},false,Lyon,`,
      'Roe,Rick,not-an-email,,,,',
      `Poe,Pam,,${UNKNOWN_ID},,,`,
      ',Nolast,,,,,',
      'Moe,Max,,,maybe,,',
      'Multi,Line,,,TRUE,,"first line',
      'second line"',
      '',
      'Zoe,,zoe@,,,,',
      ',,,,,,',
      'Last,Row,last@example.com,,,,',
    ].join('\r\n');
  const mixedReport = {
    accepted: 3,
    refusedCount: 5,
    total: 8,
    refused: [
      { line: 3, errors: [{ field: 'email', message: 'email must be a valid email address' }] },
      { line: 4, errors: [{ field: 'sourceId', message: 'refers to a record that does not exist' }] },
      { line: 5, errors: [{ field: 'lastName', message: expect.stringContaining('lastName') }] },
      { line: 6, errors: [{ field: 'doNotCall', message: expect.stringContaining('doNotCall') }] },
      { line: 10, errors: [{ field: 'email', message: 'email must be a valid email address' }] },
    ],
  };

  beforeAll(async () => {
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    adminId = (await as(t.adminToken)(t.http.get('/api/v1/auth/me')).expect(200)).body.id;
    sourceId = (await as(t.adminToken)(t.http.post('/api/v1/lead-sources')).send({ name: 'Trade show' }).expect(201)).body.id;
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query(`DELETE FROM leads`));

  describe('import', () => {
    it('imports the good rows and reports each refused line with its field and the API message', async () => {
      const response = await upload(t.adminToken, mixedFile()).expect(200);
      expect(response.body).toEqual(mixedReport);
      const leads = await t.dataSource.query(
        `SELECT last_name, email, status, assigned_to_id, created_by_id, source_id, do_not_call, address_city, description FROM leads ORDER BY last_name`,
      );
      expect(leads).toEqual([
        {
          last_name: 'Doe',
          email: 'jane@acme.com',
          status: 'new',
          assigned_to_id: adminId,
          created_by_id: adminId,
          source_id: sourceId,
          do_not_call: false,
          address_city: 'Lyon',
          description: null,
        },
        expect.objectContaining({ last_name: 'Last', email: 'last@example.com', status: 'new' }),
        expect.objectContaining({ last_name: 'Multi', do_not_call: true, description: 'first line\r\nsecond line' }),
      ]);
      const [doe] = await t.dataSource.query(`SELECT id FROM leads WHERE last_name = 'Doe'`);
      const timeline = await as(t.adminToken)(t.http.get(`/api/v1/leads/${doe.id}/timeline`)).expect(200);
      expect(timeline.body.items).toEqual([expect.objectContaining({ kind: 'created', summary: 'Lead imported from a CSV file', actorId: adminId })]);
    });

    it('refuses a file whose header names an unknown column, importing nothing', async () => {
      const response = await upload(t.adminToken, 'lastName,colour\nDoe,red\n').expect(400);
      expect(response.body.errors).toEqual([{ field: 'colour', message: expect.stringMatching(/^colour is not a column of leads/) }]);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await leadCount()).toBe(0);
    });

    it('refuses a request without a file, or that is not multipart', async () => {
      await as(t.adminToken)(t.http.post('/api/v1/leads/import')).field('other', 'x').expect(400);
      await as(t.adminToken)(t.http.post('/api/v1/leads/import')).send({ file: 'lastName\nDoe' }).expect(415);
      await as(t.adminToken)(t.http.post('/api/v1/leads/import?mode=later')).attach('file', Buffer.from('lastName\nDoe'), 'leads.csv').expect(400);
      expect(await leadCount()).toBe(0);
    });

    it('refuses a file that is not valid CSV, importing nothing', async () => {
      const rows = Array.from({ length: 1500 }, (_, i) => `Lead ${i}`);
      const response = await upload(t.adminToken, ['lastName', ...rows, '"unclosed'].join('\n')).expect(400);
      expect(response.body.errors[0].field).toBe('file');
      expect(await leadCount()).toBe(0);
    });

    it('imports nothing when the database fails on the last batch', async () => {
      await t.dataSource.query(`
        CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.last_name = 'Boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
      await t.dataSource.query(`CREATE TRIGGER refuse_boom BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
      const entries = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM history_entries`))[0].n as number;
      const entriesBefore = await entries();
      try {
        const rows = Array.from({ length: 2500 }, (_, i) => (i === 2499 ? 'Boom' : `Lead ${i}`));
        const response = await upload(t.adminToken, ['lastName', ...rows].join('\n')).expect(500);
        expect(JSON.stringify(response.body)).not.toMatch(/boom|INSERT|trigger/i);
        expect(await leadCount()).toBe(0);
        expect(await entries()).toBe(entriesBefore);
      } finally {
        await t.dataSource.query(`DROP TRIGGER refuse_boom ON leads; DROP FUNCTION refuse_boom()`);
      }
    });

    it('answers with the cause of a database refusal on a late batch, not with the aborted transaction that followed it', async () => {
      // a unique violation on the third batch, while later statements queue on the aborted transaction
      await t.dataSource.query(`
        CREATE FUNCTION refuse_dup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.last_name = 'Dup' THEN RAISE unique_violation USING MESSAGE = 'duplicate', DETAIL = 'Key (email)=(dup@example.com) already exists.'; END IF; RETURN NEW; END $$`);
      await t.dataSource.query(`CREATE TRIGGER refuse_dup BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION refuse_dup()`);
      try {
        const rows = Array.from({ length: 5500 }, (_, i) => (i === 2500 ? 'Dup' : `Lead ${i}`));
        const response = await upload(t.adminToken, ['lastName', ...rows].join('\n')).expect(409);
        expect(response.body).toMatchObject({ code: 'ALREADY_EXISTS', errors: [{ field: 'email', message: 'is already taken' }] });
        expect(await leadCount()).toBe(0);
      } finally {
        await t.dataSource.query(`DROP TRIGGER refuse_dup ON leads; DROP FUNCTION refuse_dup()`);
      }
    });

    it('assigns the leads a salesperson imports to them, unless a row says otherwise', async () => {
      const csv = `lastName,assignedToId\nMine,\nYours,${adminId}\n`;
      const response = await upload(seller.token, csv).expect(200);
      expect(response.body).toEqual({ accepted: 2, refused: [], refusedCount: 0, total: 2 });
      const leads = await t.dataSource.query(`SELECT last_name, assigned_to_id, created_by_id FROM leads ORDER BY last_name`);
      expect(leads).toEqual([
        { last_name: 'Mine', assigned_to_id: seller.id, created_by_id: seller.id },
        { last_name: 'Yours', assigned_to_id: adminId, created_by_id: seller.id },
      ]);
    });

    it('runs in the background with mode=async, reaching done with the same report; other users get 404', async () => {
      const started = await upload(t.adminToken, mixedFile(), '?mode=async').expect(202);
      const { jobId } = started.body;
      expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
      let job = (await as(t.adminToken)(t.http.get(`/api/v1/imports/${jobId}`)).expect(200)).body;
      for (let i = 0; i < 100 && job.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await as(t.adminToken)(t.http.get(`/api/v1/imports/${jobId}`)).expect(200)).body;
      }
      expect(job).toEqual({ jobId, resource: 'leads', status: 'done', processedRows: 8, accepted: 3, refusedCount: 5, report: mixedReport });
      expect(await leadCount()).toBe(3);
      await as(seller.token)(t.http.get(`/api/v1/imports/${jobId}`)).expect(404);
      await as(t.adminToken)(t.http.get(`/api/v1/imports/${UNKNOWN_ID}`)).expect(404);
      await t.http.get(`/api/v1/imports/${jobId}`).expect(401);
    });

    it('checks the header before starting a background import', async () => {
      await upload(t.adminToken, 'lastName,colour\nDoe,red\n', '?mode=async').expect(400);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM import_jobs WHERE status = 'running'`))[0].n).toBe(0);
    });

    it('keeps cells as written: " =1+1" stays text with its blank, only fields whose rule trims (email) are trimmed', async () => {
      const csv = ['lastName,firstName,companyName,email', '" =1+1", Jane ,\t@SUM(A1), Jane@Acme.com '].join('\n');
      expect((await upload(t.adminToken, csv).expect(200)).body).toEqual({ accepted: 1, refused: [], refusedCount: 0, total: 1 });
      const leads = await t.dataSource.query(`SELECT last_name, first_name, company_name, email FROM leads`);
      expect(leads).toEqual([{ last_name: ' =1+1', first_name: ' Jane ', company_name: '\t@SUM(A1)', email: 'jane@acme.com' }]);
    });

    it('refuses, as the API does, a cell whose field trims into something invalid (" =1+1" as a phone), storing nothing of that row', async () => {
      const response = await upload(t.adminToken, 'lastName,phone\nDoe," =1+1"\nRoe, +33 1 23 45 67 89 \n').expect(200);
      expect(response.body).toEqual({
        accepted: 1,
        refusedCount: 1,
        total: 2,
        refused: [{ line: 2, errors: [{ field: 'phone', message: expect.stringContaining('phone must be a phone number') }] }],
      });
      expect(await t.dataSource.query(`SELECT last_name, phone FROM leads`)).toEqual([{ last_name: 'Roe', phone: '+33 1 23 45 67 89' }]);
    });

    /** Good rows, and NUL characters in a field, in a nested field, and in a cell past the header's columns. */
    const nulFile = () => ['lastName,address.city,description', 'Good,Lyon,', 'Bad\u0000,,', 'Nested,Ly\u0000on,', 'Extra,,,\u0000', 'Fine,,ok'].join('\n');
    const nulReport = {
      accepted: 2,
      refusedCount: 3,
      total: 5,
      refused: [
        { line: 3, errors: [{ field: 'lastName', message: 'lastName must not contain a NUL character (\\u0000)' }] },
        { line: 4, errors: [{ field: 'address.city', message: 'address.city must not contain a NUL character (\\u0000)' }] },
        { line: 5, errors: [{ field: 'column 4', message: 'the cell must not contain a NUL character (\\u0000)' }] },
      ],
    };

    it('refuses a row with a NUL character in any cell as a row error naming the field (not a 500), storing none of it', async () => {
      const response = await upload(t.adminToken, nulFile()).expect(200);
      expect(response.body).toEqual(nulReport);
      expect(await t.dataSource.query(`SELECT last_name FROM leads ORDER BY last_name`)).toEqual([{ last_name: 'Fine' }, { last_name: 'Good' }]);
    });

    it('reports NUL rows of a background import in the stored report (the job reaches done)', async () => {
      const { jobId } = (await upload(t.adminToken, nulFile(), '?mode=async').expect(202)).body;
      let job = (await as(t.adminToken)(t.http.get(`/api/v1/imports/${jobId}`)).expect(200)).body;
      for (let i = 0; i < 100 && job.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await as(t.adminToken)(t.http.get(`/api/v1/imports/${jobId}`)).expect(200)).body;
      }
      expect(job).toEqual({ jobId, resource: 'leads', status: 'done', processedRows: 5, accepted: 2, refusedCount: 3, report: nulReport });
      expect(await leadCount()).toBe(2);
    });

    it('refuses a header cell with a NUL character (400), importing nothing and starting no job', async () => {
      for (const query of ['', '?mode=async']) {
        const response = await upload(t.adminToken, 'lastName,desc\u0000ription\nDoe,x\n', query).expect(400);
        expect(response.body.errors).toEqual([{ field: 'column 2', message: 'the header cell must not contain a NUL character (\\u0000)' }]);
      }
      expect(await leadCount()).toBe(0);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM import_jobs WHERE status = 'running'`))[0].n).toBe(0);
    });

    it('needs authentication', async () => {
      await t.http.post('/api/v1/leads/import').attach('file', Buffer.from('lastName\nDoe'), 'leads.csv').expect(401);
    });
  });

  describe('export', () => {
    const create = async (lead: Record<string, unknown>, status = 'new') => {
      const created = (await as(t.adminToken)(t.http.post('/api/v1/leads')).send(lead).expect(201)).body;
      if (status !== 'new') await t.dataSource.query(`UPDATE leads SET status = $2 WHERE id = $1`, [created.id, status]);
      return created;
    };
    const exportCsv = (query: string) =>
      as(t.adminToken)(t.http.get(`/api/v1/leads/export.csv${query}`))
        .buffer(true)
        .parse(binary);

    it('exports exactly the leads the filtered list shows, with the header, and the file imports back', async () => {
      await create({
        lastName: 'Alpha',
        companyName: 'Acme Corp',
        phone: '+33 1 23 45 67 89',
        address: { city: 'Lyon', country: 'fr' },
        doNotEmail: true,
        sourceId,
      });
      await create({ lastName: 'Bravo', companyName: 'Acme Corp' }, 'lost');
      await create({ lastName: 'Charlie', companyName: 'Globex' });
      await create({ lastName: 'Delta', firstName: 'Dan', companyName: 'ACME Industries', description: 'Met "in person",\non a Monday' });

      const response = await exportCsv('?status=new&q=acme&sort=lastName').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`);
      const text = (response.body as Buffer).toString('utf8');
      const [header, ...rows] = parse(text);
      expect(header).toEqual(LEAD_COLUMNS);
      const listed = await as(t.adminToken)(t.http.get('/api/v1/leads?status=new&q=acme&sort=lastName')).expect(200);
      const lastNames = listed.body.items.map((l: { lastName: string }) => l.lastName);
      expect(lastNames).toEqual(['Alpha', 'Delta']);
      expect(rows.map((row) => row[2])).toEqual(lastNames);
      const alpha = Object.fromEntries(header.map((column, i) => [column, rows[0][i]]));
      expect(alpha).toMatchObject({
        phone: "'+33 1 23 45 67 89",
        'address.city': 'Lyon',
        'address.country': 'FR',
        doNotEmail: 'true',
        doNotCall: 'false',
        sourceId,
        assignedToId: adminId,
        title: '',
      });

      await t.dataSource.query(`DELETE FROM leads`);
      const reimported = await upload(t.adminToken, text).expect(200);
      expect(reimported.body).toEqual({ accepted: 2, refused: [], refusedCount: 0, total: 2 });
      const again = await as(t.adminToken)(t.http.get('/api/v1/leads?sort=lastName')).expect(200);
      expect(again.body.items).toEqual([
        expect.objectContaining({
          lastName: 'Alpha',
          companyName: 'Acme Corp',
          phone: '+33 1 23 45 67 89',
          address: expect.objectContaining({ city: 'Lyon', country: 'FR' }),
          doNotEmail: true,
          sourceId,
          status: 'new',
        }),
        expect.objectContaining({ lastName: 'Delta', firstName: 'Dan', description: 'Met "in person",\non a Monday' }),
      ]);
    });

    it('prefixes cells a spreadsheet would run as formulas with an apostrophe', async () => {
      await create({
        lastName: '=HYPERLINK("http://evil.example","click")',
        firstName: '@SUM(A1)',
        companyName: '-2+3',
        jobTitle: 'a=b',
        description: "'=quoted",
      });
      const text = ((await exportCsv('').expect(200)).body as Buffer).toString('utf8');
      const [header, row] = parse(text);
      const cells = Object.fromEntries(header.map((column, i) => [column, row[i]]));
      expect(cells).toMatchObject({
        lastName: '\'=HYPERLINK("http://evil.example","click")',
        firstName: "'@SUM(A1)",
        companyName: "'-2+3",
        jobTitle: 'a=b',
        description: "''=quoted",
      });
      await t.dataSource.query(`DELETE FROM leads`);
      await upload(t.adminToken, text).expect(200);
      const [lead] = await t.dataSource.query(`SELECT last_name, first_name, company_name, description FROM leads`);
      expect(lead).toEqual({ last_name: '=HYPERLINK("http://evil.example","click")', first_name: '@SUM(A1)', company_name: '-2+3', description: "'=quoted" });
    });

    it('defuses a formula behind blanks (" =1+1") on export, and the round trip stores it as written, never as a live formula', async () => {
      await create({ lastName: ' =1+1', firstName: '\t-2', companyName: ' Acme ', jobTitle: '=SUM(A1)' });
      const text = ((await exportCsv('').expect(200)).body as Buffer).toString('utf8');
      const [header, row] = parse(text);
      const cells = Object.fromEntries(header.map((column, i) => [column, row[i]]));
      expect(cells).toMatchObject({ lastName: "' =1+1", firstName: "'\t-2", companyName: ' Acme ', jobTitle: "'=SUM(A1)" });
      // no cell a spreadsheet would run, even one that trims blanks on opening
      expect(row.filter((cell) => /^\s*[=+\-@]/.test(cell))).toEqual([]);

      await t.dataSource.query(`DELETE FROM leads`);
      expect((await upload(t.adminToken, text).expect(200)).body).toMatchObject({ accepted: 1, refusedCount: 0 });
      const [lead] = await t.dataSource.query(`SELECT last_name, first_name, company_name, job_title FROM leads`);
      expect(lead).toEqual({ last_name: ' =1+1', first_name: '\t-2', company_name: ' Acme ', job_title: '=SUM(A1)' });
      const again = parse(((await exportCsv('').expect(200)).body as Buffer).toString('utf8'));
      expect(again).toEqual([header, row]);
    });

    it('gives the header alone when nothing matches', async () => {
      const text = ((await exportCsv('?status=converted').expect(200)).body as Buffer).toString('utf8');
      expect(text).toBe(`${LEAD_COLUMNS.join(',')}\n`);
    });

    it.each([
      ['?page=2', 'page'],
      ['?pageSize=10', 'pageSize'],
      ['?colour=red', 'colour'],
      ['?status=won', 'status'],
      ['?sort=passwordHash', 'sort'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const response = await as(t.adminToken)(t.http.get(`/api/v1/leads/export.csv${query}`)).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('needs authentication', async () => {
      await t.http.get('/api/v1/leads/export.csv').expect(401);
    });
  });

  describe('report.pdf', () => {
    it('answers a PDF for a lead', async () => {
      const lead = (
        await as(seller.token)(t.http.post('/api/v1/leads'))
          .send({
            title: 'Ms.',
            firstName: 'Jane',
            lastName: 'Doe',
            companyName: 'Acme',
            sourceId,
            email: 'jane@acme.com',
            address: { street: '12 rue de la Paix', city: 'Paris', country: 'FR' },
            description: 'Met at the Lyon trade show.',
          })
          .expect(201)
      ).body;
      const response = await as(seller.token)(t.http.get(`/api/v1/leads/${lead.id}/report.pdf`))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('inline; filename="lead-ms-jane-doe.pdf"');
      expect((response.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF');
    });

    it('answers 404 for an unknown lead, 400 for a malformed id, 401 without authentication', async () => {
      const notFound = await as(seller.token)(t.http.get(`/api/v1/leads/${UNKNOWN_ID}/report.pdf`)).expect(404);
      expect(notFound.headers['content-type']).toMatch(/^application\/problem\+json/);
      await as(seller.token)(t.http.get('/api/v1/leads/nope/report.pdf')).expect(400);
      await t.http.get(`/api/v1/leads/${UNKNOWN_ID}/report.pdf`).expect(401);
    });
  });
});
