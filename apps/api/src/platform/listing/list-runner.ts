import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
export async function runList<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: ListQueryDto,
  spec: ListSpec,
): Promise<Page<E>> {
  return runPagedQuery(qb, query, spec, () => qb.getMany());
}

/**
 * The same envelope over rows the query builder selects by hand (columns
 * chosen with `select(expression, alias)`), each turned into an item by
 * `toItem`: for views narrower than the entity (kanban cards), where
 * hydrating whole entities would be most of a request's time.
 */
export async function runRawList<R, T>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  query: ListQueryDto,
  spec: ListSpec,
  toItem: (row: R) => T,
): Promise<Page<T>> {
  return runPagedQuery(qb, query, spec, async () => ((await qb.getRawMany()) as R[]).map(toItem));
}

async function runPagedQuery<E extends ObjectLiteral, T>(qb: SelectQueryBuilder<E>, query: ListQueryDto, spec: ListSpec, fetch: () => Promise<T[]>): Promise<Page<T>> {
  applyListFilters(qb, query, spec);
  const countQb = qb.clone();
  applyListSort(qb, query.sort ?? spec.defaultSort, spec);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  qb.offset((page - 1) * pageSize).limit(pageSize);
  const [items, counted] = await Promise.all([fetch(), countMatches(countQb)]);
  return { items, page, pageSize, ...counted };
}

/**
 * The list's search (`q`) and equality filters, as `WHERE` conditions; paging
 * fields are ignored. Also used by exports, so a filter means the same
 * everywhere.
 */
export function applyListFilters<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, query: ListQueryDto, spec: ListSpec): void {
  if (query.q?.trim() && spec.searchColumn) {
    qb.andWhere(`${spec.searchColumn} LIKE :q`, { q: likeContains(query.q.trim()) });
  }
  for (const [field, value] of Object.entries(query)) {
    if (PAGING_FIELDS.has(field) || value === undefined) continue;
    const column = spec.filters[field];
    // the DTO refuses undeclared fields; this guards a DTO/spec mismatch
    if (!column) throw invalidInput([{ field, message: `${field} is not a filter of this list` }]);
    const param = `f_${field}`;
    if (typeof column === 'function') qb.andWhere(column(param), { [param]: value });
    else qb.andWhere(`${column} = :${param}`, { [param]: value });
  }
}

/** `ORDER BY` for a validated `sort` (400 for a field the spec cannot sort by), with the id as tie-breaker. */
export function applyListSort<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, sort: string, spec: ListSpec): void {
  const { terms, unknown } = parseSort(sort, spec.sorts);
  if (unknown.length) {
    throw invalidInput(unknown.map((field) => ({ field: 'sort', message: `cannot sort by ${field}` })));
  }
  terms.forEach(({ field, descending }, i) => {
    const order = descending ? 'DESC' : 'ASC';
    const nulls = spec.nullableSorts?.includes(field) ? 'NULLS LAST' : undefined;
    if (i === 0) qb.orderBy(spec.sorts[field], order, nulls);
    else qb.addOrderBy(spec.sorts[field], order, nulls);
  });
  // a unique tie-breaker keeps paging stable when sort values repeat
  const last = terms.at(-1);
  qb.addOrderBy(`${spec.alias}.id`, last?.descending ? 'DESC' : 'ASC');
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
  const runner = qb.connection;
  if (qb.expressionMap.wheres.length === 0) {
    const [stats] = (await runner.query(`SELECT reltuples::bigint AS rows FROM pg_class WHERE oid = to_regclass($1)`, [qb.expressionMap.mainAlias!.metadata.tablePath])) as { rows: string }[];
    const rows = Number(stats?.rows ?? -1);
    if (rows > 2 * EXACT_COUNT_LIMIT) return { total: rows, totalExact: false };
  }
  const [sql, params] = qb.select('1').orderBy().limit(EXACT_COUNT_LIMIT + 1).offset(undefined).getQueryAndParameters();
  const memoKey = `${sql}\u0000${JSON.stringify(params)}`;
  const memo = aboveLimit.get(memoKey);
  if (memo && memo.until > Date.now()) return { total: memo.estimate, totalExact: false };

  const [{ n }] = (await runner.query(`SELECT count(*)::int AS n FROM (${sql}) AS matching`, params)) as { n: number }[];
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalExact: true };
  const [unlimited, unlimitedParams] = qb.limit(undefined).getQueryAndParameters();
  const [row] = (await runner.query(`EXPLAIN (FORMAT JSON) ${unlimited}`, unlimitedParams)) as { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[];
  const estimate = Math.max(Math.round(row['QUERY PLAN'][0].Plan['Plan Rows']), EXACT_COUNT_LIMIT + 1);
  if (aboveLimit.size >= MEMO_ENTRIES) aboveLimit.delete(aboveLimit.keys().next().value!);
  aboveLimit.set(memoKey, { estimate, until: Date.now() + ABOVE_LIMIT_MEMO_MS });
  return { total: estimate, totalExact: false };
}
