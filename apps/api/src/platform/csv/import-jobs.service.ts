import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { newId } from '../database/ids';
import { translateDatabaseError } from '../errors/database-errors';
import { DomainError, notFound } from '../errors/domain-error';
import type { ImportJobStartedView, ImportJobView } from './csv-api';
import { CsvImporter, ImportProgress, ImportReport } from './csv-importer';
import type { CsvResource } from './csv-resource';
import { ImportJob } from './import-job.entity';

/** A running job whose progress has not moved for this long died with its process (its transaction rolled back). */
const STALE_AFTER_MS = 15 * 60 * 1000;
const DIED = 'The import stopped (the server restarted); nothing was imported. Upload the file again.';

/**
 * Imports run in the background (`?mode=async`). The upload is spooled to a
 * temporary file first, so the request ends at once and the import never
 * waits on the client; progress goes to `import_jobs` after each batch.
 */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: CsvImporter,
  ) {}

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
        await this.dataSource.getRepository(ImportJob).insert({ id: jobId, resource: resource.name, status: 'running', createdById: actor.id });
      } catch (error) {
        pending.abandon();
        throw error;
      }
      void this.execute(jobId, () => pending.run(actor, this.progressWriter(jobId))).finally(removeDir);
      return { jobId };
    } catch (error) {
      await removeDir();
      throw error;
    }
  }

  /** The job as its owner sees it; 404 for anyone else. */
  async get(jobId: string, actor: AuthenticatedUser): Promise<ImportJobView> {
    const jobs = this.dataSource.getRepository(ImportJob);
    let job = await jobs.findOneBy({ id: jobId, createdById: actor.id });
    if (!job) throw notFound('import job', jobId);
    if (job.status === 'running' && Date.now() - job.updatedAt.getTime() > STALE_AFTER_MS) {
      await this.finish(jobId, { status: 'failed', error: DIED });
      job = (await jobs.findOneBy({ id: jobId }))!;
    }
    return {
      jobId: job.id,
      resource: job.resource,
      status: job.status,
      processedRows: job.processedRows,
      accepted: job.accepted,
      refusedCount: job.refusedCount,
      ...(job.report ? { report: job.report } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  private async execute(jobId: string, run: () => Promise<ImportReport>): Promise<void> {
    try {
      const report = await run();
      await this.finish(jobId, { status: 'done', report, processedRows: report.total, accepted: report.accepted, refusedCount: report.refusedCount });
    } catch (error) {
      const refusal = error instanceof DomainError ? error : translateDatabaseError(error);
      if (!refusal) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const message = refusal
        ? [refusal.message, ...refusal.fieldErrors.map((e) => `${e.field}: ${e.message}`)].join(' ')
        : 'The import failed on our side (it has been logged); nothing was imported.';
      await this.finish(jobId, { status: 'failed', error: message }).catch((failure: unknown) => this.logger.error(String(failure)));
    }
  }

  /**
   * Writes progress without holding the import up: at most one write in
   * flight, the latest figures win. Not awaited by the import, which also
   * keeps the embedded database (one connection, held by the import's
   * transaction) from waiting on itself.
   */
  private progressWriter(jobId: string): (progress: ImportProgress) => void {
    let writing = false;
    let next: ImportProgress | undefined;
    const write = (progress: ImportProgress) => {
      writing = true;
      this.dataSource
        .query(`UPDATE import_jobs SET processed_rows = $2, accepted = $3, refused_count = $4, updated_at = now() WHERE id = $1 AND status = 'running'`, [
          jobId,
          progress.processedRows,
          progress.accepted,
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

  private async finish(jobId: string, outcome: Partial<Pick<ImportJob, 'status' | 'report' | 'error' | 'processedRows' | 'accepted' | 'refusedCount'>>): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ImportJob)
      .set({ ...outcome, finishedAt: () => 'now()' })
      .where('id = :jobId AND status = :running', { jobId, running: 'running' })
      .execute();
  }
}
