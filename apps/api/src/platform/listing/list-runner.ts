import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { invalidInput } from '../errors/domain-error';
import { ListQueryDto } from './list-query.dto';
import { likeContains, ListSpec, parseSort } from './list-spec';
import { Page } from './page';

/** Up to this many matching rows, `total` is counted exactly; above it the planner estimates. */
export const EXACT_COUNT_LIMIT = 10_000;
const DEFAULT_PAGE_SIZE = 50;
const PAGING_FIELDS = new Set(['q', 'sort', 'page', 'pageSize']);

/**
 * Applies a validated list query (search, equality filters, sort, page) to
 * a query builder and returns the contract's page envelope. The one
 * implementation every list uses.
 */
export async function runList<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, query: ListQueryDto, spec: ListSpec): Promise<Page<E>> {
  applyListFilters(qb, query, spec);
  const countQb = qb.clone();
  applyListSort(qb, query.sort ?? spec.defaultSort, spec);
  const { page, pageSize, offset } = paging(query);
  qb.offset(offset).limit(pageSize);
  const [items, counted] = await Promise.all([qb.getMany(), countMatches(countQb)]);
  return { items, page, pageSize, ...counted };
}

/**
 * The same envelope from plain SQL, for the hottest reads (a kanban column):
 * `select` is the `SELECT … FROM <table> <alias> [JOIN …]` of the rows,
 * `table` the main table (`FROM <table> <alias>` is what the count reads);
 * the list's search, filters, sort and page are appended with positional
 * parameters. No query builder per request: TypeORM's building was a tenth
 * of a board request's time, five times its SQL; and the statement is
 * prepared (see queryPrepared).
 */
export async function runSqlList<T>(dataSource: DataSource, select: string, table: string, query: ListQueryDto, spec: ListSpec): Promise<Page<T>> {
  const params: unknown[] = [];
  const conditions = listConditions(query, spec, params);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const order = listOrder(query.sort ?? spec.defaultSort, spec)
    .map(({ column, order, nulls }) => `${column} ${order}${nulls ? ` ${nulls}` : ''}`)
    .join(', ');
  const { page, pageSize, offset } = paging(query);
  const matching = `SELECT 1 FROM ${table} ${spec.alias}${where}`;
  const paged = `${select}${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const [items, counted] = await Promise.all([
    // one text per filter shape, whatever the values and the page: prepared once per connection
    queryPrepared<T>(dataSource, paged, [...params, pageSize, offset]),
    countMatchingRows(dataSource, matching, params, conditions.length ? undefined : table),
  ]);
  return { items, page, pageSize, ...counted };
}

function paging(query: ListQueryDto): { page: number; pageSize: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * The list's search (`q`) and equality filters, as `WHERE` conditions; paging
 * fields are ignored. Also used by exports, so a filter means the same
 * everywhere.
 */
export function applyListFilters<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, query: ListQueryDto, spec: ListSpec): void {
  forEachListCondition(query, spec, (field, value, condition) => {
    const param = `f_${field}`;
    qb.andWhere(condition(`:${param}`), { [param]: value });
  });
}

/** The same conditions for plain SQL: each value pushed to `params`, named by its position (`$n`). */
export function listConditions(query: ListQueryDto, spec: ListSpec, params: unknown[]): string[] {
  const conditions: string[] = [];
  forEachListCondition(query, spec, (_field, value, condition) => conditions.push(condition(`$${params.push(value)}`)));
  return conditions;
}

type Condition = (placeholder: string) => string;

function forEachListCondition(query: ListQueryDto, spec: ListSpec, add: (field: string, value: unknown, condition: Condition) => void): void {
  if (query.q?.trim() && spec.searchColumn) {
    const column = spec.searchColumn;
    add('q', likeContains(query.q.trim()), (value) => `${column} LIKE ${value}`);
  }
  for (const [field, value] of Object.entries(query)) {
    if (PAGING_FIELDS.has(field) || value === undefined) continue;
    const column = spec.filters[field];
    // the DTO refuses undeclared fields; this guards a DTO/spec mismatch
    if (!column) throw invalidInput([{ field, message: `${field} is not a filter of this list` }]);
    add(field, value, typeof column === 'function' ? column : (placeholder) => `${column} = ${placeholder}`);
  }
}

/** `ORDER BY` for a validated `sort` (400 for a field the spec cannot sort by), with the id as tie-breaker. */
export function applyListSort<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, sort: string, spec: ListSpec): void {
  listOrder(sort, spec).forEach(({ column, order, nulls }, i) => {
    if (i === 0) qb.orderBy(column, order, nulls);
    else qb.addOrderBy(column, order, nulls);
  });
}

interface OrderTerm {
  column: string;
  order: 'ASC' | 'DESC';
  nulls?: 'NULLS LAST';
}

function listOrder(sort: string, spec: ListSpec): OrderTerm[] {
  const { terms, unknown } = parseSort(sort, spec.sorts);
  if (unknown.length) {
    throw invalidInput(unknown.map((field) => ({ field: 'sort', message: `cannot sort by ${field}` })));
  }
  const order = terms.map(({ field, descending }): OrderTerm => ({
    column: spec.sorts[field],
    order: descending ? 'DESC' : 'ASC',
    nulls: spec.nullableSorts?.includes(field) ? 'NULLS LAST' : undefined,
  }));
  // a unique tie-breaker keeps paging stable when sort values repeat
  order.push({ column: `${spec.alias}.id`, order: terms.at(-1)?.descending ? 'DESC' : 'ASC' });
  return order;
}

/** How long a count found above the limit is remembered (with its estimate) for the same query. */
const ABOVE_LIMIT_MEMO_MS = 10_000;
const MEMO_ENTRIES = 1_000;
const aboveLimit = new Map<string, { estimate: number; until: number }>();

/**
 * Exact up to the limit (cheap: stops after limit+1 rows), the planner's
 * estimate beyond. An unfiltered list of a table the statistics already put
 * far above the limit skips the capped count: the answer could only be the
 * estimate. A query whose count was above the limit a moment ago reuses that
 * estimate for a few seconds: a kanban column or a busy filter is re-read on
 * every page and every refresh, and counting 10,001 rows each time was most
 * of its cost. Counts at or under the limit are always exact and fresh.
 */
async function countMatches<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<{ total: number; totalExact: boolean }> {
  const [matching, params] = qb.select('1').orderBy().limit(undefined).offset(undefined).getQueryAndParameters();
  const unfiltered = qb.expressionMap.wheres.length === 0 ? qb.expressionMap.mainAlias!.metadata.tablePath : undefined;
  return countMatchingRows(qb.connection, matching, params, unfiltered);
}

/** countMatches on plain SQL: `matching` selects the matching rows; `unfilteredTable` names the table when nothing filters them. */
async function countMatchingRows(
  db: DataSource,
  matching: string,
  params: unknown[],
  unfilteredTable?: string,
): Promise<{ total: number; totalExact: boolean }> {
  if (unfilteredTable) {
    const [stats] = await db.query<{ rows: string }[]>(`SELECT reltuples::bigint AS rows FROM pg_class WHERE oid = to_regclass($1)`, [unfilteredTable]);
    const rows = Number(stats?.rows ?? -1);
    if (rows > 2 * EXACT_COUNT_LIMIT) return { total: rows, totalExact: false };
  }
  const memoKey = `${matching}\u0000${JSON.stringify(params)}`;
  const memo = aboveLimit.get(memoKey);
  if (memo && memo.until > Date.now()) return { total: memo.estimate, totalExact: false };

  const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${matching} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS matching`, params);
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalExact: true };
  const [row] = await db.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[]>(`EXPLAIN (FORMAT JSON) ${matching}`, params);
  const estimate = Math.max(Math.round(row['QUERY PLAN'][0].Plan['Plan Rows']), EXACT_COUNT_LIMIT + 1);
  if (aboveLimit.size >= MEMO_ENTRIES) aboveLimit.delete(aboveLimit.keys().next().value!);
  aboveLimit.set(memoKey, { estimate, until: Date.now() + ABOVE_LIMIT_MEMO_MS });
  return { total: estimate, totalExact: false };
}
