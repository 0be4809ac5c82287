import { MigrationInterface, QueryRunner } from 'typeorm';
import { ADDRESS_COLUMNS, AUDIT_COLUMNS } from './sql-fragments';

/**
 * The prospecting flow: partners (prospects, customers, suppliers), their
 * contacts, opportunities (the columns of the contract; the pipeline rules
 * come later), the CRM settings, and the history every record's timeline
 * reads.
 */
export class Prospecting1764350000000 implements MigrationInterface {
  name = 'Prospecting1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY,
        kind text NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'individual')),
        name text NOT NULL,
        first_name text,
        email text,
        phone text,
        mobile_phone text,
        website text,
        ${ADDRESS_COLUMNS},
        description text,
        source_id uuid REFERENCES lead_sources (id),
        assigned_to_id uuid REFERENCES users (id),
        team_id uuid REFERENCES teams (id),
        is_prospect boolean NOT NULL DEFAULT false,
        is_customer boolean NOT NULL DEFAULT false,
        is_supplier boolean NOT NULL DEFAULT false,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(
          name || ' ' || coalesce(first_name, '') || ' ' || coalesce(email, '') || ' ' ||
          coalesce(phone, '') || ' ' || coalesce(mobile_phone, ''))) STORED
      )`);
    // the default list: newest first
    await db.query(`CREATE INDEX partners_created_idx ON partners (created_at DESC, id DESC)`);
    // "my customers"
    await db.query(`CREATE INDEX partners_assignee_idx ON partners (assigned_to_id, created_at DESC)`);
    // q: substring search on names, email, phones
    await db.query(`CREATE INDEX partners_search_trgm ON partners USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        title text,
        first_name text,
        last_name text NOT NULL,
        email text,
        phone text,
        mobile_phone text,
        job_title text,
        partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
        do_not_call boolean NOT NULL DEFAULT false,
        do_not_email boolean NOT NULL DEFAULT false,
        ${ADDRESS_COLUMNS},
        description text,
        assigned_to_id uuid REFERENCES users (id),
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(
          coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' ' ||
          coalesce(phone, '') || ' ' || coalesce(mobile_phone, ''))) STORED
      )`);
    await db.query(`CREATE INDEX contacts_created_idx ON contacts (created_at DESC, id DESC)`);
    // a partner's contacts (partner page tab)
    await db.query(`CREATE INDEX contacts_partner_idx ON contacts (partner_id, last_name)`);
    await db.query(`CREATE INDEX contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE opportunities (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        stage text NOT NULL DEFAULT 'new'
          CHECK (stage IN ('new', 'qualification', 'proposition', 'negotiation', 'closed_won', 'closed_lost')),
        partner_id uuid REFERENCES partners (id),
        lead_id uuid REFERENCES leads (id) ON DELETE SET NULL,
        contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
        amount numeric(16, 2),
        currency char(3) NOT NULL DEFAULT 'EUR',
        probability integer NOT NULL DEFAULT 10 CHECK (probability BETWEEN 0 AND 100),
        expected_close_date date,
        type_id uuid REFERENCES opportunity_types (id),
        source_id uuid REFERENCES lead_sources (id),
        assigned_to_id uuid REFERENCES users (id),
        team_id uuid REFERENCES teams (id),
        next_step text,
        lost_reason_id uuid REFERENCES lost_reasons (id),
        description text,
        ${AUDIT_COLUMNS},
        search_text text GENERATED ALWAYS AS (lower(name)) STORED
      )`);
    await db.query(`CREATE INDEX opportunities_created_idx ON opportunities (created_at DESC, id DESC)`);
    // a partner's or a lead's opportunities (record page tabs)
    await db.query(`CREATE INDEX opportunities_partner_idx ON opportunities (partner_id, created_at DESC)`);
    await db.query(`CREATE INDEX opportunities_lead_idx ON opportunities (lead_id)`);
    await db.query(`CREATE INDEX opportunities_search_trgm ON opportunities USING gin (search_text gin_trgm_ops)`);

    await db.query(`ALTER TABLE leads ADD CONSTRAINT leads_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id) ON DELETE SET NULL`);
    await db.query(`ALTER TABLE leads ADD CONSTRAINT leads_contact_fk FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE SET NULL`);

    await db.query(`
      CREATE TABLE history_entries (
        id uuid PRIMARY KEY,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        kind text NOT NULL,
        summary text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        actor_id uuid,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    // a record's timeline, newest first
    await db.query(`CREATE INDEX history_subject_idx ON history_entries (subject_type, subject_id, occurred_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE crm_settings (
        id integer PRIMARY KEY CHECK (id = 1),
        close_opportunity_on_order_confirmation boolean NOT NULL DEFAULT true,
        display_customer_description_in_opportunity boolean NOT NULL DEFAULT false,
        customer_assignable_team_ids uuid[] NOT NULL DEFAULT '{}',
        stage_probabilities jsonb NOT NULL DEFAULT
          '{"new": 10, "qualification": 20, "proposition": 50, "negotiation": 80, "closed_won": 100, "closed_lost": 0}',
        smtp_host text,
        smtp_port integer,
        smtp_secure boolean NOT NULL DEFAULT false,
        smtp_user text,
        smtp_password text,
        smtp_from text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`INSERT INTO crm_settings (id) VALUES (1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE leads DROP CONSTRAINT IF EXISTS leads_partner_fk, DROP CONSTRAINT IF EXISTS leads_contact_fk`);
    for (const table of ['crm_settings', 'history_entries', 'opportunities', 'contacts', 'partners']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
