import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Statement names by SQL text: a name is prepared once per pooled connection. */
const names = new Map<string, string>();
const MAX_NAMES = 500;

/**
 * Runs a read as a named prepared statement on a pooled connection.
 * PostgreSQL then parses it once per connection and, once a plan for any
 * parameters proves as good as re-planning, stops planning it at all: for
 * the calendar's range read (a union of a dozen branches) planning was
 * most of the database's time per request. For hot reads whose text comes
 * from a small set of shapes (the parameters vary, not the SQL).
 */
export async function queryPrepared<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  let name = names.get(sql);
  if (!name) {
    // a runaway set of texts would keep a prepared statement each on every connection
    if (names.size >= MAX_NAMES) return dataSource.query(sql, params);
    name = `crm_${names.size + 1}`;
    names.set(sql, name);
  }
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  // logged as TypeORM logs its own queries (the benchmarks read the statements from there)
  dataSource.logger.logQuery(sql, params);
  const result = await pool.query({ name, text: sql, values: params });
  return result.rows as T[];
}
