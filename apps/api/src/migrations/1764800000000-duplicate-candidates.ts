import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What "this looks like an existing record" (`GET /duplicates/similar`) needs
 * to find its few candidates among hundreds of thousands of rows with index
 * probes, never a scan. The keys are coarse on purpose (blocking keys): the
 * duplicates module confirms and scores each candidate with its exact rules
 * (legal forms, E.164 phones, plus-addressing), so a key only has to keep
 * every true duplicate among its candidates.
 *
 * - `crm_match_text`: lower case, accents folded, punctuation to spaces; a
 *   trigram index over it finds names a typo or a legal form apart.
 * - `crm_match_email`: lower case without plus-addressing.
 * - `crm_match_phone`: the last 8 digits, so "+33 1 23 45 67 89",
 *   "0033 1 23 45 67 89" and "01 23 45 67 89" share a key whatever the format.
 * - `crm_match_host`: a website's host without scheme or `www.`.
 *
 * The CRM's `default_country` is the country a phone number written without
 * a country code is read in (contract: `defaultCountry`, default FR).
 */
export class DuplicateCandidates1764800000000 implements MigrationInterface {
  name = 'DuplicateCandidates1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE crm_settings ADD COLUMN default_country text NOT NULL DEFAULT 'FR' CHECK (default_country ~ '^[A-Z]{2}$')`);
    await db.query(`
      CREATE FUNCTION crm_match_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT nullif(trim(regexp_replace(
          translate(lower(value),
            'àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿžźżšśşřľłťţğ',
            'aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooouuuuuuuuyyzzzsssrllttg'),
          '[^a-z0-9]+', ' ', 'g')), '')
      $$`);
    await db.query(`
      CREATE FUNCTION crm_match_email(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT nullif(regexp_replace(lower(trim(value)), '\\+[^@]*@', '@'), '')
      $$`);
    await db.query(`
      CREATE FUNCTION crm_match_phone(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN length(digits) >= 8 THEN right(digits, 8) END
        FROM (SELECT regexp_replace(value, '[^0-9]', '', 'g') AS digits) AS phone
      $$`);
    await db.query(`
      CREATE FUNCTION crm_match_host(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT nullif(regexp_replace(lower(trim(value)), '^([a-z][a-z0-9+.-]*://)?(www\\.)?([^/:?#]*).*$', '\\3'), '')
      $$`);

    // partners: the partner form, lead conversion's "new partner" path and the lead form's company name
    await db.query(`CREATE INDEX partners_match_name ON partners USING gin (crm_match_text(name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX partners_match_email ON partners (crm_match_email(email)) WHERE email IS NOT NULL`);
    await db.query(`CREATE INDEX partners_match_phone ON partners (crm_match_phone(phone)) WHERE phone IS NOT NULL`);
    await db.query(`CREATE INDEX partners_match_mobile ON partners (crm_match_phone(mobile_phone)) WHERE mobile_phone IS NOT NULL`);
    await db.query(`CREATE INDEX partners_match_host ON partners (crm_match_host(website)) WHERE website IS NOT NULL`);
    // contacts: the contact form (a person's name, first name and last name in either order)
    await db.query(`CREATE INDEX contacts_match_name ON contacts USING gin (crm_match_text(coalesce(first_name, '') || ' ' || last_name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX contacts_match_email ON contacts (crm_match_email(email)) WHERE email IS NOT NULL`);
    await db.query(`CREATE INDEX contacts_match_phone ON contacts (crm_match_phone(phone)) WHERE phone IS NOT NULL`);
    await db.query(`CREATE INDEX contacts_match_mobile ON contacts (crm_match_phone(mobile_phone)) WHERE mobile_phone IS NOT NULL`);
    // leads: the lead form (the person, the company)
    await db.query(`CREATE INDEX leads_match_name ON leads USING gin (crm_match_text(coalesce(first_name, '') || ' ' || last_name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX leads_match_company ON leads USING gin (crm_match_text(company_name) gin_trgm_ops) WHERE company_name IS NOT NULL`);
    await db.query(`CREATE INDEX leads_match_email ON leads (crm_match_email(email)) WHERE email IS NOT NULL`);
    await db.query(`CREATE INDEX leads_match_phone ON leads (crm_match_phone(phone)) WHERE phone IS NOT NULL`);
    await db.query(`CREATE INDEX leads_match_mobile ON leads (crm_match_phone(mobile_phone)) WHERE mobile_phone IS NOT NULL`);
    await db.query(`CREATE INDEX leads_match_host ON leads (crm_match_host(website)) WHERE website IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'partners_match_name',
      'partners_match_email',
      'partners_match_phone',
      'partners_match_mobile',
      'partners_match_host',
      'contacts_match_name',
      'contacts_match_email',
      'contacts_match_phone',
      'contacts_match_mobile',
      'leads_match_name',
      'leads_match_company',
      'leads_match_email',
      'leads_match_phone',
      'leads_match_mobile',
      'leads_match_host',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    for (const fn of ['crm_match_text', 'crm_match_email', 'crm_match_phone', 'crm_match_host']) await db.query(`DROP FUNCTION ${fn}(text)`);
    await db.query(`ALTER TABLE crm_settings DROP COLUMN default_country`);
  }
}
