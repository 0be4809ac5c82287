import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weighted pipeline totals kept up to date by a trigger, one row per
 * (stage, currency, salesperson, team): summing 300,000 opportunities on
 * every kanban refresh took seconds; reading a few hundred rows takes one
 * millisecond. `weighted_cents` is sum(amount × probability), exact; the API
 * divides by 100.
 */
export class PipelineTotals1764520000000 implements MigrationInterface {
  name = 'PipelineTotals1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE opportunity_pipeline_totals (
        stage text NOT NULL,
        currency char(3) NOT NULL,
        assigned_to_id uuid,
        team_id uuid,
        count integer NOT NULL,
        amount numeric(20, 2) NOT NULL,
        weighted_cents numeric(24, 2) NOT NULL
      )`);
    // one row per group; NULLS NOT DISTINCT: an unassigned group is one row, so the upsert finds it
    await db.query(`
      CREATE UNIQUE INDEX opportunity_pipeline_totals_group_key
        ON opportunity_pipeline_totals (stage, currency, assigned_to_id, team_id) NULLS NOT DISTINCT`);

    await db.query(`
      CREATE FUNCTION opportunity_pipeline_totals_add(
        p_stage text, p_currency char(3), p_assigned uuid, p_team uuid, p_count integer, p_amount numeric, p_weighted numeric
      ) RETURNS void LANGUAGE sql AS $$
        INSERT INTO opportunity_pipeline_totals AS t (stage, currency, assigned_to_id, team_id, count, amount, weighted_cents)
        VALUES (p_stage, p_currency, p_assigned, p_team, p_count, p_amount, p_weighted)
        ON CONFLICT (stage, currency, assigned_to_id, team_id)
        DO UPDATE SET count = t.count + EXCLUDED.count, amount = t.amount + EXCLUDED.amount,
                      weighted_cents = t.weighted_cents + EXCLUDED.weighted_cents
      $$`);
    // A row moving between two groups touches them in key order, so two
    // opposite moves cannot deadlock on the group rows.
    await db.query(`
      CREATE FUNCTION opportunity_pipeline_totals_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_key text;
        new_key text;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.stage = NEW.stage AND OLD.currency = NEW.currency
           AND OLD.assigned_to_id IS NOT DISTINCT FROM NEW.assigned_to_id AND OLD.team_id IS NOT DISTINCT FROM NEW.team_id
           AND OLD.amount IS NOT DISTINCT FROM NEW.amount AND OLD.probability = NEW.probability THEN
          RETURN NULL; -- a rank-only move or another field: the totals do not change
        END IF;
        IF TG_OP <> 'INSERT' THEN
          old_key := concat_ws('|', OLD.stage, OLD.currency, OLD.assigned_to_id, OLD.team_id);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          new_key := concat_ws('|', NEW.stage, NEW.currency, NEW.assigned_to_id, NEW.team_id);
        END IF;
        IF old_key IS NOT NULL AND (new_key IS NULL OR old_key <= new_key) THEN
          PERFORM opportunity_pipeline_totals_add(OLD.stage, OLD.currency, OLD.assigned_to_id, OLD.team_id,
            -1, -coalesce(OLD.amount, 0), -coalesce(OLD.amount, 0) * OLD.probability);
          old_key := NULL;
        END IF;
        IF new_key IS NOT NULL THEN
          PERFORM opportunity_pipeline_totals_add(NEW.stage, NEW.currency, NEW.assigned_to_id, NEW.team_id,
            1, coalesce(NEW.amount, 0), coalesce(NEW.amount, 0) * NEW.probability);
        END IF;
        IF old_key IS NOT NULL THEN
          PERFORM opportunity_pipeline_totals_add(OLD.stage, OLD.currency, OLD.assigned_to_id, OLD.team_id,
            -1, -coalesce(OLD.amount, 0), -coalesce(OLD.amount, 0) * OLD.probability);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER opportunities_pipeline_totals AFTER INSERT OR UPDATE OR DELETE ON opportunities
        FOR EACH ROW EXECUTE FUNCTION opportunity_pipeline_totals_track()`);
    // A bulk load that bypasses triggers (session_replication_role = replica) calls this afterwards.
    await db.query(`
      CREATE FUNCTION opportunity_pipeline_totals_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM opportunity_pipeline_totals;
        INSERT INTO opportunity_pipeline_totals (stage, currency, assigned_to_id, team_id, count, amount, weighted_cents)
        SELECT stage, currency, assigned_to_id, team_id, count(*), coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
          FROM opportunities GROUP BY stage, currency, assigned_to_id, team_id;
      $$`);
    await db.query(`SELECT opportunity_pipeline_totals_rebuild()`);
    // the totals no longer read the opportunities table
    await db.query(`DROP INDEX IF EXISTS opportunities_pipeline_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX opportunities_pipeline_idx ON opportunities (stage, currency) INCLUDE (amount, probability, assigned_to_id, team_id)`);
    await db.query(`DROP TRIGGER IF EXISTS opportunities_pipeline_totals ON opportunities`);
    await db.query(`DROP FUNCTION IF EXISTS opportunity_pipeline_totals_rebuild()`);
    await db.query(`DROP FUNCTION IF EXISTS opportunity_pipeline_totals_track()`);
    await db.query(`DROP FUNCTION IF EXISTS opportunity_pipeline_totals_add(text, char, uuid, uuid, integer, numeric, numeric)`);
    await db.query(`DROP TABLE IF EXISTS opportunity_pipeline_totals`);
  }
}
