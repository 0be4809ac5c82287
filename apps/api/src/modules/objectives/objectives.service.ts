import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isManagerOrAdmin, objectivePeriods, type DayRange } from '@crm/domain';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { FieldError, invalidInput, notFound } from '../../platform/errors/domain-error';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { eventAchievements } from '../events';
import { opportunityAchievements } from '../opportunities';
import { CrmSettingsService } from '../settings';
import { TeamMembershipService } from '../teams';
import { CreateObjectiveDto, ListObjectivesQuery, ObjectivePeriodProgress, ObjectiveProgress, UpdateObjectiveDto } from './dto/objective.dto';
import { periodProgress, totalProgress } from './objective-progress';
import { Objective, ObjectiveTargets } from './objective.entity';

const OBJECTIVE_LIST: ListSpec = {
  alias: 'objective',
  filters: {
    userId: 'objective.user_id',
    teamId: 'objective.team_id',
    on: (value) => `(objective.from_date <= CAST(${value} AS date) AND objective.to_date >= CAST(${value} AS date))`,
  },
  sorts: { from: 'objective.from_date', to: 'objective.to_date', name: 'objective.name', createdAt: 'objective.created_at' },
  searchColumn: 'lower(objective.name)',
  defaultSort: '-from',
};

/**
 * Objectives of users and teams. Admins and managers set anyone's; a
 * salesperson reads their own and their teams' (any other is 404 to them,
 * as if it did not exist).
 */
@Injectable()
export class ObjectivesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CrmSettingsService,
    private readonly teams: TeamMembershipService,
  ) {}

  async list(query: ListObjectivesQuery, actor: AuthenticatedUser): Promise<Page<Objective>> {
    const qb = this.dataSource.getRepository(Objective).createQueryBuilder('objective');
    if (!isManagerOrAdmin(actor.role)) {
      qb.where('(objective.user_id = :me OR objective.team_id = ANY(:myTeams))', { me: actor.id, myTeams: await this.teamsOf(actor) });
    }
    return runList(qb, query, OBJECTIVE_LIST);
  }

  async get(id: string, actor: AuthenticatedUser): Promise<Objective> {
    const objective = await this.dataSource.getRepository(Objective).findOneBy({ id });
    if (!objective || !(await this.mayRead(objective, actor))) throw notFound('objective', id);
    return objective;
  }

  async create(dto: CreateObjectiveDto, actor: AuthenticatedUser): Promise<Objective> {
    const record = { ...dto, userId: dto.userId ?? null, teamId: dto.teamId ?? null, currency: dto.currency ?? 'EUR', targets: targetsOf(dto.targets) };
    assertValid(record);
    const id = newId();
    await this.dataSource.manager.insert(Objective, { ...record, id, createdById: actor.id });
    return this.get(id, actor);
  }

  async update(id: string, dto: UpdateObjectiveDto, actor: AuthenticatedUser): Promise<Objective> {
    const { version, ...changes } = dto;
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(Objective).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('objective', id);
      const targets = changes.targets ? targetsOf({ ...current.targets, ...changes.targets }) : undefined;
      const next = { ...current, ...changes, ...(targets ? { targets } : {}) };
      assertValid(next);
      await updateVersioned(manager, Objective, 'objective', id, version, { ...changes, ...(targets ? { targets } : {}) });
    });
    return this.get(id, actor);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Objective, 'objective', id);
  }

  /** Target, actual and completion of each period and of the whole range, from the records as they are now. */
  async progress(id: string, actor: AuthenticatedUser): Promise<ObjectiveProgress> {
    const objective = await this.get(id, actor);
    const { timeZone } = await this.settings.current();
    return this.dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
      const byPeriod = await this.periodsProgress(manager, objective, objectivePeriods(objective, objective.frequency)!, timeZone);
      return {
        objectiveId: objective.id,
        currency: objective.currency,
        timeZone,
        periods: byPeriod,
        total: totalProgress({ from: objective.from, to: objective.to }, byPeriod, objective.currency),
      };
    });
  }

  /**
   * For the objectives reports: the objectives of users (or of teams) running
   * in `range` that the actor may read (at most 100, the latest first), each
   * with the progress of its period in course on `range.to` (else its last
   * period before), as Axelor's gauges show the objective covering a day.
   */
  async currentProgress(
    manager: EntityManager,
    kind: 'user' | 'team',
    range: DayRange,
    narrowing: { userId?: string; teamId?: string },
    actor: AuthenticatedUser,
  ): Promise<Array<{ objective: Objective; progress: ObjectivePeriodProgress }>> {
    const qb = manager
      .getRepository(Objective)
      .createQueryBuilder('objective')
      .where(kind === 'user' ? 'objective.user_id IS NOT NULL' : 'objective.team_id IS NOT NULL')
      .andWhere('objective.from_date <= :to AND objective.to_date >= :from', range)
      .orderBy('objective.from_date', 'DESC')
      .take(100);
    if (!isManagerOrAdmin(actor.role))
      qb.andWhere('(objective.user_id = :me OR objective.team_id = ANY(:myTeams))', { me: actor.id, myTeams: await this.teamsOf(actor) });
    if (narrowing.userId) qb.andWhere(kind === 'user' ? 'objective.user_id = :userId' : 'false', narrowing);
    if (narrowing.teamId) {
      const members = (await this.teams.membersOfTeams([narrowing.teamId])).get(narrowing.teamId) ?? [];
      qb.andWhere(kind === 'user' ? 'objective.user_id = ANY(:members)' : 'objective.team_id = :teamId', { members, teamId: narrowing.teamId });
    }
    const { timeZone } = await this.settings.current(manager);
    const found: Array<{ objective: Objective; progress: ObjectivePeriodProgress }> = [];
    for (const objective of await qb.getMany()) {
      const periods = objectivePeriods(objective, objective.frequency)!;
      const period =
        periods.find((candidate) => candidate.from <= range.to && candidate.to >= range.to) ??
        periods.filter((candidate) => candidate.to <= range.to).at(-1) ??
        periods[0];
      const [progress] = await this.periodsProgress(manager, objective, [period], timeZone);
      found.push({ objective, progress });
    }
    return found;
  }

  /** The progress of these periods of the objective, counted from its owner's (or its team members') records. */
  private async periodsProgress(manager: EntityManager, objective: Objective, periods: DayRange[], timeZone: string): Promise<ObjectivePeriodProgress[]> {
    const userIds = objective.userId ? [objective.userId] : ((await this.teams.membersOfTeams([objective.teamId!])).get(objective.teamId!) ?? []);
    // in the caller's snapshot: deals and events counted as of the same moment
    const [deals, events] = await Promise.all([
      opportunityAchievements(manager, userIds, periods, timeZone),
      eventAchievements(manager, userIds, periods, timeZone),
    ]);
    return periods.map((period, i) => periodProgress(period, objective.targets, objective.currency, deals[i], events[i]));
  }

  private async mayRead(objective: Objective, actor: AuthenticatedUser): Promise<boolean> {
    if (isManagerOrAdmin(actor.role) || objective.userId === actor.id) return true;
    return !!objective.teamId && (await this.teamsOf(actor)).includes(objective.teamId);
  }

  private async teamsOf(actor: AuthenticatedUser): Promise<string[]> {
    return (await this.teams.teamsOfUsers([actor.id])).get(actor.id) ?? [];
  }
}

/** The targets as stored: each measure given, or null. */
function targetsOf(targets: ObjectiveTargets): ObjectiveTargets {
  return {
    amountWon: targets.amountWon ?? null,
    opportunitiesCreated: targets.opportunitiesCreated ?? null,
    opportunitiesWon: targets.opportunitiesWon ?? null,
    callsMade: targets.callsMade ?? null,
    meetings: targets.meetings ?? null,
  };
}

/** The rules an objective keeps whatever its fields came from (a create, or an update over the stored one). */
function assertValid(objective: {
  userId?: string | null;
  teamId?: string | null;
  from: string;
  to: string;
  frequency: Objective['frequency'];
  targets: ObjectiveTargets;
}) {
  const problems: FieldError[] = [];
  if (!objective.userId === !objective.teamId)
    problems.push({ field: objective.userId ? 'teamId' : 'userId', message: 'an objective is for one user or one team: give userId or teamId' });
  if (objective.to < objective.from) problems.push({ field: 'to', message: 'to must be on or after from' });
  else if (!objectivePeriods(objective, objective.frequency))
    problems.push({ field: 'frequency', message: 'too many periods: at most 400 (a daily objective over about a year)' });
  if (Object.values(objective.targets).every((value) => value === null)) problems.push({ field: 'targets', message: 'give at least one target' });
  if (problems.length) throw invalidInput(problems);
}
