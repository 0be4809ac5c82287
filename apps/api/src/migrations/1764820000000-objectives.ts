import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_COLUMNS } from './sql-fragments';

/**
 * Commercial objectives (Axelor: TargetConfiguration): for one user or one
 * team, over a range of days, split by frequency. The targets apply to each
 * period (as Axelor copies them into each generated Target); the progress is
 * computed from the records when asked, never stored, so it cannot go stale.
 */
export class Objectives1764820000000 implements MigrationInterface {
  name = 'Objectives1764820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE objectives (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        team_id uuid REFERENCES teams (id) ON DELETE CASCADE,
        frequency text NOT NULL CHECK (frequency IN ('none', 'daily', 'weekly', 'monthly')),
        from_date date NOT NULL,
        to_date date NOT NULL,
        currency char(3) NOT NULL DEFAULT 'EUR',
        target_amount_won numeric(16, 2) CHECK (target_amount_won >= 0),
        target_opportunities_created integer CHECK (target_opportunities_created >= 0),
        target_opportunities_won integer CHECK (target_opportunities_won >= 0),
        target_calls_made integer CHECK (target_calls_made >= 0),
        target_meetings integer CHECK (target_meetings >= 0),
        ${AUDIT_COLUMNS},
        CHECK ((user_id IS NULL) <> (team_id IS NULL)),
        CHECK (to_date >= from_date)
      )`);
    // a salesperson's objectives and their teams' (the list and the home dashboard)
    await db.query(`CREATE INDEX objectives_user_idx ON objectives (user_id, from_date) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE INDEX objectives_team_idx ON objectives (team_id, from_date) WHERE team_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE objectives`);
  }
}
