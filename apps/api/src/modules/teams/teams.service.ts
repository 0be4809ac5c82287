import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { notFound } from '../../platform/errors/domain-error';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { CreateTeamDto, ListTeamsQuery, TeamView, UpdateTeamDto } from './dto/team.dto';
import { TeamMembershipService } from './team-membership.service';
import { Team } from './team.entity';

const TEAM_LIST: ListSpec = {
  alias: 'team',
  filters: {},
  sorts: { name: 'team.name', code: 'team.code', createdAt: 'team.created_at' },
  searchColumn: 'team.search_text',
  defaultSort: 'name',
  nullableSorts: ['code'],
};

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: TeamMembershipService,
  ) {}

  async list(query: ListTeamsQuery): Promise<Page<TeamView>> {
    const page = await runList(this.dataSource.getRepository(Team).createQueryBuilder('team'), query, TEAM_LIST);
    const members = await this.membership.membersOfTeams(page.items.map((team) => team.id));
    return { ...page, items: page.items.map((team) => ({ ...team, memberIds: members.get(team.id) ?? [] })) };
  }

  async get(id: string): Promise<TeamView> {
    const team = await this.dataSource.getRepository(Team).findOneBy({ id });
    if (!team) throw notFound('team', id);
    const members = await this.membership.membersOfTeams([id]);
    return { ...team, memberIds: members.get(id) ?? [] };
  }

  async create(dto: CreateTeamDto, actor: AuthenticatedUser): Promise<TeamView> {
    const id = newId();
    await this.dataSource.transaction(async (manager) => {
      const { memberIds, ...fields } = dto;
      await manager.insert(Team, { ...fields, id, createdById: actor.id });
      await this.membership.setMembersOfTeam(manager, id, memberIds ?? []);
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateTeamDto): Promise<TeamView> {
    const { memberIds, version, ...fields } = dto;
    await this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Team, 'team', id, version, fields);
      if (memberIds) await this.membership.setMembersOfTeam(manager, id, memberIds);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Team, 'team', id);
  }
}
