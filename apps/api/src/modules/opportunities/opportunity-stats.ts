import type { EntityManager } from 'typeorm';
import type { OpportunityStage } from '@crm/domain';
import { InstantRange, rangeSums, totalsScope } from '../../platform/database/range-sums';
import { PIPELINE_SUMS } from './pipeline-totals';

/** Plain narrowing shared by the sums below: the list's `assignedToId`, `ofTeamId` and `currency`. */
export interface OpportunityNarrowing {
  /** One salesperson's deals. */
  assignedToId?: string;
  /** A team's deals: put on the team or assigned to one of its members. */
  ofTeamId?: string;
  /** One currency only. */
  currency?: string;
}

/** What sums over a range of dates can be split by (several at once); `month`: of the counted date, in `timeZone`. */
export type OpportunityGroup = 'stage' | 'currency' | 'sourceId' | 'assignedToId' | 'month';

export interface OpportunitySumQuery extends OpportunityNarrowing {
  /** Deals created in the range (by `created_at`), or won or lost in it (by `closed_at`). */
  event: 'created' | 'closed';
  range: InstantRange;
  /** The organisation's IANA time zone: what a month is. */
  timeZone: string;
  /** `stage` only for closed deals (won or lost), `sourceId` only for created ones. */
  groupBy: OpportunityGroup[];
  /** Only deals assigned to someone. */
  assignedOnly?: boolean;
}

export interface OpportunitySumRow {
  stage?: OpportunityStage;
  currency?: string;
  sourceId?: string | null;
  assignedToId?: string | null;
  /** `YYYY-MM` */
  month?: string;
  count: number;
  /** Sum of the amounts (none counts 0), a decimal string. */
  amount: string;
}

export interface OpportunityTotalRow {
  stage: OpportunityStage;
  currency: string;
  count: number;
  amount: string;
  /** Sum of amount × probability / 100. */
  weightedAmount: string;
}

export interface ForecastRow {
  /** `YYYY-MM` of the expected close date. */
  month: string;
  currency: string;
  count: number;
  amount: string;
  weightedAmount: string;
}

const GROUP_COLUMNS: Record<Exclude<OpportunityGroup, 'month'>, string> = {
  stage: 'x.stage',
  currency: 'x.currency',
  sourceId: 'x.source_id',
  assignedToId: 'x.assigned_to_id',
};

/** The narrowing as conditions on alias `x`, whose values go to `params` (the list's filters of the same names mean the same). */
function narrowing(query: OpportunityNarrowing, params: unknown[]): string[] {
  const where: string[] = [];
  if (query.assignedToId) where.push(`x.assigned_to_id = $${params.push(query.assignedToId)}::uuid`);
  if (query.ofTeamId) {
    const team = `$${params.push(query.ofTeamId)}::uuid`;
    where.push(`(x.team_id = ${team} OR x.assigned_to_id = ANY (ARRAY(SELECT user_id FROM team_members WHERE team_id = ${team})))`);
  }
  if (query.currency) where.push(`x.currency = $${params.push(query.currency)}::text`);
  return where;
}

/**
 * Deals created, or closed (won or lost), in a range: count and amount per
 * stage, currency, source, salesperson and/or month; the deals the list
 * gives for `createdFrom`/`createdTo` (`closedFrom`/`closedTo`) with the
 * same narrowing. Whole months are read from opportunity_month_totals.
 */
export async function sumOpportunities(manager: EntityManager, query: OpportunitySumQuery): Promise<OpportunitySumRow[]> {
  // what opportunity_month_totals keeps: created deals without their stage, closed ones without their source
  if (query.event === 'created' && query.groupBy.includes('stage')) throw new Error('created deals are not totalled by stage');
  if (query.event === 'closed' && query.groupBy.includes('sourceId')) throw new Error('closed deals are not totalled by source');
  const params: unknown[] = [];
  const where = narrowing(query, params);
  if (query.assignedOnly) where.push('x.assigned_to_id IS NOT NULL');
  const keys = Object.fromEntries(query.groupBy.filter((group) => group !== 'month').map((group) => [group, GROUP_COLUMNS[group]]));
  const rows = await rangeSums(manager, {
    table: 'opportunities',
    at: query.event === 'created' ? 'created_at' : 'closed_at',
    totals: 'opportunity_month_totals',
    totalsWhere: [
      `x.event = '${query.event}'`,
      `x.scope = '${totalsScope({ team: !!query.ofTeamId, user: !!query.assignedToId || !!query.assignedOnly || query.groupBy.includes('assignedToId') })}'`,
    ],
    where,
    params,
    keys,
    measures: {
      count: { rows: 'count(*)', totals: 'sum(x.count)', kind: 'count' },
      amount: { rows: 'sum(coalesce(x.amount, 0))', totals: 'sum(x.amount)', kind: 'amount' },
    },
    range: query.range,
    monthsIn: query.groupBy.includes('month') ? query.timeZone : undefined,
  });
  return rows as unknown as OpportunitySumRow[];
}

/**
 * The open deals as they stand: count, amount and weighted amount per stage
 * and currency, from opportunity_pipeline_totals (a few hundred rows at any
 * volume); the list's `closed=false&stage=…` with the same narrowing.
 */
export async function openPipelineTotals(manager: EntityManager, query: Omit<OpportunityNarrowing, 'currency'>): Promise<OpportunityTotalRow[]> {
  const params: unknown[] = [];
  const where = ["x.stage NOT IN ('closed_won', 'closed_lost')", ...narrowing(query, params)];
  return manager.query<OpportunityTotalRow[]>(
    `SELECT x.stage, x.currency, sum(x.count)::int AS count, ${PIPELINE_SUMS.amount('x.amount')} AS amount,
            ${PIPELINE_SUMS.weighted('x.weighted_cents')} AS "weightedAmount"
       FROM opportunity_pipeline_totals x
      WHERE ${where.join(' AND ')}
      GROUP BY x.stage, x.currency
     HAVING sum(x.count) > 0`,
    params,
  );
}

/**
 * Open deals expected to close between two days (inclusive), per month of
 * the expected date and currency: count, amount and weighted amount; the
 * list's `closed=false&expectedCloseFrom=…&expectedCloseTo=…`. The whole
 * months come from opportunity_month_totals, the days of a partial month at
 * either end from the partial index of open deals by expected date.
 */
export async function forecastOpportunities(
  manager: EntityManager,
  query: Omit<OpportunityNarrowing, 'currency'> & { from: string; to: string },
): Promise<ForecastRow[]> {
  const params: unknown[] = [];
  const where = narrowing(query, params);
  const day = (value: string) => `$${params.push(value)}::date`;
  const { wholeFrom, wholeTo } = wholeMonths(query.from, query.to);
  const rows = (from: string, to: string) => `
    SELECT to_char(date_trunc('month', x.expected_close_date), 'YYYY-MM') AS month, x.currency, count(*) AS count,
           sum(coalesce(x.amount, 0)) AS amount, sum(coalesce(x.amount, 0) * x.probability) AS weighted
      FROM opportunities x
     WHERE ${['x.closed_at IS NULL', 'x.expected_close_date IS NOT NULL', `x.expected_close_date >= ${day(from)}`, `x.expected_close_date < ${day(to)}`, ...where].join(' AND ')}
     GROUP BY 1, 2`;
  const parts: string[] = [];
  if (wholeFrom < wholeTo) {
    parts.push(`
      SELECT to_char(x.month, 'YYYY-MM') AS month, x.currency, sum(x.count) AS count, sum(x.amount) AS amount, sum(x.weighted_cents) AS weighted
        FROM opportunity_month_totals x
       WHERE ${["x.event = 'expected'", `x.scope = '${totalsScope({ team: !!query.ofTeamId, user: !!query.assignedToId })}'`, `x.month >= ${day(wholeFrom)}`, `x.month < ${day(wholeTo)}`, ...where].join(' AND ')}
       GROUP BY 1, 2`);
    if (query.from < wholeFrom) parts.push(rows(query.from, wholeFrom));
    if (wholeTo <= query.to) parts.push(rows(wholeTo, nextDay(query.to)));
  } else {
    parts.push(rows(query.from, nextDay(query.to)));
  }
  return manager.query<ForecastRow[]>(
    `SELECT month, currency, sum(count)::int AS count, ${PIPELINE_SUMS.amount('amount')} AS amount, ${PIPELINE_SUMS.weighted('weighted')} AS "weightedAmount"
       FROM (${parts.join(' UNION ALL ')}) sums
      GROUP BY month, currency
     HAVING sum(count) <> 0`,
    params,
  );
}

/** The first days of the first and after the last whole month in `from`..`to` (inclusive days); equal or crossed when none. */
function wholeMonths(from: string, to: string): { wholeFrom: string; wholeTo: string } {
  const wholeFrom = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const after = nextDay(to);
  return { wholeFrom, wholeTo: after.endsWith('-01') ? after : `${to.slice(0, 7)}-01` };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function firstOfNextMonth(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}
