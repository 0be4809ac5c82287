import type { DataSource } from 'typeorm';
import type { PipelineGroup, PipelineTotal } from './dto/opportunity-actions.dto';
import type { PipelineQuery } from './dto/opportunity.dto';

/** The columns of opportunity_pipeline_totals a group or a filter reads (same names in opportunities). */
const GROUP_COLUMNS: Record<PipelineGroup, string> = { stage: 'stage', assignedToId: 'assigned_to_id', teamId: 'team_id' };

/** The filters the pre-computed totals can answer; any other (q, partnerId...) needs the live sum. */
const SUMMARY_FILTERS: Record<string, (param: string) => string> = {
  stage: (param) => `stage = ${param}`,
  closed: (param) => `(stage IN ('closed_won', 'closed_lost')) = ${param}`,
  assignedToId: (param) => `assigned_to_id = ${param}`,
  teamId: (param) => `team_id = ${param}`,
  ofTeamId: (param) => `(team_id = ${param} OR assigned_to_id IN (SELECT user_id FROM team_members WHERE team_id = ${param}))`,
  currency: (param) => `currency = ${param}`,
};

export type PipelineFilters = Omit<PipelineQuery, 'groupBy'>;

export interface PipelineRow {
  key: string | null;
  currency: string;
  count: number;
  amount: string;
  weighted_amount: string;
}

/** The same sums, whether read from the pre-computed table or from the opportunities themselves. */
export const PIPELINE_SUMS = {
  amount: (column: string) => `coalesce(sum(${column}), 0)::numeric(18,2)::text`,
  weighted: (cents: string) => `(coalesce(sum(${cents}), 0) / 100)::numeric(18,2)::text`,
};

export function summaryAnswers(filters: PipelineFilters): boolean {
  return Object.entries(filters).every(([field, value]) => value === undefined || field in SUMMARY_FILTERS);
}

/** Totals from opportunity_pipeline_totals (kept by a trigger; see the pipeline-totals migration). */
export async function readPipelineSummary(dataSource: DataSource, groupBy: PipelineGroup, filters: PipelineFilters): Promise<PipelineTotal[]> {
  const params: unknown[] = [];
  const where = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => {
      params.push(value);
      return SUMMARY_FILTERS[field](`$${params.length}`);
    });
  const key = GROUP_COLUMNS[groupBy];
  const rows: PipelineRow[] = await dataSource.query(
    `SELECT ${key}::text AS key, currency, sum(count)::int AS count,
            ${PIPELINE_SUMS.amount('amount')} AS amount, ${PIPELINE_SUMS.weighted('weighted_cents')} AS weighted_amount
       FROM opportunity_pipeline_totals
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY ${key}, currency
     HAVING sum(count) > 0
      ORDER BY ${key}, currency`,
    params,
  );
  return rows.map(toPipelineTotal);
}

export function toPipelineTotal(row: PipelineRow): PipelineTotal {
  return { key: row.key, currency: row.currency, count: row.count, amount: row.amount, weightedAmount: row.weighted_amount };
}
