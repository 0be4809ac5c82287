import { MigrationInterface, QueryRunner } from 'typeorm';
import { ADDRESS_COLUMNS, AUDIT_COLUMNS } from './sql-fragments';

/**
 * Users, teams, sign-in tokens, the configuration lists and leads.
 * Every table carries the audit columns (id, created_at, updated_at,
 * created_by_id, version). Searchable tables have a generated, lower-cased
 * `search_text` with a trigram index: `q` is a substring match on it.
 */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'salesperson')),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name || ' ' || email)) STORED
      )`);
    // sign-in looks users up by email; also makes it unique
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await db.query(`CREATE INDEX users_search_trgm ON users USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        code text,
        description text,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(code, ''))) STORED
      )`);
    await db.query(`CREATE UNIQUE INDEX teams_name_key ON teams (lower(name))`);

    await db.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      )`);
    // a user's teams (the primary key serves a team's members)
    await db.query(`CREATE INDEX team_members_user_idx ON team_members (user_id)`);

    await db.query(`
      CREATE TABLE auth_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('session', 'personal')),
        name text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // every authenticated request resolves its token by hash
    await db.query(`CREATE UNIQUE INDEX auth_tokens_hash_key ON auth_tokens (token_hash)`);
    // "my API tokens"
    await db.query(`CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id, kind)`);

    await db.query(`
      CREATE TABLE lead_sources (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        code text,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(code, ''))) STORED
      )`);
    await db.query(`CREATE UNIQUE INDEX lead_sources_name_key ON lead_sources (lower(name))`);
    await db.query(`CREATE UNIQUE INDEX lead_sources_code_key ON lead_sources (code)`);

    await db.query(`
      CREATE TABLE lost_reasons (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        free_text boolean NOT NULL DEFAULT false,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name)) STORED
      )`);
    await db.query(`CREATE UNIQUE INDEX lost_reasons_name_key ON lost_reasons (lower(name))`);

    await db.query(`
      CREATE TABLE event_categories (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        code text NOT NULL,
        type text NOT NULL CHECK (type IN ('call', 'meeting', 'task', 'event')),
        color text,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name || ' ' || code)) STORED
      )`);
    await db.query(`CREATE UNIQUE INDEX event_categories_code_key ON event_categories (code)`);
    await db.query(`CREATE UNIQUE INDEX event_categories_name_key ON event_categories (lower(name))`);

    await db.query(`
      CREATE TABLE opportunity_types (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        code text NOT NULL,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name || ' ' || code)) STORED
      )`);
    await db.query(`CREATE UNIQUE INDEX opportunity_types_code_key ON opportunity_types (code)`);
    await db.query(`CREATE UNIQUE INDEX opportunity_types_name_key ON opportunity_types (lower(name))`);

    await db.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY,
        title text,
        first_name text,
        last_name text NOT NULL,
        company_name text,
        job_title text,
        email text,
        phone text,
        mobile_phone text,
        website text,
        ${ADDRESS_COLUMNS},
        source_id uuid REFERENCES lead_sources (id),
        referred_by text,
        assigned_to_id uuid REFERENCES users (id),
        team_id uuid REFERENCES teams (id),
        do_not_call boolean NOT NULL DEFAULT false,
        do_not_email boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'assigned', 'in_progress', 'converted', 'lost')),
        lost_reason_id uuid REFERENCES lost_reasons (id),
        lost_note text,
        description text,
        partner_id uuid,
        contact_id uuid,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(
          coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company_name, '') || ' ' ||
          coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(mobile_phone, ''))) STORED
      )`);
    // the default list: newest first
    await db.query(`CREATE INDEX leads_created_idx ON leads (created_at DESC, id DESC)`);
    // "my leads in status X", newest first
    await db.query(`CREATE INDEX leads_assignee_status_idx ON leads (assigned_to_id, status, created_at DESC)`);
    // status filter alone (the list's status tabs)
    await db.query(`CREATE INDEX leads_status_idx ON leads (status, created_at DESC)`);
    // q: substring search on names, company, email, phones
    await db.query(`CREATE INDEX leads_search_trgm ON leads USING gin (search_text gin_trgm_ops)`);

    // Axelor's initial data: opportunity types and event categories
    await db.query(`
      INSERT INTO opportunity_types (id, name, code) VALUES
        (gen_random_uuid(), 'New customer', 'NEW'),
        (gen_random_uuid(), 'Existing customer', 'EXT'),
        (gen_random_uuid(), 'Recurring', 'RCR')`);
    await db.query(`
      INSERT INTO event_categories (id, name, code, type, color) VALUES
        (gen_random_uuid(), 'Internal meeting', 'INTM', 'meeting', '#64748b'),
        (gen_random_uuid(), 'Training', 'TRAIN', 'meeting', '#7c3aed'),
        (gen_random_uuid(), 'Customer meeting', 'CTMTG', 'meeting', '#2563eb'),
        (gen_random_uuid(), 'Supplier meeting', 'SPMTG', 'meeting', '#0d9488'),
        (gen_random_uuid(), 'Event', 'EVT', 'event', '#d97706'),
        (gen_random_uuid(), 'Prospect meeting', 'PPMTG', 'meeting', '#16a34a')`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['leads', 'opportunity_types', 'event_categories', 'lost_reasons', 'lead_sources', 'auth_tokens', 'team_members', 'teams', 'users']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
