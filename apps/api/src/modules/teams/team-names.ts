import { EntityManager, In } from 'typeorm';
import { Team } from './team.entity';

/** id → name of the teams of these ids that exist (for labels: a chart's categories). */
export async function teamNames(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const teams = ids.length ? await manager.getRepository(Team).findBy({ id: In([...ids]) }) : [];
  return new Map(teams.map((team) => [team.id, team.name]));
}
