import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `crm_settings.customer_assignable_team_ids` names teams, but an array
 * cannot carry a foreign key: an unknown id was stored, and from then on no
 * user was a member of an "assignable" team, so every lead conversion was
 * refused. These triggers are the foreign key: the settings refuse an id
 * that is no team (23503, answered as 400 on that field), and a team the
 * setting names cannot be deleted (23503 "still referenced", answered 409).
 * The settings' check locks the teams it names (FOR KEY SHARE, as a real
 * foreign key does), so a concurrent deletion waits and then sees the ids.
 */
export class SettingsTeamReferences1764720000000 implements MigrationInterface {
  name = 'SettingsTeamReferences1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION crm_settings_check_teams() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        missing uuid;
      BEGIN
        PERFORM 1 FROM teams WHERE id = ANY (NEW.customer_assignable_team_ids) FOR KEY SHARE;
        SELECT wanted INTO missing FROM unnest(NEW.customer_assignable_team_ids) AS wanted
          WHERE NOT EXISTS (SELECT 1 FROM teams WHERE teams.id = wanted) LIMIT 1;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'team % does not exist', missing USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (customer_assignable_team_ids)=(%s) is not present in table "teams".', missing);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER crm_settings_teams_exist BEFORE INSERT OR UPDATE OF customer_assignable_team_ids ON crm_settings
        FOR EACH ROW EXECUTE FUNCTION crm_settings_check_teams()`);
    await db.query(`
      CREATE FUNCTION teams_check_settings_references() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM crm_settings WHERE OLD.id = ANY (customer_assignable_team_ids)) THEN
          RAISE EXCEPTION 'team % is named by the CRM settings', OLD.id USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (id)=(%s) is still referenced from table "crm_settings".', OLD.id);
        END IF;
        RETURN OLD;
      END $$`);
    await db.query(`
      CREATE TRIGGER teams_not_in_settings BEFORE DELETE ON teams
        FOR EACH ROW EXECUTE FUNCTION teams_check_settings_references()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS teams_not_in_settings ON teams`);
    await db.query(`DROP FUNCTION IF EXISTS teams_check_settings_references()`);
    await db.query(`DROP TRIGGER IF EXISTS crm_settings_teams_exist ON crm_settings`);
    await db.query(`DROP FUNCTION IF EXISTS crm_settings_check_teams()`);
  }
}
