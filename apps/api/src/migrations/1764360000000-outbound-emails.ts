import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emails to leads, partners and contacts: written in the request's
 * transaction, sent by a worker that claims due rows with SKIP LOCKED, so
 * several API processes never send one twice and nothing is lost on a crash.
 */
export class OutboundEmails1764360000000 implements MigrationInterface {
  name = 'OutboundEmails1764360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbound_emails (
        id uuid PRIMARY KEY,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        created_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the worker's claim: due queued emails, oldest first
    await db.query(`CREATE INDEX outbound_emails_due_idx ON outbound_emails (next_attempt_at) WHERE status = 'queued'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS outbound_emails`);
  }
}
