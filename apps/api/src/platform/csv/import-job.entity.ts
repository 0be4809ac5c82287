import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ImportReport } from './csv-importer';

export type ImportJobStatus = 'running' | 'done' | 'failed';
export const IMPORT_JOB_STATUSES: readonly ImportJobStatus[] = ['running', 'done', 'failed'];

/**
 * An import run in the background (`?mode=async`): its progress is written
 * here after each batch so that a poll is one primary-key read. Only the user
 * who started it sees it.
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

  /** Bumped with each progress write: a running job that stops changing has died with its process. */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
