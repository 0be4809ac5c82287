import { EntityManager } from 'typeorm';
import type { DayRange } from '@crm/domain';

export interface OpportunityAchievement {
  created: number;
  won: number;
  /** Amount won per currency, decimal strings. */
  amountWon: Record<string, string>;
}

/**
 * For each period (days in `timeZone`, inclusive): the deals of these
 * salespeople created in it, and those won in it (by their won date, not
 * their creation date as Axelor does) with their amount per currency. One
 * statement; served by the (assigned_to_id, created_at) and (assigned_to_id,
 * closed_at) indexes.
 */
export async function opportunityAchievements(
  manager: EntityManager,
  userIds: string[],
  periods: DayRange[],
  timeZone: string,
): Promise<OpportunityAchievement[]> {
  const results = periods.map((): OpportunityAchievement => ({ created: 0, won: 0, amountWon: {} }));
  if (!userIds.length) return results;
  const rows: { i: string; kind: 'created' | 'won'; currency: string | null; n: number; amount: string | null }[] = await manager.query(
    `WITH period AS (
       SELECT i, (f::timestamp AT TIME ZONE $3) AS starts, ((t + 1)::timestamp AT TIME ZONE $3) AS ends
         FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS x(f, t, i))
     SELECT period.i, 'created' AS kind, NULL AS currency, count(*)::int AS n, NULL AS amount
       FROM period JOIN opportunities o ON o.assigned_to_id = ANY($4::uuid[]) AND o.created_at >= period.starts AND o.created_at < period.ends
      GROUP BY period.i
     UNION ALL
     SELECT period.i, 'won', o.currency, count(*)::int, coalesce(sum(o.amount), 0)::text
       FROM period JOIN opportunities o ON o.assigned_to_id = ANY($4::uuid[]) AND o.stage = 'closed_won'
                                       AND o.closed_at >= period.starts AND o.closed_at < period.ends
      GROUP BY period.i, o.currency`,
    [periods.map((period) => period.from), periods.map((period) => period.to), timeZone, userIds],
  );
  for (const row of rows) {
    const result = results[Number(row.i) - 1];
    if (row.kind === 'created') result.created = row.n;
    else {
      result.won += row.n;
      result.amountWon[row.currency!] = row.amount!;
    }
  }
  return results;
}
