import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempt counters, shared by every API process (they were kept in
 * each process's memory, checked before and counted after the password, so
 * parallel guesses all passed the check). One row per counter and fixed
 * window: `scope` says what it counts (`account_address`: an email from one
 * client address; `address`: every email from one address; `account`: an
 * email from anywhere), `subject` is the normalised key (lower-case email,
 * address, or `email|address`). The limits themselves live in the code
 * (modules/auth/login-throttle.ts).
 *
 * An attempt takes its slot in all its counters in one statement before the
 * password is checked (`INSERT … ON CONFLICT DO UPDATE SET attempts =
 * attempts + 1 … RETURNING`); the row locks make parallel attempts count one
 * after the other, and an attempt that finds a counter full rolls back,
 * taking no slot anywhere. A row whose window has ended starts a new one in
 * place; rows nobody touched again are deleted by later attempts, a bounded
 * batch at a time, through the index below.
 */
export class LoginAttempts1764700000000 implements MigrationInterface {
  name = 'LoginAttempts1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_attempts (
        scope text NOT NULL CHECK (scope IN ('account', 'account_address', 'address')),
        subject text NOT NULL,
        attempts integer NOT NULL CHECK (attempts >= 0),
        window_ends_at timestamptz NOT NULL,
        PRIMARY KEY (scope, subject)
      )`);
    // the cleanup: `… WHERE window_ends_at <= now() LIMIT 100 FOR UPDATE SKIP LOCKED`
    await db.query(`CREATE INDEX login_attempts_window_ends_at_idx ON login_attempts (window_ends_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS login_attempts`);
  }
}
