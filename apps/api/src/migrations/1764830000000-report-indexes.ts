import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reports (`GET /reports/:name`) read.
 *
 * - `leads.converted_at`: when a lead was converted (the conversion sets it),
 *   so "converted per month" counts by that date and the lead list filters on
 *   it (`convertedFrom`/`convertedTo`). Leads converted before this column
 *   take the time of their conversion on the timeline, else their last update.
 *
 * - Monthly totals kept by statement triggers, like opportunity_pipeline_totals:
 *   a one-year report over a million leads or two million events counted
 *   row by row took 100-250 ms (500 ms at 16 clients on 2 cores); the totals
 *   of the whole months in the range are a few thousand rows. Months are
 *   UTC months, so a change of the organisation's time zone changes nothing
 *   here: a report adds the rows of its partial months (the ends of its range)
 *   from the table itself, and moves the few rows near a month start whose
 *   local month differs from their UTC one (platform/database/range-sums.ts).
 *   The totals have the keys and filter columns of the rows they count, under
 *   the same names, so one condition serves both; each row is counted in three
 *   scopes (everyone, per salesperson, per salesperson and team), so a report
 *   reads the coarsest that answers it.
 *   One aggregated upsert per statement (transition tables), in key order, so
 *   two statements lock totals rows in the same order; an import of 1,000
 *   leads writes each (month, status, source, salesperson, team) once.
 *   A bulk load that bypasses triggers (session_replication_role = replica)
 *   calls the *_rebuild() functions afterwards. TRUNCATE does not empty them.
 */
export class ReportIndexes1764830000000 implements MigrationInterface {
  name = 'ReportIndexes1764830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE leads ADD COLUMN converted_at timestamptz`);
    await db.query(`
      UPDATE leads l SET converted_at = coalesce(
        (SELECT max(h.occurred_at) FROM history_entries h
          WHERE h.subject_type = 'lead' AND h.subject_id = l.id AND h.kind = 'converted'),
        l.updated_at)
      WHERE l.status = 'converted'`);

    // The rows of a report's partial months, and the list filters of its drill-down:
    // leads converted in a range (convertedFrom/convertedTo, leads-converted-per-month)
    await db.query(
      `CREATE INDEX leads_converted_idx ON leads (converted_at) INCLUDE (status, source_id, assigned_to_id, team_id) WHERE converted_at IS NOT NULL`,
    );
    // deals won or lost in a range, whoever holds them (closedFrom/closedTo, won/lost and conversion reports;
    // opportunities_closed_idx serves one salesperson's)
    await db.query(
      `CREATE INDEX opportunities_closed_at_idx ON opportunities (closed_at) INCLUDE (stage, currency, amount, assigned_to_id, team_id) WHERE closed_at IS NOT NULL`,
    );
    // deals created in a range (createdFrom/createdTo, opportunities by source): read with their sums
    await db.query(`CREATE INDEX opportunities_created_at_idx ON opportunities (created_at) INCLUDE (currency, amount, source_id, assigned_to_id, team_id)`);
    // the forecast: open deals expected to close in a range (expectedCloseFrom/expectedCloseTo with closed=false)
    await db.query(`
      CREATE INDEX opportunities_expected_open_idx ON opportunities (expected_close_date)
        INCLUDE (currency, amount, probability, assigned_to_id, team_id) WHERE closed_at IS NULL AND expected_close_date IS NOT NULL`);
    // events starting in a range (startFrom/startTo; calls and events reports), read without the rows
    await db.query(`CREATE INDEX events_report_start_idx ON events (start_at) INCLUDE (type, status, call_direction, assigned_to_id, team_id)`);

    for (const totals of TOTALS) await createTotals(db, totals);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const totals of [...TOTALS].reverse()) await dropTotals(db, totals);
    for (const index of [
      'events_report_start_idx',
      'opportunities_expected_open_idx',
      'opportunities_created_at_idx',
      'opportunities_closed_at_idx',
      'leads_converted_idx',
    ]) {
      await db.query(`DROP INDEX IF EXISTS ${index}`);
    }
    await db.query(`ALTER TABLE leads DROP COLUMN converted_at`);
  }
}

/** One table of monthly totals: its columns, and what each row of the counted table adds to it. */
interface MonthTotals {
  table: string;
  /** The counted table. */
  source: string;
  /**
   * Key columns with their SQL types, in the order of the unique index (`event` and `scope` first, so a
   * report reads the months of one projection); `month` is the first day of a UTC month. Every table has
   * `assigned_to_id` and `team_id`, and `scope`: each row is counted three times, per salesperson and team
   * (`team`, what a team's report reads), per salesperson only (`user`) and for everyone (`all`), so a
   * report without a team reads a few rows a month rather than one per salesperson and team.
   */
  keys: [string, string][];
  /** Measures: column and type; `count` adds one per row, any other is a column of that name in the contributions. */
  measures: [string, string][];
  /** One SELECT per kind of date a row is counted by: `month` and the key columns, from the transition table `rows` (a NULL with its type: each is read on its own first). */
  contributions: (rows: string) => string[];
}

const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'UTC')::date`;

const TOTALS: MonthTotals[] = [
  {
    // leads created per month, by status (leads, leads-by-salesperson) and by source (leads-by-source),
    // and converted per month (leads-converted-per-month): one projection each, so a report reads a few
    // hundred rows a month rather than one per combination of status, source, salesperson and team
    table: 'lead_month_totals',
    source: 'leads',
    keys: [
      ['event', 'text'],
      ['scope', 'text'],
      ['month', 'date'],
      ['status', 'text'],
      ['source_id', 'uuid'],
      ['assigned_to_id', 'uuid'],
      ['team_id', 'uuid'],
    ],
    measures: [['count', 'integer']],
    contributions: (rows) => [
      `SELECT ${month('created_at')} AS month, 'created' AS event, status, NULL::uuid AS source_id, assigned_to_id, team_id FROM ${rows}`,
      `SELECT ${month('created_at')}, 'created_by_source', NULL::text, source_id, assigned_to_id, team_id FROM ${rows}`,
      `SELECT ${month('converted_at')}, 'converted', NULL::text, NULL::uuid, assigned_to_id, team_id FROM ${rows} WHERE converted_at IS NOT NULL`,
    ],
  },
  {
    // event rows per month of their start (events, calls, calls-by-direction, calls-per-month)
    table: 'event_month_totals',
    source: 'events',
    keys: [
      ['scope', 'text'],
      ['month', 'date'],
      ['type', 'text'],
      ['status', 'text'],
      ['call_direction', 'text'],
      ['assigned_to_id', 'uuid'],
      ['team_id', 'uuid'],
    ],
    measures: [['count', 'integer']],
    contributions: (rows) => [`SELECT ${month('start_at')} AS month, type, status, call_direction, assigned_to_id, team_id FROM ${rows}`],
  },
  {
    // deals created per month with their amounts, by source (opportunities-by-source); won or lost per month
    // (opportunities-won-lost, opportunities-conversion); open deals per month of their expected close date,
    // a day without a time zone (opportunities-forecast). `weighted_cents` is amount × probability, exact.
    table: 'opportunity_month_totals',
    source: 'opportunities',
    keys: [
      ['event', 'text'],
      ['scope', 'text'],
      ['month', 'date'],
      ['stage', 'text'],
      ['currency', 'char(3)'],
      ['source_id', 'uuid'],
      ['assigned_to_id', 'uuid'],
      ['team_id', 'uuid'],
    ],
    measures: [
      ['count', 'integer'],
      ['amount', 'numeric(20, 2)'],
      ['weighted_cents', 'numeric(24, 2)'],
    ],
    contributions: (rows) => {
      const sums = `coalesce(amount, 0) AS amount, coalesce(amount, 0) * probability AS weighted_cents`;
      return [
        // a deal's stage is left out but when it closed: a kanban move then changes nothing here
        `SELECT ${month('created_at')} AS month, 'created' AS event, NULL::text AS stage, currency, source_id, assigned_to_id, team_id, ${sums} FROM ${rows}`,
        `SELECT ${month('closed_at')}, 'closed', stage, currency, NULL::uuid, assigned_to_id, team_id, ${sums} FROM ${rows} WHERE closed_at IS NOT NULL`,
        `SELECT date_trunc('month', expected_close_date)::date, 'expected', NULL::text, currency, NULL::uuid, assigned_to_id, team_id, ${sums}
           FROM ${rows} WHERE closed_at IS NULL AND expected_close_date IS NOT NULL`,
      ];
    },
  },
];

async function createTotals(db: QueryRunner, totals: MonthTotals): Promise<void> {
  const { table, source, keys, measures } = totals;
  const keyNames = keys.map(([name]) => name);
  const measureNames = measures.map(([name]) => name);
  await db.query(`
    CREATE TABLE ${table} (
      ${[...keys, ...measures].map(([name, type]) => `${name} ${type}${['event', 'scope', 'month', ...measureNames].includes(name) ? ' NOT NULL' : ''}`).join(',\n      ')}
    )`);
  // one row per key (NULLS NOT DISTINCT: an unassigned group is one row, so the upsert finds it);
  // also what a report's range of whole months reads
  await db.query(`CREATE UNIQUE INDEX ${table}_key ON ${table} (${keyNames.join(', ')}) NULLS NOT DISTINCT`);
  // a team's report: the rows put on the team, and those of its members (read together as a BitmapOr)
  const event = keyNames.includes('event') ? 'event, ' : '';
  await db.query(`CREATE INDEX ${table}_team_idx ON ${table} (${event}team_id, month) WHERE scope = 'team'`);
  await db.query(`CREATE INDEX ${table}_assignee_idx ON ${table} (${event}assigned_to_id, month) WHERE scope = 'team'`);

  // the rows of one statement, +1 for each new row and -1 for each old one, in each scope, summed per key
  const deltas = (rows: string, sign: 1 | -1) =>
    totals
      .contributions(rows)
      .map((select) => `SELECT d.*, s.scope, ${sign} AS sign FROM (${select}) d CROSS JOIN (VALUES ('team'), ('user'), ('all')) AS s(scope)`)
      .join(' UNION ALL ');
  const keyOf = (name: string) =>
    name === 'assigned_to_id'
      ? `CASE WHEN scope = 'all' THEN NULL ELSE assigned_to_id END`
      : name === 'team_id'
        ? `CASE WHEN scope = 'team' THEN team_id END`
        : name;
  const positions = keyNames.map((_, i) => i + 1).join(', ');
  const valueOf = (measure: [string, string]) => (measure[0] === 'count' ? 'sign' : `sign * ${measure[0]}`);
  const upsert = (changes: string) => `
    INSERT INTO ${table} AS t (${[...keyNames, ...measureNames].join(', ')})
    SELECT ${keyNames.map(keyOf).join(', ')}, ${measures.map((measure) => `sum(${valueOf(measure)})`).join(', ')}
      FROM (${changes}) c
     GROUP BY ${positions}
    HAVING ${measures.map((measure) => `sum(${valueOf(measure)}) <> 0`).join(' OR ')}
     ORDER BY ${positions}
    ON CONFLICT (${keyNames.join(', ')}) DO UPDATE SET ${measureNames.map((name) => `${name} = t.${name} + EXCLUDED.${name}`).join(', ')}`;
  await db.query(`
    CREATE FUNCTION ${table}_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${upsert(deltas('new_rows', 1))};
      ELSIF TG_OP = 'DELETE' THEN
        ${upsert(deltas('old_rows', -1))};
      ELSE
        ${upsert(`${deltas('new_rows', 1)} UNION ALL ${deltas('old_rows', -1)}`)};
      END IF;
      RETURN NULL;
    END $$`);
  await db.query(
    `CREATE TRIGGER ${table}_insert AFTER INSERT ON ${source} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_track()`,
  );
  await db.query(
    `CREATE TRIGGER ${table}_update AFTER UPDATE ON ${source} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_track()`,
  );
  await db.query(
    `CREATE TRIGGER ${table}_delete AFTER DELETE ON ${source} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_track()`,
  );
  // A bulk load that bypasses triggers calls this afterwards.
  await db.query(`
    CREATE FUNCTION ${table}_rebuild() RETURNS void LANGUAGE sql AS $$
      DELETE FROM ${table};
      INSERT INTO ${table} (${[...keyNames, ...measureNames].join(', ')})
      SELECT ${keyNames.map(keyOf).join(', ')}, ${measures.map((measure) => `sum(${valueOf(measure)})`).join(', ')}
        FROM (${deltas(source, 1)}) c
       GROUP BY ${positions};
    $$`);
  await db.query(`SELECT ${table}_rebuild()`);
}

async function dropTotals(db: QueryRunner, { table, source }: MonthTotals): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) await db.query(`DROP TRIGGER IF EXISTS ${table}_${event} ON ${source}`);
  await db.query(`DROP FUNCTION IF EXISTS ${table}_rebuild()`);
  await db.query(`DROP FUNCTION IF EXISTS ${table}_track()`);
  await db.query(`DROP TABLE IF EXISTS ${table}`);
}
