import type { EntityMetadata, ObjectLiteral, QueryRunner } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Inserts many entities with one statement, `INSERT … SELECT * FROM
 * unnest($1::uuid[], $2::text[], …)`: one array parameter per column, so the
 * statement stays small whatever the number of rows, and building it is
 * linear (TypeORM's insert builder spends most of an import's time on its
 * parameters: each one is looked up among all the others).
 *
 * Values go through the driver as TypeORM would write them. A column no
 * entity of the batch sets is left to its database default; one that some
 * set takes, where others do not, the column's declared default or null.
 */
export async function insertMany(runner: QueryRunner, metadata: EntityMetadata, entities: ObjectLiteral[]): Promise<void> {
  if (!entities.length) return;
  const driver = runner.connection.driver;
  const names: string[] = [];
  const arrays: string[] = [];
  const parameters: unknown[][] = [];
  for (const column of metadata.columns) {
    if (column.isGenerated || column.isVirtual) continue;
    const values = entities.map((entity) => column.getEntityValue(entity) as unknown);
    if (values.every((value) => value === undefined)) continue;
    const fallback = plainDefault(column);
    parameters.push(values.map((value) => (value === undefined ? fallback : (driver.preparePersistentValue(value, column) as unknown))));
    names.push(driver.escape(column.databaseName));
    arrays.push(`$${parameters.length}::${driver.normalizeType(column)}[]`);
  }
  const table = driver.escape(metadata.tableName);
  await runner.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`, parameters);
}

function plainDefault(column: ColumnMetadata): unknown {
  const value = column.default as unknown;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}
