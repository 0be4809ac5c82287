import type { EntityManager } from 'typeorm';
import type { CallDirection, EventStatus, EventType } from '@crm/domain';
import { InstantRange, rangeSums, totalsScope } from '../../platform/database/range-sums';

/** What an event count can be split by (several at once); `month`: of the start, in `timeZone`. */
export type EventGroup = 'type' | 'status' | 'callDirection' | 'assignedToId' | 'month';

export interface EventCountQuery {
  /** Rows starting in the range. */
  range: InstantRange;
  /** The organisation's IANA time zone: what a month is. */
  timeZone: string;
  groupBy: EventGroup[];
  /** Only these types (`['call']`). */
  types?: EventType[];
  /** Only these statuses. */
  statuses?: EventStatus[];
  /** One organiser's events. */
  assignedToId?: string;
  /** A team's events: put on the team or organised by one of its members (the list's `teamId`). */
  teamId?: string;
}

export interface EventCountRow {
  type?: EventType;
  status?: EventStatus;
  callDirection?: CallDirection | null;
  assignedToId?: string;
  /** `YYYY-MM` */
  month?: string;
  count: number;
}

const GROUP_COLUMNS: Record<Exclude<EventGroup, 'month'>, string> = {
  type: 'x.type',
  status: 'x.status',
  callDirection: 'x.call_direction',
  assignedToId: 'x.assigned_to_id',
};

/**
 * Event rows starting in a range (a recurring series counts once, at its
 * first occurrence; an edited or cancelled occurrence is a row of its own),
 * counted per type, status, call direction, organiser and/or month: the rows
 * the list gives for `startFrom`/`startTo`, `type`, `status`, `assignedToId`
 * and `teamId`. Whole months are read from event_month_totals.
 */
export async function countEvents(manager: EntityManager, query: EventCountQuery): Promise<EventCountRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.types?.length) where.push(`x.type = ANY($${params.push(query.types)}::text[])`);
  if (query.statuses?.length) where.push(`x.status = ANY($${params.push(query.statuses)}::text[])`);
  if (query.assignedToId) where.push(`x.assigned_to_id = $${params.push(query.assignedToId)}::uuid`);
  if (query.teamId) {
    const team = `$${params.push(query.teamId)}::uuid`;
    where.push(`(x.team_id = ${team} OR x.assigned_to_id = ANY (ARRAY(SELECT user_id FROM team_members WHERE team_id = ${team})))`);
  }
  const keys = Object.fromEntries(query.groupBy.filter((group) => group !== 'month').map((group) => [group, GROUP_COLUMNS[group]]));
  const rows = await rangeSums(manager, {
    table: 'events',
    at: 'start_at',
    totals: 'event_month_totals',
    totalsWhere: [`x.scope = '${totalsScope({ team: !!query.teamId, user: !!query.assignedToId || query.groupBy.includes('assignedToId') })}'`],
    where,
    params,
    keys,
    measures: { count: { rows: 'count(*)', totals: 'sum(x.count)', kind: 'count' } },
    range: query.range,
    monthsIn: query.groupBy.includes('month') ? query.timeZone : undefined,
  });
  return rows as unknown as EventCountRow[];
}
