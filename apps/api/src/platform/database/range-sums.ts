import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';

/** Instants from `start` (included) to `end` (excluded). */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** What is summed: an expression over the counted rows, and the matching one over the totals rows. */
export interface RangeMeasure {
  /** Over the rows (alias `x`): `count(*)`, `sum(x.amount)`. */
  rows: string;
  /** Over the monthly totals (alias `x`): `sum(x.count)`, `sum(x.amount)`. */
  totals: string;
  /** A count answers an integer; an amount a decimal string with 2 places, summed exactly. */
  kind: 'count' | 'amount';
}

export interface RangeSumsQuery {
  /** The counted table, aliased `x` (`leads`). */
  table: string;
  /** Its instant column the range applies to (`created_at`). */
  at: string;
  /**
   * Its monthly totals, aliased `x` as well: a `month` date column (the first
   * day of a UTC month) and the key and filter columns of the rows under the
   * same names, so that `where` and `keys` read the same on both.
   */
  totals: string;
  /** Conditions that pick the totals of these rows only (`x.event = 'created'`). */
  totalsWhere?: string[];
  /** Conditions on `x` that both tables answer (`x.assigned_to_id = $1`), with their values in `params`. */
  where: string[];
  params: unknown[];
  /** Answer name → grouping expression on `x` that both tables answer (`status: 'x.status'`). */
  keys: Record<string, string>;
  /** Answer name → measure; the first one is a count, and groups where it sums to zero are left out. */
  measures: Record<string, RangeMeasure>;
  range: InstantRange;
  /** Also group by the month of `at` in this IANA time zone, answered as `month` (`YYYY-MM`). */
  monthsIn?: string;
}

/** A row of the answer: the keys (text or null), `month` when asked, the measures. */
export type RangeSumsRow = Record<string, string | number | null>;

/**
 * Sums over the rows whose instant falls in a range, grouped, read mostly
 * from pre-computed monthly totals (one row per UTC month and key, kept by a
 * trigger): the UTC months of the range come from the totals, and the rows
 * themselves only make up the ends, at most half a month each: the part of a
 * partial month inside the range is added, or, when shorter, the part
 * outside it is taken off the month's totals. Grouped by local month, a row
 * near a UTC month start can belong to another local month than its UTC one
 * (00:30 in Paris on 1 April is still 31 March in UTC): those rows, in the
 * hour or two between the UTC and the local start of each month, are moved
 * from their UTC month to their local one. The answer equals grouping the
 * rows themselves, without reading them all.
 */
export async function rangeSums(manager: EntityManager, query: RangeSumsQuery): Promise<RangeSumsRow[]> {
  const { sql, params } = rangeSumsSql(query);
  return manager.query<RangeSumsRow[]>(sql, params);
}

/** The statement of rangeSums and its parameters (exported for EXPLAIN in tests and benchmarks). */
export function rangeSumsSql(query: RangeSumsQuery): { sql: string; params: unknown[] } {
  const params = [...query.params];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const instant = (at: Date) => param(at.toISOString(), 'timestamptz');
  const keyNames = Object.keys(query.keys);
  const measureNames = Object.keys(query.measures);
  const at = `x.${query.at}`;
  const zone = query.monthsIn === undefined ? undefined : param(query.monthsIn, 'text');
  // months as local timestamps (the first instant of the month on the wall clock), written YYYY-MM once summed
  const localMonth = zone && `date_trunc('month', ${at} AT TIME ZONE ${zone})`;
  const utcMonth = zone && `date_trunc('month', ${at} AT TIME ZONE 'UTC')`;

  const select = (month: string | undefined, measures: string[]) =>
    [...keyNames.map((name) => `${query.keys[name]} AS "${name}"`), ...(month ? [`${month} AS month`] : []), ...measures.map((m, i) => `${m} AS m${i}`)].join(
      ', ',
    );
  // by position: a key named like a column of the table (`status`) must not be read as that column
  const groupBy = (month: string | undefined) => {
    const count = keyNames.length + (month ? 1 : 0);
    return count ? ` GROUP BY ${Array.from({ length: count }, (_, i) => i + 1).join(', ')}` : '';
  };
  const where = (conditions: string[]) => ` WHERE ${conditions.join(' AND ')}`;
  const rowMeasures = measureNames.map((name) => query.measures[name].rows);
  const negated = rowMeasures.map((measure) => `-(${measure})`);
  const rowsIn = ({ start, end }: InstantRange, month: string | undefined, measures: string[]) =>
    `SELECT ${select(month, measures)} FROM ${query.table} x` +
    where([`${at} >= ${instant(start)}`, `${at} < ${instant(end)}`, ...query.where]) +
    groupBy(month);

  const plan = totalsPlan(query.range);
  const parts = plan.add.map((part) => rowsIn(part, localMonth, rowMeasures));
  // what the totals count outside the range, under the month they count it in
  parts.push(...plan.subtract.map((part) => rowsIn(part, utcMonth, negated)));
  if (plan.months) {
    const totalsMonth = zone && `x.month::timestamp`;
    parts.push(
      `SELECT ${select(
        totalsMonth,
        measureNames.map((name) => query.measures[name].totals),
      )} FROM ${query.totals} x` +
        where([
          `x.month >= ${param(isoDay(plan.months.start), 'date')}`,
          `x.month < ${param(isoDay(plan.months.end), 'date')}`,
          ...(query.totalsWhere ?? []),
          ...query.where,
        ]) +
        groupBy(totalsMonth),
    );
    if (query.monthsIn !== undefined && localMonth && utcMonth) {
      // rows the totals count under their UTC month whose local month is another one: moved to it
      const windows = zoneWindows(plan.months, query.monthsIn, query.range);
      if (windows.length) {
        // each window a range of the index with its values, so the planner sees how few rows they hold
        const near =
          ` FROM ${query.table} x` +
          where([
            `(${windows.map((w) => `(${at} >= ${instant(w.start)} AND ${at} < ${instant(w.end)})`).join(' OR ')})`,
            `${localMonth} <> ${utcMonth}`,
            ...query.where,
          ]);
        parts.push(`SELECT ${select(localMonth, rowMeasures)}${near}${groupBy(localMonth)}`);
        parts.push(`SELECT ${select(utcMonth, negated)}${near}${groupBy(utcMonth)}`);
      }
    }
  }

  const outer = [
    ...keyNames.map((name) => `"${name}"`),
    ...(zone ? [`to_char(month, 'YYYY-MM') AS month`] : []),
    ...measureNames.map((name, i) => {
      const sum = `coalesce(sum(m${i}), 0)`;
      return `${query.measures[name].kind === 'count' ? `${sum}::int` : `${sum}::numeric(20, 2)::text`} AS "${name}"`;
    }),
  ];
  const outerGroup = [...keyNames.map((name) => `"${name}"`), ...(zone ? ['month'] : [])];
  const sql =
    `SELECT ${outer.join(', ')} FROM (${parts.join(' UNION ALL ')}) sums` +
    (outerGroup.length ? ` GROUP BY ${outerGroup.join(', ')}` : '') +
    ` HAVING sum(m0) <> 0`;
  return { sql, params };
}

/**
 * How a range is read: the UTC months whose totals are added (null: none),
 * and the ranges of rows added to them or taken off them. A partial month at
 * either end is read from its rows when they are the shorter part of it;
 * otherwise its totals are added and the rows outside the range taken off.
 */
export interface TotalsPlan {
  months: InstantRange | null;
  add: InstantRange[];
  subtract: InstantRange[];
}

export function totalsPlan(range: InstantRange): TotalsPlan {
  const span = (a: Date, b: Date) => b.getTime() - a.getTime();
  const startMonth = utcMonthStart(range.start);
  const afterStart = addUtcMonths(startMonth, 1);
  const first = span(startMonth, range.start) === 0 || span(startMonth, range.start) < span(range.start, afterStart) ? startMonth : afterStart;
  const endMonth = utcMonthStart(range.end);
  const afterEnd = addUtcMonths(endMonth, 1);
  const last = span(endMonth, range.end) === 0 || span(endMonth, range.end) <= span(range.end, afterEnd) ? endMonth : afterEnd;
  if (first >= last) return { months: null, add: [range], subtract: [] };
  const add: InstantRange[] = [];
  const subtract: InstantRange[] = [];
  if (range.start < first) add.push({ start: range.start, end: first });
  if (first < range.start) subtract.push({ start: first, end: range.start });
  if (last < range.end) add.push({ start: last, end: range.end });
  if (range.end < last) subtract.push({ start: range.end, end: last });
  return { months: { start: first, end: last }, add, subtract };
}

/**
 * Where the local month of an instant is not its UTC month, within the
 * months read from totals and the range: around each UTC month start, from
 * it to the start of the same month in the zone (the hour or two before it
 * east of Greenwich, after it west of it); none in UTC.
 */
export function zoneWindows(months: InstantRange, zone: string, range: InstantRange): InstantRange[] {
  const from = range.start > months.start ? range.start : months.start;
  const to = range.end < months.end ? range.end : months.end;
  return utcMonthStarts(months)
    .map((utcStart) => {
      const localStart = DateTime.fromObject({ year: utcStart.getUTCFullYear(), month: utcStart.getUTCMonth() + 1, day: 1 }, { zone }).toJSDate();
      const start = localStart < utcStart ? localStart : utcStart;
      const end = localStart < utcStart ? utcStart : localStart;
      return { start: start < from ? from : start, end: end > to ? to : end };
    })
    .filter((window) => window.start < window.end);
}

/** Every UTC month start from `start` to `end`, both included (both are month starts). */
export function utcMonthStarts(months: InstantRange): Date[] {
  const starts: Date[] = [];
  for (let at = months.start; at <= months.end; at = addUtcMonths(at, 1)) starts.push(at);
  return starts;
}

function utcMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function addUtcMonths(at: Date, months: number): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Which totals rows answer a report: each row of a table of monthly totals is
 * counted per salesperson and team (`team`), per salesperson (`user`) and for
 * everyone (`all`); the coarsest that keeps what the report filters or
 * groups by is the fewest rows to read.
 */
export function totalsScope(needs: { team?: boolean; user?: boolean }): 'team' | 'user' | 'all' {
  return needs.team ? 'team' : needs.user ? 'user' : 'all';
}
