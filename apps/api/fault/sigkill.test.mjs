// Fault tests: the built API process is SIGKILLed in the middle of writes
// (a 50,000-row import, alone and as one of two API processes; a burst of
// lead conversions; a burst of duplicate merges), started again on the same
// PostgreSQL database, and the data is checked by SQL: nothing is half-done,
// and every write acknowledged before the kill is there.
//
// Needs a PostgreSQL server (TEST_DATABASE_URL, by default
// postgres://root@127.0.0.1:5432/postgres) and the built API
// (`pnpm --filter @crm/api build`). Each run makes a fresh database and drops it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDatabase, SERVER_URL, serverAnswers, startApp } from './app-process.mjs';

const IMPORT_ROWS = 50_000;
const CONVERSIONS = 50;
/** The kill comes once at least this many conversions are acknowledged (and the held-back ones are stuck). */
const KILL_AFTER_ACKS = 3;
/** Conversions made to stop half-way (a new partner written, not committed) when the kill comes. */
const HELD_BACK = 5;
/** Pairs of duplicate partners merged in one burst; the first HELD_BACK of them stop half-way. */
const MERGES = 20;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const count = async (db, sql, values) => (await db.query(sql, values))[0].n;

/** Starts a background lead import of these CSV lines and waits until it is under way (2,000 rows read), well before its end: when to kill. */
async function importUntilUnderWay(app, lines) {
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'leads.csv');
  const started = await app.api('/leads/import?mode=async', { method: 'POST', body: form });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const { jobId } = started.body;
  let job;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(20)) {
    job = (await app.api(`/imports/${jobId}`)).body;
    if (job.status !== 'running' || job.processedRows >= 2000) break;
  }
  assert.equal(job.status, 'running', `the import ended before the kill: ${JSON.stringify(job)}`);
  return { jobId, job };
}

/**
 * Kills the app once `acknowledged` holds KILL_AFTER_ACKS answers and HELD_BACK statements starting with
 * `heldStatement` wait on a lock, with others in flight; then lets the burst settle (the cut requests
 * rejected, none an assertion failure), releases the test's lock and waits for the dead process's
 * sessions to end. Answers the requests the kill cut.
 */
async function killMidBurst(db, app, { settled, acknowledged, locker, heldStatement, what }) {
  let killed = false;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(5)) {
    const stuck = await count(
      db,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
      [`${heldStatement}%`],
    );
    if (acknowledged.size >= KILL_AFTER_ACKS && stuck >= HELD_BACK) {
      await app.kill();
      killed = true;
      break;
    }
  }
  const outcomes = await settled;
  await locker.query(`ROLLBACK`);
  await locker.release();
  assert.ok(killed, `not killed: ${acknowledged.size} ${what} acknowledged; ${app.log().slice(-2000)}`);
  const unanswered = outcomes.filter((outcome) => outcome.status === 'rejected');
  for (const { reason } of unanswered) assert.ok(!(reason instanceof assert.AssertionError), String(reason));
  // the dead process's sessions end (the held-back ones once they get their lock and find no client)
  const others = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  for (let i = 0; i < 100 && (await count(db, others)); i++) await sleep(100);
  assert.equal(await count(db, others), 0, 'sessions of the killed process linger');
  return unanswered;
}

const reachable = await serverAnswers();
describe(
  'the API killed (SIGKILL) in the middle of writes, then restarted',
  { skip: reachable ? false : `no PostgreSQL server answers at ${SERVER_URL}` },
  () => {
    let db;
    let app;

    before(async () => {
      db = await createDatabase();
    });
    after(async () => {
      await app?.stop();
      await db?.drop();
    });

    it('fails a 50,000-row import killed while it ran, with a reason, and stores none of its rows', async (t) => {
      app = await startApp(db.url);
      const leadsBefore = await count(db, `SELECT count(*)::int AS n FROM leads`);
      const rows = Array.from(
        { length: IMPORT_ROWS },
        (_, i) => `Fault ${i},Ann,Corp ${i % 500},fault${i}@example.com,+33 1 23 45 ${String(i % 100).padStart(2, '0')} 00,row ${i} of the fault test`,
      );
      const { jobId, job } = await importUntilUnderWay(app, ['lastName,firstName,companyName,email,phone,description', ...rows]);
      assert.ok(job.processedRows > 0 && job.processedRows < IMPORT_ROWS, `progress at the kill: ${job.processedRows}`);
      assert.equal(job.accepted, 0, 'a running import says no row is stored yet');
      t.diagnostic(`killed at ${job.processedRows} of ${IMPORT_ROWS} rows read`);
      const killed = await app.kill();
      assert.equal(killed.signal, 'SIGKILL');

      // what the dead process left: the job still says running; its transaction is gone with its connection
      assert.equal((await db.query(`SELECT status FROM import_jobs WHERE id = $1`, [jobId]))[0].status, 'running');

      app = await startApp(db.url);
      const failed = (await app.api(`/imports/${jobId}`)).body;
      assert.equal(failed.status, 'failed', JSON.stringify(failed));
      assert.match(failed.error, /nothing was imported/);
      assert.equal(failed.accepted, 0);
      // marked on start, before any poll: the row says so too
      const [row] = await db.query(`SELECT status, accepted, finished_at FROM import_jobs WHERE id = $1`, [jobId]);
      assert.equal(row.status, 'failed');
      assert.equal(row.accepted, 0);
      assert.ok(row.finished_at);

      assert.equal(await count(db, `SELECT count(*)::int AS n FROM leads`), leadsBefore, 'no lead of the killed import is stored');
      assert.equal(await count(db, `SELECT count(*)::int AS n FROM leads WHERE last_name LIKE 'Fault %'`), 0);
      assert.equal(
        await count(db, `SELECT count(*)::int AS n FROM history_entries WHERE summary = 'Lead imported from a CSV file'`),
        0,
        'no timeline entry of it either',
      );
      // no transaction of the dead process is left holding locks
      for (
        let i = 0;
        i < 50 && (await count(db, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`));
        i++
      )
        await sleep(100);
      assert.equal(
        await count(
          db,
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'leads' AND l.pid <> pg_backend_pid() AND l.mode = 'RowExclusiveLock'`,
        ),
        0,
      );

      // and the restarted API imports as usual
      const again = new FormData();
      again.append('file', new Blob(['lastName\nAfter One\nAfter Two\n'], { type: 'text/csv' }), 'leads.csv');
      const imported = await app.api('/leads/import', { method: 'POST', body: again });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(imported.body, { accepted: 2, refused: [], refusedCount: 0, total: 2 });
      await app.stop();
    });

    it('with two API processes, fails the import of the one killed while the other serves on, storing none of its rows', async (t) => {
      app = await startApp(db.url, { CRM_API_PROCESSES: '2' });
      const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => `Worker ${i},worker${i}@example.com`);
      let { jobId, job } = await importUntilUnderWay(app, ['lastName,email', ...rows]);
      // the worker process running the import, not the primary: the other worker and the port stay up
      const [{ owner_pid: worker }] = await db.query(`SELECT owner_pid FROM import_jobs WHERE id = $1`, [jobId]);
      assert.notEqual(worker, app.pid);
      process.kill(worker, 'SIGKILL');
      t.diagnostic(`worker ${worker} killed at ${job.processedRows} of ${IMPORT_ROWS} rows read`);

      // the next poll (answered by the surviving worker, or by the one started in place of the dead) says failed
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
        job = await app.api(`/imports/${jobId}`).then(
          (response) => response.body,
          () => job,
        );
        if (job.status !== 'running') break;
      }
      assert.equal(job.status, 'failed', JSON.stringify(job));
      assert.equal(job.accepted, 0);
      assert.match(job.error, /nothing was imported/);
      assert.equal(await count(db, `SELECT count(*)::int AS n FROM leads WHERE last_name LIKE 'Worker %'`), 0);
      await app.stop();
    });

    it('keeps every conversion acknowledged before the kill whole, and leaves no trace of the others', async (t) => {
      app = await startApp(db.url);
      const sourceId = (await app.api('/lead-sources', { method: 'POST', body: JSON.stringify({ name: 'Held back' }) })).body.id;
      const leadIds = [];
      for (let i = 0; i < CONVERSIONS; i += 10) {
        const created = await Promise.all(
          Array.from({ length: Math.min(10, CONVERSIONS - i) }, (_, j) => {
            const n = i + j;
            const lead = {
              lastName: `Convert ${n}`,
              firstName: 'Cam',
              companyName: `Converted ${n} Ltd`,
              email: `convert${n}@example.com`,
              ...(n < HELD_BACK ? { sourceId } : {}),
            };
            return app.api('/leads', { method: 'POST', body: JSON.stringify(lead) });
          }),
        );
        for (const lead of created) {
          assert.equal(lead.status, 201, JSON.stringify(lead.body));
          leadIds.push(lead.body.id);
        }
      }
      const heldBack = leadIds.slice(0, HELD_BACK);
      const baseline = {
        partners: await count(db, `SELECT count(*)::int AS n FROM partners`),
        contacts: await count(db, `SELECT count(*)::int AS n FROM contacts`),
        opportunities: await count(db, `SELECT count(*)::int AS n FROM opportunities`),
      };

      // The held-back leads' conversions stop half-way for sure: their new partner is written (uncommitted), and its
      // reference to the lead source waits on a lock this test holds, until after the kill.
      const locker = await db.connect();
      await locker.query(`BEGIN`);
      await locker.query(`SELECT 1 FROM lead_sources WHERE id = $1 FOR UPDATE`, [sourceId]);

      const acknowledged = new Set();
      const burst = leadIds.map((id, i) =>
        app
          .api(`/leads/${id}/convert`, {
            method: 'POST',
            body: JSON.stringify({
              partner: { mode: 'new' },
              contact: { mode: 'new' },
              opportunity: { name: `Deal ${i}`, amount: '1000.00', currency: 'EUR' },
            }),
          })
          .then((response) => {
            assert.equal(response.status, 200, JSON.stringify(response.body));
            acknowledged.add(id);
          }),
      );
      // settled as they end: the ones the kill cuts must not count as unhandled
      const settled = Promise.allSettled(burst);
      // the kill: once some conversions are acknowledged and the held-back ones are stuck half-way, with others in flight
      const unanswered = await killMidBurst(db, app, { settled, acknowledged, locker, heldStatement: 'INSERT INTO "partners"', what: 'conversions' });
      assert.ok(unanswered.length >= HELD_BACK, 'the held-back conversions were in flight at the kill');

      app = await startApp(db.url);
      const leads = await db.query(
        `SELECT l.id, l.status, l.partner_id, l.contact_id,
              p.id AS partner, c.partner_id AS contact_partner, o.partner_id AS opportunity_partner, o.contact_id AS opportunity_contact,
              (SELECT count(*)::int FROM opportunities x WHERE x.lead_id = l.id) AS opportunities,
              (SELECT count(*)::int FROM history_entries h WHERE h.subject_type = 'lead' AND h.subject_id = l.id AND h.kind = 'converted') AS converted_entries
         FROM leads l
         LEFT JOIN partners p ON p.id = l.partner_id
         LEFT JOIN contacts c ON c.id = l.contact_id
         LEFT JOIN opportunities o ON o.lead_id = l.id
        WHERE l.id = ANY($1::uuid[])`,
        [leadIds],
      );
      assert.equal(leads.length, CONVERSIONS);
      const converted = leads.filter((lead) => lead.status === 'converted');
      t.diagnostic(`${acknowledged.size} conversions acknowledged, ${unanswered.length} cut by the kill, ${converted.length} committed`);
      for (const lead of leads) {
        if (lead.status === 'converted') {
          // whole: partner, contact of that partner, one opportunity linked to both, the timeline entry
          assert.ok(lead.partner && lead.partner === lead.partner_id, `lead ${lead.id}: partner`);
          assert.equal(lead.contact_partner, lead.partner_id, `lead ${lead.id}: contact of the partner`);
          assert.equal(lead.opportunities, 1, `lead ${lead.id}: one opportunity`);
          assert.equal(lead.opportunity_partner, lead.partner_id, `lead ${lead.id}: opportunity of the partner`);
          assert.equal(lead.opportunity_contact, lead.contact_id, `lead ${lead.id}: opportunity of the contact`);
          assert.equal(lead.converted_entries, 1, `lead ${lead.id}: timeline`);
        } else {
          // untouched
          assert.equal(lead.status, 'new', `lead ${lead.id}`);
          assert.equal(lead.partner_id, null);
          assert.equal(lead.contact_id, null);
          assert.equal(lead.opportunities, 0);
          assert.equal(lead.converted_entries, 0);
        }
      }
      for (const id of acknowledged) assert.equal(leads.find((lead) => lead.id === id).status, 'converted', `acknowledged conversion of ${id} lost`);
      for (const id of heldBack) assert.equal(leads.find((lead) => lead.id === id).status, 'new', `held-back conversion of ${id} committed`);
      assert.equal(
        await count(db, `SELECT count(*)::int AS n FROM partners WHERE source_id = $1`, [sourceId]),
        0,
        'a half-made partner of a held-back conversion is left',
      );

      // no orphan: exactly one partner, contact and opportunity per converted lead
      assert.deepEqual(
        {
          partners: (await count(db, `SELECT count(*)::int AS n FROM partners`)) - baseline.partners,
          contacts: (await count(db, `SELECT count(*)::int AS n FROM contacts`)) - baseline.contacts,
          opportunities: (await count(db, `SELECT count(*)::int AS n FROM opportunities`)) - baseline.opportunities,
        },
        { partners: converted.length, contacts: converted.length, opportunities: converted.length },
      );

      // a lead the kill interrupted converts now: no lock or half-row left in its way
      const pending = leads.find((lead) => lead.status === 'new');
      const retried = await app.api(`/leads/${pending.id}/convert`, {
        method: 'POST',
        body: JSON.stringify({ partner: { mode: 'new' }, contact: { mode: 'new' } }),
      });
      assert.equal(retried.status, 200, JSON.stringify(retried.body));
      await app.stop();
    });

    it('keeps every merge acknowledged before the kill whole, and leaves the others unmerged, no reference half-moved', async (t) => {
      app = await startApp(db.url);
      const post = async (path, body) => {
        const response = await app.api(path, { method: 'POST', body: JSON.stringify(body) });
        assert.ok(response.status < 300, `${path}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      };
      // pairs of duplicates, each with a contact, an opportunity, an event and a timeline of its own
      const pairs = [];
      for (let i = 0; i < MERGES; i++) {
        const [kept, gone] = [await post('/partners', { name: `Merge ${i} SA` }), await post('/partners', { name: `MERGE ${i}` })];
        const contact = await post('/contacts', { lastName: `Merged contact ${i}`, partnerId: gone.id });
        const opportunity = await post('/opportunities', { name: `Merged deal ${i}`, partnerId: gone.id });
        const event = await post('/events', {
          type: 'call',
          subject: `Merged call ${i}`,
          startAt: '2027-02-01T09:00:00Z',
          endAt: '2027-02-01T09:15:00Z',
          partnerId: gone.id,
        });
        pairs.push({ kept: kept.id, gone: gone.id, contact: contact.id, opportunity: opportunity.id, event: event.id });
      }
      // The held-back merges stop half-way for sure: they move the contacts (uncommitted), then wait on the
      // opportunity rows this test locks until after the kill.
      const heldBack = pairs.slice(0, HELD_BACK);
      const locker = await db.connect();
      await locker.query(`BEGIN`);
      await locker.query(`SELECT 1 FROM opportunities WHERE id = ANY($1::uuid[]) FOR UPDATE`, [heldBack.map((pair) => pair.opportunity)]);

      const acknowledged = new Set();
      const settled = Promise.allSettled(
        pairs.map((pair) =>
          app
            .api('/duplicates/merge', { method: 'POST', body: JSON.stringify({ entity: 'partners', keepId: pair.kept, mergeIds: [pair.gone] }) })
            .then((response) => {
              assert.equal(response.status, 200, JSON.stringify(response.body));
              acknowledged.add(pair.gone);
            }),
        ),
      );
      const unanswered = await killMidBurst(db, app, { settled, acknowledged, locker, heldStatement: 'UPDATE "opportunities"', what: 'merges' });

      app = await startApp(db.url);
      const rows = await db.query(
        `SELECT p.gone, p.kept,
                EXISTS (SELECT 1 FROM partners WHERE id = p.gone) AS gone_exists,
                EXISTS (SELECT 1 FROM partners WHERE id = p.kept) AS kept_exists,
                (SELECT partner_id FROM contacts WHERE id = p.contact) AS contact_partner,
                (SELECT partner_id FROM opportunities WHERE id = p.opportunity) AS opportunity_partner,
                (SELECT partner_id FROM events WHERE id = p.event) AS event_partner,
                (SELECT count(*)::int FROM history_entries WHERE subject_type = 'partner' AND subject_id = p.kept AND kind = 'merged') AS merged_entries
           FROM jsonb_to_recordset($1::jsonb) AS p(gone uuid, kept uuid, contact uuid, opportunity uuid, event uuid)`,
        [JSON.stringify(pairs)],
      );
      const merged = rows.filter((row) => !row.gone_exists);
      t.diagnostic(`${acknowledged.size} merges acknowledged, ${unanswered.length} cut by the kill, ${merged.length} committed`);
      for (const row of rows) {
        assert.ok(row.kept_exists, `kept partner ${row.kept} lost`);
        // whole, or not at all: every reference on one side, one timeline entry when merged
        const owner = row.gone_exists ? row.gone : row.kept;
        assert.deepEqual(
          [row.contact_partner, row.opportunity_partner, row.event_partner, row.merged_entries],
          [owner, owner, owner, row.gone_exists ? 0 : 1],
          `pair ${row.gone} half-merged`,
        );
      }
      for (const id of acknowledged)
        assert.ok(
          merged.some((row) => row.gone === id),
          `acknowledged merge of ${id} lost`,
        );
      for (const pair of heldBack) assert.ok(rows.find((row) => row.gone === pair.gone).gone_exists, `held-back merge of ${pair.gone} committed`);

      // a merge the kill interrupted goes through now: no lock or half-move left in its way
      const retried = await app.api('/duplicates/merge', {
        method: 'POST',
        body: JSON.stringify({ entity: 'partners', keepId: heldBack[0].kept, mergeIds: [heldBack[0].gone] }),
      });
      assert.equal(retried.status, 200, JSON.stringify(retried.body));
      await app.stop();
    });
  },
);
