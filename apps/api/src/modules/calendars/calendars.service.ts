import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { FieldError, forbidden, invalidInput, notFound } from '../../platform/errors/domain-error';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { TeamMembershipService } from '../teams';
import { Calendar } from './calendar.entity';
import { CreateCalendarDto, ListCalendarsQuery, UpdateCalendarDto } from './dto/calendar.dto';

const CALENDAR_LIST: ListSpec = {
  alias: 'calendar',
  filters: { ownerUserId: 'calendar.owner_user_id', ownerTeamId: 'calendar.owner_team_id', inMenu: 'calendar.in_menu' },
  sorts: { name: 'calendar.name', createdAt: 'calendar.created_at', updatedAt: 'calendar.updated_at' },
  // a user sees a handful of calendars: no index needed for `q`
  searchColumn: 'lower(calendar.name)',
  defaultSort: 'name',
};

type Owner = Pick<Calendar, 'ownerUserId' | 'ownerTeamId'>;

/**
 * Calendar configurations. Seen by their owner, the members of their owning
 * team and admins; changed by their owner (for a team: a manager of it) and admins.
 */
@Injectable()
export class CalendarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: TeamMembershipService,
  ) {}

  async list(query: ListCalendarsQuery, actor: AuthenticatedUser): Promise<Page<Calendar>> {
    const qb = this.dataSource.getRepository(Calendar).createQueryBuilder('calendar');
    if (actor.role !== 'admin') this.restrictToOwn(qb, actor.id, await this.teamsOf(actor));
    return runList(qb, query, CALENDAR_LIST);
  }

  /** The calendars in the caller's menu: theirs and their teams', flagged `inMenu`, by name. */
  async menu(actor: AuthenticatedUser): Promise<Calendar[]> {
    const qb = this.dataSource.getRepository(Calendar).createQueryBuilder('calendar').where('calendar.in_menu');
    this.restrictToOwn(qb, actor.id, await this.teamsOf(actor));
    return qb.orderBy('calendar.name').addOrderBy('calendar.id').getMany();
  }

  async get(id: string, actor: AuthenticatedUser): Promise<Calendar> {
    const calendar = await this.dataSource.getRepository(Calendar).findOneBy({ id });
    if (!calendar) throw notFound('calendar', id);
    if (!(await this.canSee(calendar, actor))) throw forbidden('This calendar belongs to someone else.');
    return calendar;
  }

  async create(dto: CreateCalendarDto, actor: AuthenticatedUser): Promise<Calendar> {
    const owner: Owner = dto.ownerTeamId
      ? { ownerUserId: dto.ownerUserId ?? null, ownerTeamId: dto.ownerTeamId }
      : { ownerUserId: dto.ownerUserId ?? actor.id, ownerTeamId: null };
    await this.checkReferences({ ...owner, followedUserIds: dto.followedUserIds, followedTeamIds: dto.followedTeamIds });
    await this.assertMayOwn(owner, actor);
    const id = newId();
    await this.dataSource.getRepository(Calendar).insert({
      id,
      name: dto.name,
      ...owner,
      followedUserIds: unique(dto.followedUserIds ?? []),
      followedTeamIds: unique(dto.followedTeamIds ?? []),
      colour: dto.colour ?? '#3b82f6',
      inMenu: dto.inMenu ?? false,
      createdById: actor.id,
    });
    return this.get(id, actor);
  }

  async update(id: string, dto: UpdateCalendarDto, actor: AuthenticatedUser): Promise<Calendar> {
    const current = await this.get(id, actor);
    await this.assertMayChange(current, actor);
    const { version, ...changes } = dto;
    const owner: Owner = {
      ownerUserId: changes.ownerUserId !== undefined ? changes.ownerUserId : changes.ownerTeamId ? null : current.ownerUserId,
      ownerTeamId: changes.ownerTeamId !== undefined ? changes.ownerTeamId : changes.ownerUserId ? null : current.ownerTeamId,
    };
    await this.checkReferences({ ...owner, followedUserIds: changes.followedUserIds, followedTeamIds: changes.followedTeamIds });
    if (owner.ownerUserId !== current.ownerUserId || owner.ownerTeamId !== current.ownerTeamId) await this.assertMayOwn(owner, actor);
    await updateVersioned(this.dataSource.manager, Calendar, 'calendar', id, version, {
      ...changes,
      ...owner,
      ...(changes.followedUserIds ? { followedUserIds: unique(changes.followedUserIds) } : {}),
      ...(changes.followedTeamIds ? { followedTeamIds: unique(changes.followedTeamIds) } : {}),
    });
    return this.get(id, actor);
  }

  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.assertMayChange(await this.get(id, actor), actor);
    await deleteById(this.dataSource.manager, Calendar, 'calendar', id);
  }

  /**
   * The users whose events a calendar shows: those it follows and the
   * current members of the teams it follows. For the events module's
   * `calendarId` filter; 404/403 like `GET /calendars/:id`.
   */
  async followedUserIds(calendarId: string, caller: AuthenticatedUser): Promise<string[]> {
    const calendar = await this.get(calendarId, caller);
    const members = await this.memberships.membersOfTeams(calendar.followedTeamIds);
    return unique([...calendar.followedUserIds, ...[...members.values()].flat()]);
  }

  private async canSee(calendar: Calendar, actor: AuthenticatedUser): Promise<boolean> {
    if (actor.role === 'admin' || calendar.ownerUserId === actor.id) return true;
    return calendar.ownerTeamId !== null && (await this.teamsOf(actor)).includes(calendar.ownerTeamId);
  }

  private async assertMayChange(calendar: Owner, actor: AuthenticatedUser): Promise<void> {
    if (actor.role === 'admin' || calendar.ownerUserId === actor.id) return;
    if (calendar.ownerTeamId && actor.role === 'manager' && (await this.teamsOf(actor)).includes(calendar.ownerTeamId)) return;
    throw forbidden('Only its owner (for a team calendar: a manager of the team) or an admin may change this calendar.');
  }

  /** A calendar is one's own, or (admin, or manager of the team) a team's; only an admin hands one to another user. */
  private async assertMayOwn(owner: Owner, actor: AuthenticatedUser): Promise<void> {
    if (actor.role === 'admin' || owner.ownerUserId === actor.id) return;
    if (owner.ownerTeamId && actor.role === 'manager' && (await this.teamsOf(actor)).includes(owner.ownerTeamId)) return;
    throw forbidden(
      owner.ownerTeamId ? 'Only an admin or a manager of that team may give it a calendar.' : 'Only an admin may create a calendar for someone else.',
    );
  }

  /** 400 for an owner or a followed user or team that does not exist, or two owners. */
  private async checkReferences(input: Owner & { followedUserIds?: string[]; followedTeamIds?: string[] }): Promise<void> {
    const errors: FieldError[] = [];
    if (input.ownerUserId && input.ownerTeamId) errors.push({ field: 'ownerTeamId', message: 'a calendar belongs to a user or a team, not both' });
    if (!input.ownerUserId && !input.ownerTeamId) errors.push({ field: 'ownerUserId', message: 'a calendar needs an owner: ownerUserId or ownerTeamId' });
    const users = unique([...(input.ownerUserId ? [input.ownerUserId] : []), ...(input.followedUserIds ?? [])]);
    const teams = unique([...(input.ownerTeamId ? [input.ownerTeamId] : []), ...(input.followedTeamIds ?? [])]);
    const missingUsers = await this.missing('users', users);
    const missingTeams = await this.missing('teams', teams);
    if (input.ownerUserId && missingUsers.has(input.ownerUserId)) errors.push({ field: 'ownerUserId', message: `no user with id ${input.ownerUserId}` });
    if (input.ownerTeamId && missingTeams.has(input.ownerTeamId)) errors.push({ field: 'ownerTeamId', message: `no team with id ${input.ownerTeamId}` });
    for (const id of input.followedUserIds ?? []) if (missingUsers.has(id)) errors.push({ field: 'followedUserIds', message: `no user with id ${id}` });
    for (const id of input.followedTeamIds ?? []) if (missingTeams.has(id)) errors.push({ field: 'followedTeamIds', message: `no team with id ${id}` });
    if (errors.length) throw invalidInput(errors);
  }

  private async missing(table: 'users' | 'teams', ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Set(rows.map((row) => row.id));
    return new Set(ids.filter((id) => !found.has(id)));
  }

  private async teamsOf(actor: AuthenticatedUser): Promise<string[]> {
    return (await this.memberships.teamsOfUsers([actor.id])).get(actor.id) ?? [];
  }

  private restrictToOwn(qb: SelectQueryBuilder<Calendar>, userId: string, teamIds: string[]): void {
    qb.andWhere(
      new Brackets((where) => {
        where.where('calendar.owner_user_id = :me', { me: userId });
        if (teamIds.length) where.orWhere('calendar.owner_team_id IN (:...myTeams)', { myTeams: teamIds });
      }),
    );
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
