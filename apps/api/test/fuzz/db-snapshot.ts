import type { DataSource } from 'typeorm';

/**
 * Tables left out of "a refused write changes nothing", and why: background
 * workers and triggers change them on their own schedule (a difference would
 * say nothing about the request), or a refusal writes them by design.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  outbound_emails: 'the email worker sends and retries queued emails',
  notifications: 'the reminder worker delivers notifications',
  reminder_jobs: 'the reminder planner and worker plan and claim them',
  reminder_plan_queue: 'the reminder planner drains it',
  reminder_planner: 'the reminder planner moves its horizon',
  import_jobs: 'a background import (?mode=async) writes its progress after the answer',
  calendar_versions: 'bumped by triggers and read by the calendar cache',
  calendar_version_changes: 'drained into calendar_versions',
  calendar_feed_key: "the installation's feed key, made on first use by any request",
  login_attempts: 'a refused sign-in is counted there, by design (the per-account and per-address limits)',
  migrations: 'not data',
};

/**
 * Columns left out of a table's fingerprint: `last_used_at` is touched by
 * every authenticated request (and the refused ones too, by design).
 */
const FINGERPRINT_COLUMNS: Readonly<Record<string, string>> = {
  auth_tokens: 'row(t.id, t.user_id, t.kind, t.name, t.expires_at, t.revoked_at)',
};

/** Per table: `rows:md5` of its rows (their whole text, so any change of any column shows). */
export type Snapshot = Record<string, string>;

/**
 * One query fingerprints every domain table (count and a hash of its rows'
 * text), cheap enough to run before and after every write: requests are
 * sent one at a time, so the difference is the request's doing.
 */
export async function snapshotQuery(dataSource: DataSource): Promise<(run: DataSource) => Promise<Snapshot>> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((row) => row.table_name).filter((name) => !(name in EXCLUDED_TABLES));
  const parts = tables.map((table) => {
    const row = FINGERPRINT_COLUMNS[table] ?? 't';
    return `'${table}', (SELECT count(*) || ':' || coalesce(md5(string_agg(md5(${row}::text), '' ORDER BY md5(${row}::text))), '') FROM "${table}" t)`;
  });
  const sql = `SELECT json_build_object(${parts.join(', ')})::text AS snapshot`;
  return async (run) => {
    const [result]: { snapshot: string }[] = await run.query(sql);
    return JSON.parse(result.snapshot) as Snapshot;
  };
}

/** The tables whose fingerprint differs, with their row counts before → after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(after)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} (rows ${before[table]?.split(':')[0]} → ${after[table].split(':')[0]})`);
}
