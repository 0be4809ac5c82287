import type { EntityManager } from 'typeorm';
import type { LeadStatus } from '@crm/domain';
import { InstantRange, rangeSums, totalsScope } from '../../platform/database/range-sums';

/** What a lead count can be split by (several at once); `month`: of the counted date, in `timeZone`. */
export type LeadGroup = 'status' | 'sourceId' | 'assignedToId' | 'month';

export interface LeadCountQuery {
  /** Leads created, or converted, in the range (by `created_at` or `converted_at`). */
  event: 'created' | 'converted';
  range: InstantRange;
  /** The organisation's IANA time zone: what a month is. */
  timeZone: string;
  /** Status or source, not both; neither for converted leads. */
  groupBy: LeadGroup[];
  /** One salesperson's leads. */
  assignedToId?: string;
  /** A team's leads: put on the team or assigned to one of its members (the list's `ofTeamId`). */
  ofTeamId?: string;
  /** Only leads assigned to someone. */
  assignedOnly?: boolean;
}

export interface LeadCountRow {
  status?: LeadStatus;
  sourceId?: string | null;
  assignedToId?: string | null;
  /** `YYYY-MM` */
  month?: string;
  count: number;
}

const GROUP_COLUMNS: Record<Exclude<LeadGroup, 'month'>, string> = { status: 'x.status', sourceId: 'x.source_id', assignedToId: 'x.assigned_to_id' };

/**
 * Leads created (or converted) in a range, counted per status, source,
 * salesperson and/or month: the same leads the list gives for
 * `createdFrom`/`createdTo` (`convertedFrom`/`convertedTo`), `assignedToId`
 * and `ofTeamId`. Whole months are read from lead_month_totals.
 */
export async function countLeads(manager: EntityManager, query: LeadCountQuery): Promise<LeadCountRow[]> {
  const bySource = query.groupBy.includes('sourceId');
  // the totals keep one projection each: created by status, created by source, converted
  if (bySource && query.groupBy.includes('status')) throw new Error('leads are totalled by status or by source, not both');
  if (query.event === 'converted' && (bySource || query.groupBy.includes('status'))) throw new Error('converted leads are totalled by month and owner only');
  const projection = query.event === 'converted' ? 'converted' : bySource ? 'created_by_source' : 'created';
  const scope = totalsScope({ team: !!query.ofTeamId, user: !!query.assignedToId || !!query.assignedOnly || query.groupBy.includes('assignedToId') });
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.assignedToId) where.push(`x.assigned_to_id = $${params.push(query.assignedToId)}::uuid`);
  if (query.assignedOnly) where.push('x.assigned_to_id IS NOT NULL');
  if (query.ofTeamId) {
    const team = `$${params.push(query.ofTeamId)}::uuid`;
    where.push(`(x.team_id = ${team} OR x.assigned_to_id = ANY (ARRAY(SELECT user_id FROM team_members WHERE team_id = ${team})))`);
  }
  const keys = Object.fromEntries(query.groupBy.filter((group) => group !== 'month').map((group) => [group, GROUP_COLUMNS[group]]));
  const rows = await rangeSums(manager, {
    table: 'leads',
    at: query.event === 'created' ? 'created_at' : 'converted_at',
    totals: 'lead_month_totals',
    totalsWhere: [`x.event = '${projection}'`, `x.scope = '${scope}'`],
    where,
    params,
    keys,
    measures: { count: { rows: 'count(*)', totals: 'sum(x.count)', kind: 'count' } },
    range: query.range,
    monthsIn: query.groupBy.includes('month') ? query.timeZone : undefined,
  });
  return rows as unknown as LeadCountRow[];
}
