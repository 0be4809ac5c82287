import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TeamMember } from './team.entity';

/** The one writer of team membership, seen from either side (a user's teams, a team's members). */
@Injectable()
export class TeamMembershipService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setTeamsOfUser(manager: EntityManager, userId: string, teamIds: string[]): Promise<void> {
    await manager.delete(TeamMember, { userId });
    if (teamIds.length)
      await manager.insert(
        TeamMember,
        unique(teamIds).map((teamId) => ({ teamId, userId })),
      );
  }

  async setMembersOfTeam(manager: EntityManager, teamId: string, userIds: string[]): Promise<void> {
    await manager.delete(TeamMember, { teamId });
    if (userIds.length)
      await manager.insert(
        TeamMember,
        unique(userIds).map((userId) => ({ teamId, userId })),
      );
  }

  /** userId → its teamIds, for a page of users in one query. */
  async teamsOfUsers(userIds: string[]): Promise<Map<string, string[]>> {
    const rows = userIds.length ? await this.dataSource.getRepository(TeamMember).findBy({ userId: In(userIds) }) : [];
    return groupBy(
      userIds,
      rows,
      (row) => row.userId,
      (row) => row.teamId,
    );
  }

  /** teamId → its member userIds, for a page of teams in one query. */
  async membersOfTeams(teamIds: string[]): Promise<Map<string, string[]>> {
    const rows = teamIds.length ? await this.dataSource.getRepository(TeamMember).findBy({ teamId: In(teamIds) }) : [];
    return groupBy(
      teamIds,
      rows,
      (row) => row.teamId,
      (row) => row.userId,
    );
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function groupBy<R>(keys: string[], rows: R[], keyOf: (row: R) => string, valueOf: (row: R) => string): Map<string, string[]> {
  const groups = new Map(keys.map((key) => [key, [] as string[]]));
  for (const row of rows) groups.get(keyOf(row))?.push(valueOf(row));
  return groups;
}
