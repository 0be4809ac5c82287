import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Statement names by SQL text: a name is prepared once per pooled connection. */
const names = new Map<string, string>();
const MAX_NAMES = 500;

/** Per data source, the sessions that always run a prepared statement's generic plan (see attachGenericPlanPool). */
const genericPlanPools = new WeakMap<DataSource, Pool>();

export interface PreparedQueryOptions {
  /**
   * Run the statement's generic plan (planned once per connection, without
   * the parameters' values) instead of planning it for each execution. Only
   * for statements whose plan does not depend on the values (index ranges
   * on ids and times): PostgreSQL's own choice kept re-planning the calendar
   * read, whose generic plan it over-estimates, at 1.6 ms an execution
   * against 0.7 ms with the generic plan.
   */
  generic?: boolean;
}

/**
 * Runs a read as a named prepared statement on a pooled connection, parsed
 * once per connection: for hot reads whose text comes from a small set of
 * shapes (the parameters vary, not the SQL).
 */
export async function queryPrepared<T>(dataSource: DataSource, sql: string, params: unknown[], options: PreparedQueryOptions = {}): Promise<T[]> {
  let name = names.get(sql);
  if (!name) {
    // a runaway set of texts would keep a prepared statement each on every connection
    if (names.size >= MAX_NAMES) return dataSource.query(sql, params);
    name = `crm_${names.size + 1}`;
    names.set(sql, name);
  }
  const pool = (options.generic && genericPlanPools.get(dataSource)) || ((dataSource.driver as PostgresDriver).master as Pool);
  // logged as TypeORM logs its own queries (the benchmarks read the statements from there)
  dataSource.logger.logQuery(sql, params);
  const result = await pool.query({ name, text: sql, values: params });
  return result.rows as T[];
}

/**
 * Opens a few sessions beside the data source's pool whose prepared
 * statements always run their generic plan (`plan_cache_mode`), for
 * queryPrepared's `generic` reads; the setting would not suit the other
 * queries, so it has sessions of its own. Without it (the embedded PGlite
 * has one session) those reads are planned as usual. Returns the closer.
 */
export function attachGenericPlanPool(dataSource: DataSource, url: string, size: number, sessionOptions: string): () => Promise<void> {
  const pool = new Pool({ connectionString: url, max: size, options: `${sessionOptions} -c plan_cache_mode=force_generic_plan` });
  // an idle session the server ended (a restart): the pool replaces it at the next read
  pool.on('error', () => undefined);
  genericPlanPools.set(dataSource, pool);
  return async () => {
    genericPlanPools.delete(dataSource);
    await pool.end();
  };
}
