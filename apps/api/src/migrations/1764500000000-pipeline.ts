import { generateNKeysBetween } from 'fractional-indexing';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_COLUMNS } from './sql-fragments';

const STAGES = ['new', 'qualification', 'proposition', 'negotiation', 'closed_won', 'closed_lost'];

/**
 * The pipeline: a card order within each kanban column, kept as fractional
 * keys (a move writes one row, never renumbers the column; unique per
 * stage), and quotations with their lines (the order once confirmed).
 */
export class Pipeline1764500000000 implements MigrationInterface {
  name = 'Pipeline1764500000000';

  async up(db: QueryRunner): Promise<void> {
    // "C" collation: ranks compare byte by byte, as the key generator assumes
    await db.query(`ALTER TABLE opportunities ADD COLUMN rank text COLLATE "C"`);
    for (const stage of STAGES) {
      const rows = (await db.query(`SELECT id FROM opportunities WHERE stage = $1 ORDER BY created_at, id`, [stage])) as { id: string }[];
      const keys = generateNKeysBetween(null, null, rows.length);
      for (let i = 0; i < rows.length; i += 5000) {
        await db.query(`UPDATE opportunities o SET rank = k.rank FROM unnest($1::uuid[], $2::text[]) AS k(id, rank) WHERE o.id = k.id`, [
          rows.slice(i, i + 5000).map((row) => row.id),
          keys.slice(i, i + 5000),
        ]);
      }
    }
    await db.query(`ALTER TABLE opportunities ALTER COLUMN rank SET NOT NULL`);
    // a kanban column in card order (first page); unique: two cards never share a place
    await db.query(`CREATE UNIQUE INDEX opportunities_stage_rank_key ON opportunities (stage, rank)`);
    // weighted pipeline totals per stage read only this index
    await db.query(`CREATE INDEX opportunities_pipeline_idx ON opportunities (stage, currency) INCLUDE (amount, probability, assigned_to_id, team_id)`);

    await db.query(`CREATE SEQUENCE quotation_number_seq`);
    await db.query(`
      CREATE TABLE quotations (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'confirmed', 'cancelled')),
        opportunity_id uuid REFERENCES opportunities (id) ON DELETE SET NULL,
        partner_id uuid NOT NULL REFERENCES partners (id),
        contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
        currency char(3) NOT NULL,
        assigned_to_id uuid REFERENCES users (id),
        valid_until date,
        notes text,
        untaxed numeric(18, 2) NOT NULL DEFAULT 0,
        tax numeric(18, 2) NOT NULL DEFAULT 0,
        total numeric(18, 2) NOT NULL DEFAULT 0,
        confirmed_at timestamptz,
        ${AUDIT_COLUMNS}
      )`);
    await db.query(`CREATE UNIQUE INDEX quotations_number_key ON quotations (number)`);
    // an opportunity's or a partner's quotations
    await db.query(`CREATE INDEX quotations_opportunity_idx ON quotations (opportunity_id)`);
    await db.query(`CREATE INDEX quotations_partner_idx ON quotations (partner_id, status)`);
    await db.query(`
      CREATE TABLE quotation_lines (
        id uuid PRIMARY KEY,
        quotation_id uuid NOT NULL REFERENCES quotations (id) ON DELETE CASCADE,
        position integer NOT NULL,
        description text NOT NULL,
        quantity numeric(14, 3) NOT NULL,
        unit_price numeric(16, 2) NOT NULL,
        discount_percent numeric(5, 2) NOT NULL DEFAULT 0,
        tax_rate numeric(5, 2) NOT NULL DEFAULT 0,
        net numeric(18, 2) NOT NULL,
        tax numeric(18, 2) NOT NULL,
        total numeric(18, 2) NOT NULL
      )`);
    await db.query(`CREATE INDEX quotation_lines_quotation_idx ON quotation_lines (quotation_id, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS quotation_lines`);
    await db.query(`DROP TABLE IF EXISTS quotations`);
    await db.query(`DROP SEQUENCE IF EXISTS quotation_number_seq`);
    await db.query(`DROP INDEX IF EXISTS opportunities_pipeline_idx`);
    await db.query(`DROP INDEX IF EXISTS opportunities_stage_rank_key`);
    await db.query(`ALTER TABLE opportunities DROP COLUMN IF EXISTS rank`);
  }
}
