import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background CSV imports (`POST /<resource>/import?mode=async`) and their progress. */
export class ImportJobs1764400000000 implements MigrationInterface {
  name = 'ImportJobs1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY,
        resource text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        processed_rows integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        refused_count integer NOT NULL DEFAULT 0,
        report jsonb,
        error text,
        created_by_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // a poll (GET /imports/:jobId) reads by primary key; this serves deleting a user's jobs with the user
    await db.query(`CREATE INDEX import_jobs_created_by_idx ON import_jobs (created_by_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS import_jobs`);
  }
}
