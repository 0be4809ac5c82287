import { EntityManager } from 'typeorm';
import type { DayRange } from '@crm/domain';

export interface EventAchievement {
  /** Outgoing calls held (realized). */
  callsMade: number;
  /** Meetings held (realized). */
  meetings: number;
}

/**
 * For each period (days in `timeZone`, inclusive): the outgoing calls and
 * the meetings these users held (status realized; Axelor counts planned and
 * cancelled ones too, a quirk we do not keep), by their start. An occurrence
 * of a series is marked held by becoming a row of its own, so the series'
 * own rows (recurrence set) are not counted. Served by the assignee range index.
 */
export async function eventAchievements(manager: EntityManager, userIds: string[], periods: DayRange[], timeZone: string): Promise<EventAchievement[]> {
  const results = periods.map((): EventAchievement => ({ callsMade: 0, meetings: 0 }));
  if (!userIds.length) return results;
  const rows: { i: string; calls: number; meetings: number }[] = await manager.query(
    `WITH period AS (
       SELECT i, (f::timestamp AT TIME ZONE $3) AS starts, ((t + 1)::timestamp AT TIME ZONE $3) AS ends
         FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS x(f, t, i))
     SELECT period.i,
            count(*) FILTER (WHERE e.type = 'call' AND e.call_direction = 'outbound')::int AS calls,
            count(*) FILTER (WHERE e.type = 'meeting')::int AS meetings
       FROM period JOIN events e ON e.assigned_to_id = ANY($4::uuid[]) AND e.recurrence IS NULL
                                AND e.start_at >= period.starts AND e.start_at < period.ends
                                AND e.status = 'realized' AND e.type IN ('call', 'meeting')
      GROUP BY period.i`,
    [periods.map((period) => period.from), periods.map((period) => period.to), timeZone, userIds],
  );
  for (const row of rows) results[Number(row.i) - 1] = { callsMade: row.calls, meetings: row.meetings };
  return results;
}
