import { spawnSync } from 'node:child_process';
import type { Test } from 'supertest';
import { DIED, ImportJobsService, STALE_AFTER_MS } from '../src/platform/csv/import-jobs.service';
import { THIS_PROCESS } from '../src/platform/csv/process-identity';
import { newId } from '../src/platform/database/ids';
import { startTestApp, TestApp } from './support/test-app';
import { testDatabaseMode } from './support/test-database';

/**
 * Background imports whose process died: failed with nothing stored and a
 * reason, never `running` for ever, and never failed while their process
 * lives. Other processes are played by rows written as theirs would be
 * (owner, host, pid, heartbeat); the real kill is in fault/.
 */
const onServer = testDatabaseMode() === 'postgres';
(onServer ? describe : describe.skip)('background imports whose process is gone', () => {
  let t: TestApp;
  let adminId: string;
  let service: ImportJobsService;
  const as = (req: Test) => req.auth(t.adminToken, { type: 'bearer' });
  const poll = async (jobId: string) => (await as(t.http.get(`/api/v1/imports/${jobId}`)).expect(200)).body;
  const leadCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`))[0].n as number;
  /** A pid no process has: one that ran and was reaped. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

  /** A job as another process would have left it: 500 rows read, 490 judged good (an earlier version counted them as accepted), none stored. */
  const runningJob = async (owner: { host: string; pid: number }, heartbeatAgoMs = 0) => {
    const id = newId();
    await t.dataSource.query(
      `INSERT INTO import_jobs (id, resource, status, processed_rows, accepted, refused_count, created_by_id, owner_id, owner_host, owner_pid, updated_at)
       VALUES ($1, 'leads', 'running', 500, 490, 10, $2, $3, $4, $5, now() - make_interval(secs => $6))`,
      [id, adminId, newId(), owner.host, owner.pid, heartbeatAgoMs / 1000],
    );
    return id;
  };
  const status = async (id: string) => (await t.dataSource.query(`SELECT status FROM import_jobs WHERE id = $1`, [id]))[0].status as string;

  beforeAll(async () => {
    t = await startTestApp();
    adminId = (await as(t.http.get('/api/v1/auth/me')).expect(200)).body.id;
    service = t.app.get(ImportJobsService);
    // the tests call the sweep themselves: the periodic one would race them
    await service['heartbeat'].stop();
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query(`DELETE FROM import_jobs; DELETE FROM leads`));

  it('fails a job whose process on this host is gone when it is polled: a reason, accepted 0', async () => {
    const id = await runningJob({ host: THIS_PROCESS.host, pid: deadPid() });
    expect(await poll(id)).toEqual({ jobId: id, resource: 'leads', status: 'failed', processedRows: 500, accepted: 0, refusedCount: 10, error: DIED });
  });

  it('fails a job left by an earlier process that had this pid', async () => {
    const id = await runningJob({ host: THIS_PROCESS.host, pid: process.pid });
    expect(await poll(id)).toMatchObject({ status: 'failed', accepted: 0, error: DIED });
  });

  it('leaves running a job whose process lives, here or on another host, while its heartbeat is fresh', async () => {
    const here = await runningJob({ host: THIS_PROCESS.host, pid: process.ppid });
    const elsewhere = await runningJob({ host: 'another-machine', pid: deadPid() }, STALE_AFTER_MS / 2);
    expect(await service.failDeadJobs()).toBe(0);
    // and while running it stores nothing, so it says so
    for (const id of [here, elsewhere]) expect(await poll(id)).toMatchObject({ status: 'running', processedRows: 500, accepted: 0 });
  });

  it('fails a job whose heartbeat is stale, whichever host ran it', async () => {
    const elsewhere = await runningJob({ host: 'another-machine', pid: process.pid }, STALE_AFTER_MS + 5000);
    const here = await runningJob({ host: THIS_PROCESS.host, pid: process.ppid }, STALE_AFTER_MS + 5000);
    const fresh = await runningJob({ host: 'another-machine', pid: 1 });
    expect(await service.failDeadJobs()).toBe(2);
    expect([await status(elsewhere), await status(here), await status(fresh)]).toEqual(['failed', 'failed', 'running']);
    expect(await poll(elsewhere)).toMatchObject({ status: 'failed', accepted: 0, error: DIED });
  });

  it('never touches a finished job', async () => {
    const id = await runningJob({ host: THIS_PROCESS.host, pid: deadPid() }, STALE_AFTER_MS * 2);
    await t.dataSource.query(`UPDATE import_jobs SET status = 'done' WHERE id = $1`, [id]);
    expect(await service.failDeadJobs()).toBe(0);
    expect(await poll(id)).toMatchObject({ status: 'done', accepted: 490 });
  });

  it('stores no row of an import whose job was failed while it ran (taken for dead): the outcome commits with the rows', async () => {
    // the last batch waits in the database, long enough for "another process" to mark the job failed
    await t.dataSource.query(`
      CREATE FUNCTION slow_last() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.last_name = 'Slow' THEN PERFORM pg_sleep(1.5); END IF; RETURN NEW; END $$`);
    await t.dataSource.query(`CREATE TRIGGER slow_last BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION slow_last()`);
    try {
      const rows = Array.from({ length: 2500 }, (_, i) => (i === 2499 ? 'Slow' : `Lead ${i}`));
      const file = Buffer.from(['lastName', ...rows].join('\n'));
      const { jobId } = (await as(t.http.post('/api/v1/leads/import?mode=async')).attach('file', file, 'leads.csv').expect(202)).body;
      let job = await poll(jobId);
      for (let i = 0; i < 100 && job.processedRows < 2500; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        job = await poll(jobId);
      }
      // every row read and judged good, none stored yet: accepted says 0
      expect(job).toMatchObject({ status: 'running', processedRows: 2500, accepted: 0, refusedCount: 0 });
      await t.dataSource.query(`UPDATE import_jobs SET status = 'failed', error = $2 WHERE id = $1`, [jobId, DIED]);
      for (let i = 0; i < 200 && service['mine'].has(jobId); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(service['mine'].has(jobId)).toBe(false);
      expect(await poll(jobId)).toMatchObject({ status: 'failed', accepted: 0, error: DIED });
      expect(await leadCount()).toBe(0);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM history_entries WHERE summary = 'Lead imported from a CSV file'`))[0].n).toBe(0);
    } finally {
      await t.dataSource.query(`DROP TRIGGER slow_last ON leads; DROP FUNCTION slow_last()`);
    }
  });

  it('heartbeats its own running jobs, so no other process takes them for dead', async () => {
    const id = newId();
    await t.dataSource.query(
      `INSERT INTO import_jobs (id, resource, status, created_by_id, owner_id, owner_host, owner_pid, updated_at)
       VALUES ($1, 'leads', 'running', $2, $3, $4, $5, now() - interval '1 hour')`,
      [id, adminId, THIS_PROCESS.id, THIS_PROCESS.host, THIS_PROCESS.pid],
    );
    service['mine'].add(id);
    try {
      await service['beat']();
      expect(await status(id)).toBe('running');
      const [{ fresh }] = await t.dataSource.query(`SELECT updated_at > now() - interval '10 seconds' AS fresh FROM import_jobs WHERE id = $1`, [id]);
      expect(fresh).toBe(true);
    } finally {
      service['mine'].delete(id);
    }
  });
});

/** PGlite serves one process: a running job that is not this process's own was left by an earlier start. */
(onServer ? describe.skip : describe)('background imports left running, on the embedded database', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('fails every running job this process does not run, with a reason and accepted 0', async () => {
    const adminId = (await t.http.get('/api/v1/auth/me').auth(t.adminToken, { type: 'bearer' }).expect(200)).body.id as string;
    const id = newId();
    await t.dataSource.query(
      `INSERT INTO import_jobs (id, resource, status, processed_rows, accepted, created_by_id, owner_id, owner_host, owner_pid) VALUES ($1, 'leads', 'running', 10, 10, $2, $3, 'another-machine', 1)`,
      [id, adminId, newId()],
    );
    expect(await t.app.get(ImportJobsService).failDeadJobs()).toBe(1);
    const job = (await t.http.get(`/api/v1/imports/${id}`).auth(t.adminToken, { type: 'bearer' }).expect(200)).body;
    expect(job).toMatchObject({ status: 'failed', accepted: 0, error: DIED });
  });
});
