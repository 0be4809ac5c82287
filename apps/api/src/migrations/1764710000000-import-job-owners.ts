import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background imports name the process running them, so that a job whose
 * process died (killed, crashed, its machine gone) is marked failed instead
 * of staying `running` for ever (ImportJobsService). Jobs already there keep
 * no owner: judged by their heartbeat (`updated_at`) alone.
 */
export class ImportJobOwners1764710000000 implements MigrationInterface {
  name = 'ImportJobOwners1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_jobs ADD COLUMN owner_id uuid, ADD COLUMN owner_host text, ADD COLUMN owner_pid integer`);
    // serves the sweeps for dead jobs (every process, on start and every few seconds): running jobs are few, the others many
    await db.query(`CREATE INDEX import_jobs_running_idx ON import_jobs (updated_at) WHERE status = 'running'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS import_jobs_running_idx`);
    await db.query(`ALTER TABLE import_jobs DROP COLUMN IF EXISTS owner_id, DROP COLUMN IF EXISTS owner_host, DROP COLUMN IF EXISTS owner_pid`);
  }
}
