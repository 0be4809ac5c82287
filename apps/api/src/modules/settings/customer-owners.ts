import type { EntityManager } from 'typeorm';
import { CrmSettings } from './crm-settings.entity';

/**
 * The customer-ownership rule: with teams named in the CRM settings
 * (`customerAssignableTeamIds`), only their members may own partners; with
 * none, anyone may. Of `userIds`, those who may. Read in the caller's
 * transaction, for a whole CSV batch at once as for one API request.
 */
export async function customerOwnersAmong(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
  const { customerAssignableTeamIds: teamIds } = await manager.getRepository(CrmSettings).findOneByOrFail({ id: 1 });
  if (!teamIds.length || !userIds.length) return new Set(teamIds.length ? [] : userIds);
  const rows: { user_id: string }[] = await manager.query(
    `SELECT DISTINCT user_id FROM team_members WHERE user_id = ANY($1::uuid[]) AND team_id = ANY($2::uuid[])`,
    [[...new Set(userIds)], teamIds],
  );
  return new Set(rows.map((row) => row.user_id));
}
