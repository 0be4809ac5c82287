import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ImportReport } from './csv-importer';

export type ImportJobStatus = 'running' | 'done' | 'failed';
export const IMPORT_JOB_STATUSES: readonly ImportJobStatus[] = ['running', 'done', 'failed'];

/**
 * An import run in the background (`?mode=async`): its progress is written
 * here after each batch so that a poll is one primary-key read. Only the user
 * who started it sees it. The process running it is named (owner) and keeps
 * `updatedAt` fresh while it lives, so that a job whose process died is
 * found and marked failed (ImportJobsService).
 */
@Entity('import_jobs')
export class ImportJob {
  @PrimaryColumn('uuid')
  id: string;

  /** The resource imported into (`leads`). */
  @Column('text')
  resource: string;

  @Column('text')
  status: ImportJobStatus;

  @Column('int', { default: 0 })
  processedRows: number;

  /** Rows stored: 0 until the job is done (the import commits all its rows at once), and when it failed. */
  @Column('int', { default: 0 })
  accepted: number;

  @Column('int', { default: 0 })
  refusedCount: number;

  /** The final report, once done. */
  @Column('jsonb', { nullable: true })
  report: ImportReport | null;

  /** Why it failed, for a person (never SQL or a stack). */
  @Column('text', { nullable: true })
  error: string | null;

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The heartbeat: bumped with each progress write and periodically by the process running the job; a running job that stops changing has died with its process. */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The process running the job: an id of its own (new at each start), its host and its process id there. Null on jobs started before owners were kept. */
  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @Column('text', { nullable: true })
  ownerHost: string | null;

  @Column('int', { nullable: true })
  ownerPid: number | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
