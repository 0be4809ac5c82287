import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, QueryRunner } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { newId } from '../database/ids';
import { translateDatabaseError } from '../errors/database-errors';
import { DomainError, notFound } from '../errors/domain-error';
import { PollingWorker } from '../jobs/polling-worker';
import type { ImportJobStartedView, ImportJobView } from './csv-api';
import { CsvImporter, ImportProgress, ImportReport } from './csv-importer';
import type { CsvResource } from './csv-resource';
import { ImportJob } from './import-job.entity';
import { isGone, THIS_PROCESS } from './process-identity';

/** How often a process tells the database that its running jobs are alive, and looks for dead ones. */
const HEARTBEAT_MS = 10_000;
/**
 * A running job whose heartbeat is older than this died with its process
 * (twelve heartbeats missed: no pause of a live process lasts that long).
 */
export const STALE_AFTER_MS = 2 * 60_000;
export const DIED = 'The import stopped before it finished (the server running it stopped or restarted); nothing was imported. Upload the file again.';
const STOPPED = 'The import stopped: the server was shut down before it finished; nothing was imported. Upload the file again.';

/** Thrown in the import's transaction when its job is no longer `running` (judged dead elsewhere): its rows roll back. */
class JobAbandoned extends Error {}

/**
 * Imports run in the background (`?mode=async`). The upload is spooled to a
 * temporary file first, so the request ends at once and the import never
 * waits on the client; progress goes to `import_jobs` after each batch.
 *
 * A job whose process dies must not stay `running` for ever. Several API
 * processes may share the database (CRM_API_PROCESSES, replicas on other
 * machines), so a process can only judge another's job dead from what it
 * knows for sure:
 * - each job names its owner: a per-start process id (so a reused pid is not
 *   taken for the owner), its host and its pid there;
 * - while a job runs, its process bumps its `updated_at` every
 *   {@link HEARTBEAT_MS}; a job whose heartbeat is older than
 *   {@link STALE_AFTER_MS} is dead, whichever host ran it (a machine gone,
 *   a process frozen);
 * - on the same host (same name, boot and pid namespace), a job whose
 *   owner's pid no longer exists is dead at once, which is what a restart
 *   after a crash or a SIGKILL finds;
 * - on the embedded database only this process runs: every running job that
 *   is not its own is dead.
 * Every process looks on start, every heartbeat, and when a running job is
 * polled; marking is one conditional UPDATE, so two processes doing it at
 * once agree. A wrong guess cannot make the job lie: the job becomes `done`
 * in the import's own transaction, only while it is still `running`, so
 * either the rows and `done` commit together, or the job is `failed` and
 * the rows roll back. `accepted` counts stored rows: 0 until `done`.
 */
@Injectable()
export class ImportJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Imports');
  /** The jobs this instance is running, heartbeat by it. */
  private readonly mine = new Set<string>();
  private readonly heartbeat = new PollingWorker('ImportHeartbeat', () => this.beat(), HEARTBEAT_MS, Number.POSITIVE_INFINITY);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly importer: CsvImporter,
  ) {}

  /** Jobs left running by a process that died are failed before this one serves. */
  async onApplicationBootstrap(): Promise<void> {
    await this.failDeadJobs().catch((error: unknown) => this.logger.warn(`could not look for dead imports: ${String(error)}`));
    // on the embedded database no other process runs jobs, and its one connection is the running import's
    if (!this.embedded) this.heartbeat.start();
  }

  /** A job still running here is failed at once rather than when it goes stale (its transaction dies with the connection). */
  async onApplicationShutdown(): Promise<void> {
    await this.heartbeat.stop();
    if (!this.mine.size) return;
    await this.dataSource
      .query(`UPDATE import_jobs SET status = 'failed', error = $2, accepted = 0, finished_at = now() WHERE id = ANY($1::uuid[]) AND status = 'running'`, [
        [...this.mine],
        STOPPED,
      ])
      .catch((error: unknown) => this.logger.warn(`could not mark the running imports failed: ${String(error)}`));
  }

  /** Stores the file, checks its header (400 before any job exists), and starts the import. */
  async start<Dto extends object>(resource: CsvResource<Dto>, file: Readable, actor: AuthenticatedUser): Promise<ImportJobStartedView> {
    const dir = await mkdtemp(join(tmpdir(), 'crm-import-'));
    const removeDir = () => rm(dir, { recursive: true, force: true });
    try {
      const path = join(dir, `${resource.name}.csv`);
      await pipeline(file, createWriteStream(path));
      const source = createReadStream(path);
      const pending = await this.importer.open(resource, source).catch((error: unknown) => {
        source.destroy();
        throw error;
      });
      const jobId = newId();
      try {
        await this.dataSource.getRepository(ImportJob).insert({
          id: jobId,
          resource: resource.name,
          status: 'running',
          createdById: actor.id,
          ownerId: THIS_PROCESS.id,
          ownerHost: THIS_PROCESS.host,
          ownerPid: THIS_PROCESS.pid,
        });
      } catch (error) {
        pending.abandon();
        throw error;
      }
      this.mine.add(jobId);
      void this.execute(jobId, (beforeCommit) => pending.run(actor, { onProgress: this.progressWriter(jobId), beforeCommit }))
        .finally(() => this.mine.delete(jobId))
        .finally(removeDir);
      return { jobId };
    } catch (error) {
      await removeDir();
      throw error;
    }
  }

  /** The job as its owner sees it; 404 for anyone else. A running job whose process is gone is failed first. */
  async get(jobId: string, actor: AuthenticatedUser): Promise<ImportJobView> {
    const jobs = this.dataSource.getRepository(ImportJob);
    let job = await jobs.findOneBy({ id: jobId, createdById: actor.id });
    if (!job) throw notFound('import job', jobId);
    if (job.status === 'running' && !this.mine.has(jobId) && (await this.failDeadJobs(jobId))) {
      job = (await jobs.findOneBy({ id: jobId }))!;
    }
    return {
      jobId: job.id,
      resource: job.resource,
      status: job.status,
      processedRows: job.processedRows,
      // stored rows only: a job written by an earlier version counted rows judged good while running
      accepted: job.status === 'done' ? job.accepted : 0,
      refusedCount: job.refusedCount,
      ...(job.report ? { report: job.report } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  /**
   * Marks failed the running jobs (all, or the one named) whose process is
   * gone, as the class comment says; returns how many. Never one of this
   * instance's own jobs: those are alive as long as it is.
   */
  async failDeadJobs(jobId?: string): Promise<number> {
    const mine = [...this.mine];
    let gone: string[] = [];
    if (!this.embedded) {
      const sameHost = await this.dataSource.query<{ id: string; owner_id: string; owner_pid: number }[]>(
        `SELECT id, owner_id, owner_pid FROM import_jobs WHERE status = 'running' AND owner_host = $1 AND ($2::uuid IS NULL OR id = $2)`,
        [THIS_PROCESS.host, jobId ?? null],
      );
      gone = sameHost.filter((job) => isGone({ id: job.owner_id, pid: job.owner_pid })).map((job) => job.id);
    }
    const [, failed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE import_jobs SET status = 'failed', error = $1, accepted = 0, finished_at = now()
        WHERE status = 'running' AND ($2::uuid IS NULL OR id = $2) AND id <> ALL($3::uuid[])
          AND ($4::boolean OR id = ANY($5::uuid[]) OR updated_at < now() - make_interval(secs => $6))`,
      [DIED, jobId ?? null, mine, this.embedded, gone, STALE_AFTER_MS / 1000],
    );
    if (failed) this.logger.warn(`${failed} import(s) left running by a process that is gone marked failed`);
    return failed;
  }

  /** One heartbeat: this instance's jobs are alive; others' dead ones are failed. */
  private async beat(): Promise<number> {
    if (this.mine.size) {
      await this.dataSource.query(`UPDATE import_jobs SET updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'running'`, [[...this.mine]]);
    }
    await this.failDeadJobs();
    return 0;
  }

  private get embedded(): boolean {
    return !this.config.databaseUrl;
  }

  private async execute(
    jobId: string,
    run: (beforeCommit: (runner: QueryRunner, report: ImportReport) => Promise<void>) => Promise<ImportReport>,
  ): Promise<void> {
    try {
      await run((runner, report) => this.markDone(runner, jobId, report));
    } catch (error) {
      if (error instanceof JobAbandoned) {
        this.logger.warn(`import ${jobId} was marked failed while it ran (its process was taken for dead); its rows were rolled back`);
        return;
      }
      const refusal = error instanceof DomainError ? error : translateDatabaseError(error);
      if (!refusal) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const message = refusal
        ? [refusal.message, ...refusal.fieldErrors.map((e) => `${e.field}: ${e.message}`)].join(' ')
        : 'The import failed on our side (it has been logged); nothing was imported.';
      await this.fail(jobId, message).catch((failure: unknown) => this.logger.error(String(failure)));
    }
  }

  /**
   * In the import's transaction, after its last row: the job becomes `done`
   * with its report only if it is still `running`, so the rows and the
   * outcome commit together. A job another process marked failed meanwhile
   * rolls the rows back.
   */
  private async markDone(runner: QueryRunner, jobId: string, report: ImportReport): Promise<void> {
    const { affected } = await runner.query(
      `UPDATE import_jobs SET status = 'done', report = $2::jsonb, processed_rows = $3, accepted = $4, refused_count = $5, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'running'`,
      [jobId, JSON.stringify(report), report.total, report.accepted, report.refusedCount],
      true,
    );
    if (!affected) throw new JobAbandoned();
  }

  /**
   * Writes progress without holding the import up: at most one write in
   * flight, the latest figures win. Not awaited by the import, which also
   * keeps the embedded database (one connection, held by the import's
   * transaction) from waiting on itself. Rows are not stored until the job
   * is done, so `accepted` stays 0 until then.
   */
  private progressWriter(jobId: string): (progress: ImportProgress) => void {
    let writing = false;
    let next: ImportProgress | undefined;
    const write = (progress: ImportProgress) => {
      writing = true;
      this.dataSource
        .query(`UPDATE import_jobs SET processed_rows = $2, refused_count = $3, updated_at = now() WHERE id = $1 AND status = 'running'`, [
          jobId,
          progress.processedRows,
          progress.refusedCount,
        ])
        .catch((error: unknown) => this.logger.warn(`progress of import ${jobId} not saved: ${String(error)}`))
        .finally(() => {
          writing = false;
          const queued = next;
          next = undefined;
          if (queued) write(queued);
        });
    };
    return (progress) => {
      if (writing) next = progress;
      else write(progress);
    };
  }

  /** Nothing was stored: `accepted` goes back to 0. The reason is stored without NUL characters, which PostgreSQL refuses in text. */
  private async fail(jobId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_jobs SET status = 'failed', error = $2, accepted = 0, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [jobId, reason.replaceAll('\u0000', '\\u0000')],
    );
  }
}
