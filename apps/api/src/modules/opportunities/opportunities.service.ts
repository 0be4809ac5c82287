import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { isClosedStage, moveStage, nextStage, reopenStage, type OpportunityStage, type StageChange } from '@crm/domain';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { reassignColumn, type RecordReassignment } from '../../platform/database/record-merge';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { invalidInput, notFound, ruleViolation } from '../../platform/errors/domain-error';
import { HistorySubject, HistoryService } from '../../platform/history/history.service';
import { applyListFilters, runList, runSqlList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { lostReasonFor } from '../configuration';
import { Partner } from '../partners';
import { CrmSettingsService, onOrAfterLocalDay, onOrBeforeLocalDay } from '../settings';
import { BoardQuery, OpportunityCard } from './dto/opportunity-card.dto';
import { CloseLostDto, MoveOpportunityDto, PipelineTotals } from './dto/opportunity-actions.dto';
import { CreateOpportunityDto, ListOpportunitiesQuery, PipelineQuery, UpdateOpportunityDto } from './dto/opportunity.dto';
import { rankInColumn } from './opportunity-ranks';
import { PIPELINE_SUMS, PipelineRow, readPipelineSummary, summaryAnswers, toPipelineTotal } from './pipeline-totals';
import { Opportunity, OpportunityView } from './opportunity.entity';

const OPPORTUNITY_LIST: ListSpec = {
  alias: 'opportunity',
  filters: {
    stage: 'opportunity.stage',
    closed: (value) => `(opportunity.stage IN ('closed_won', 'closed_lost')) = ${value}`,
    partnerId: 'opportunity.partner_id',
    leadId: 'opportunity.lead_id',
    contactId: 'opportunity.contact_id',
    assignedToId: 'opportunity.assigned_to_id',
    teamId: 'opportunity.team_id',
    ofTeamId: (value) => `(opportunity.team_id = ${value} OR opportunity.assigned_to_id IN (SELECT user_id FROM team_members WHERE team_id = ${value}))`,
    currency: 'opportunity.currency',
    sourceId: 'opportunity.source_id',
    hasSource: (value) => `(opportunity.source_id IS NOT NULL) = ${value}`,
    createdFrom: onOrAfterLocalDay('opportunity.created_at'),
    createdTo: onOrBeforeLocalDay('opportunity.created_at'),
    closedFrom: onOrAfterLocalDay('opportunity.closed_at'),
    closedTo: onOrBeforeLocalDay('opportunity.closed_at'),
    expectedCloseFrom: (value) => `opportunity.expected_close_date >= CAST(${value} AS date)`,
    expectedCloseTo: (value) => `opportunity.expected_close_date <= CAST(${value} AS date)`,
  },
  sorts: {
    name: 'opportunity.name',
    createdAt: 'opportunity.created_at',
    updatedAt: 'opportunity.updated_at',
    amount: 'opportunity.amount',
    probability: 'opportunity.probability',
    expectedCloseDate: 'opportunity.expected_close_date',
    stage: 'opportunity.stage',
    rank: 'opportunity.rank',
  },
  searchColumn: 'opportunity.search_text',
  defaultSort: '-createdAt',
  nullableSorts: ['amount', 'expectedCloseDate'],
};

/** The card's fields and the SQL each comes from (`date` as text: the calendar day, without a time zone shift). */
const CARD_COLUMNS: [string, keyof OpportunityCard][] = [
  ['opportunity.id', 'id'],
  ['opportunity.version', 'version'],
  ['opportunity.name', 'name'],
  ['opportunity.stage', 'stage'],
  ['opportunity.rank', 'rank'],
  ['opportunity.partner_id', 'partnerId'],
  ['partner.name', 'partnerName'],
  ['opportunity.amount', 'amount'],
  ['opportunity.currency', 'currency'],
  ['opportunity.probability', 'probability'],
  ['opportunity.expected_close_date::text', 'expectedCloseDate'],
  ['opportunity.assigned_to_id', 'assignedToId'],
];

const BOARD_SELECT = `SELECT ${CARD_COLUMNS.map(([expression, alias]) => `${expression} AS "${alias}"`).join(', ')}
  FROM opportunities opportunity LEFT JOIN partners partner ON partner.id = opportunity.partner_id`;

const GROUP_COLUMNS = { stage: 'opportunity.stage', assignedToId: 'opportunity.assigned_to_id', teamId: 'opportunity.team_id' } as const;

/** Where a stage change comes from, for the timeline. */
type StageAction = 'next_stage' | 'close_won' | 'close_lost' | 'reopen' | 'move' | 'order_confirmed';

interface StageChangeOptions {
  position?: number;
  requireChange?: boolean;
  lost?: { lostReasonId?: string; note?: string };
}

@Injectable()
export class OpportunitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CrmSettingsService,
    private readonly history: HistoryService,
  ) {}

  async list(query: ListOpportunitiesQuery): Promise<Page<OpportunityView>> {
    const page = await runList(this.dataSource.getRepository(Opportunity).createQueryBuilder('opportunity'), query, OPPORTUNITY_LIST);
    return { ...page, items: await this.withCustomerDescriptions(page.items) };
  }

  /**
   * Kanban cards of the matching opportunities, by rank: a narrow row with
   * the partner's name, in plain SQL (no entity hydration, no query builder:
   * the board is the hottest read); one column at a time (`stage=`) in practice.
   */
  board(query: BoardQuery): Promise<Page<OpportunityCard>> {
    return runSqlList(this.dataSource, BOARD_SELECT, 'opportunities', { ...query, sort: 'rank' }, OPPORTUNITY_LIST);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<OpportunityView> {
    const opportunity = await manager.getRepository(Opportunity).findOneBy({ id });
    if (!opportunity) throw notFound('opportunity', id);
    const [view] = await this.withCustomerDescriptions([opportunity], manager);
    return view;
  }

  async create(dto: CreateOpportunityDto, actor: AuthenticatedUser): Promise<OpportunityView> {
    const id = await this.dataSource.transaction((manager) => this.insert(manager, dto, actor));
    return this.get(id);
  }

  /**
   * Inserts an opportunity at the bottom of the `new` column inside the
   * caller's transaction (also used by lead conversion); it shows on the
   * timelines of its lead, partner and contact too.
   */
  async insert(manager: EntityManager, dto: CreateOpportunityDto, actor: AuthenticatedUser): Promise<string> {
    const id = newId();
    const { stageProbabilities } = await this.settings.current(manager);
    await manager.insert(Opportunity, {
      currency: 'EUR',
      ...dto,
      id,
      stage: 'new',
      rank: await rankInColumn(manager, 'new', undefined),
      probability: dto.probability ?? stageProbabilities.new,
      assignedToId: dto.assignedToId === undefined ? actor.id : dto.assignedToId,
      createdById: actor.id,
    });
    await this.history.record(manager, {
      subjects: [{ type: 'opportunity', id }, ...relatedSubjects(dto)],
      kind: 'opportunity_created',
      summary: `Opportunity "${dto.name}" created`,
      data: { opportunityId: id },
      actorId: actor.id,
    });
    return id;
  }

  async update(id: string, dto: UpdateOpportunityDto): Promise<OpportunityView> {
    const { version, ...changes } = dto;
    await updateVersioned(this.dataSource.manager, Opportunity, 'opportunity', id, version, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Opportunity, 'opportunity', id);
  }

  nextStage(id: string, actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.changeStage(id, actor, 'next_stage', (current) => nextStage(current.stage));
  }

  closeWon(id: string, actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.changeStage(id, actor, 'close_won', (current) => moveStage(current.stage, 'closed_won'), { requireChange: true });
  }

  closeLost(id: string, dto: CloseLostDto, actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.changeStage(id, actor, 'close_lost', (current) => moveStage(current.stage, 'closed_lost'), { requireChange: true, lost: dto });
  }

  reopen(id: string, stage: OpportunityStage | undefined, actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.changeStage(id, actor, 'reopen', (current) => reopenStage(current.stage, stage));
  }

  /** Kanban drop: to a column and a place in it (0 = top, none = bottom); a closed card only reorders. */
  move(id: string, dto: MoveOpportunityDto, actor: AuthenticatedUser): Promise<OpportunityView> {
    const lost = dto.stage === 'closed_lost' ? { lostReasonId: dto.lostReasonId } : undefined;
    return this.changeStage(id, actor, 'move', (current) => moveStage(current.stage, dto.stage), { position: dto.rank, lost });
  }

  /** Count, amount and weighted amount (amount × probability) per stage, assignee or team, and currency. */
  /**
   * Weighted totals per stage, salesperson or team. Filters the
   * pre-computed totals can answer read them (a millisecond at any volume);
   * a search or a partner filter sums the matching opportunities.
   */
  async pipeline(query: PipelineQuery): Promise<PipelineTotals> {
    const { groupBy = 'stage', ...filters } = query;
    if (summaryAnswers(filters)) return { groupBy, groups: await readPipelineSummary(this.dataSource, groupBy, filters) };
    const qb = this.dataSource.getRepository(Opportunity).createQueryBuilder('opportunity');
    applyListFilters(qb, filters, OPPORTUNITY_LIST);
    const rows: PipelineRow[] = await qb
      .select(`${GROUP_COLUMNS[groupBy]}::text`, 'key')
      .addSelect('opportunity.currency', 'currency')
      .addSelect('count(*)::int', 'count')
      .addSelect(PIPELINE_SUMS.amount('opportunity.amount'), 'amount')
      .addSelect(PIPELINE_SUMS.weighted('opportunity.amount * opportunity.probability'), 'weighted_amount')
      .groupBy(GROUP_COLUMNS[groupBy])
      .addGroupBy('opportunity.currency')
      .orderBy(GROUP_COLUMNS[groupBy])
      .addOrderBy('opportunity.currency')
      .getRawMany();
    return { groupBy, groups: rows.map(toPipelineTotal) };
  }

  /**
   * Every stage change: the rule on the locked row, a place in the target
   * column, the stage's default probability (won 100, lost 0), and a
   * timeline entry, in one transaction.
   */
  private async changeStage(
    id: string,
    actor: AuthenticatedUser,
    action: StageAction,
    decide: (current: Opportunity) => StageChange,
    options: StageChangeOptions = {},
  ): Promise<OpportunityView> {
    await this.dataSource.transaction((manager) => this.changeStageIn(manager, id, actor, action, decide, options));
    return this.get(id);
  }

  /**
   * The opportunities opened on a lead and on no partner yet follow it to the
   * partner it converts into (Axelor does the same), inside the caller's
   * transaction; each one's version goes up, so a client holding the old
   * version gets 409 rather than overwriting the move.
   */
  async moveToPartner(manager: EntityManager, leadId: string, partnerId: string): Promise<void> {
    await manager.update(Opportunity, { leadId, partnerId: IsNull() }, { partnerId, version: () => 'version + 1' });
  }

  /** A merge: the opportunities of the merged lead, partner or contact now belong to the kept one (versions go up). */
  reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    const column = ({ lead: 'leadId', partner: 'partnerId', contact: 'contactId' } as const)[reassignment.type];
    return reassignColumn(manager, Opportunity, column, reassignment);
  }

  /**
   * Closes an open opportunity as won inside the caller's transaction (a
   * confirmed order does this when the setting says so); a closed one is
   * left as it is.
   */
  async winIn(manager: EntityManager, id: string, actor: AuthenticatedUser): Promise<void> {
    await this.changeStageIn(manager, id, actor, 'order_confirmed', (current) =>
      isClosedStage(current.stage) ? { allowed: true, stage: current.stage } : moveStage(current.stage, 'closed_won'),
    );
  }

  private async changeStageIn(
    manager: EntityManager,
    id: string,
    actor: AuthenticatedUser,
    action: StageAction,
    decide: (current: Opportunity) => StageChange,
    options: StageChangeOptions = {},
  ): Promise<void> {
    const current = await manager.getRepository(Opportunity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('opportunity', id);
    const decision = decide(current);
    if (!decision.allowed) throw ruleViolation('STAGE_CHANGE_REFUSED', decision.reason);
    const stage = decision.stage;
    if (options.requireChange && stage === current.stage) throw ruleViolation('STAGE_CHANGE_REFUSED', `The opportunity is already ${stage.replace('_', ' ')}.`);
    const moved = stage !== current.stage;
    const changes: Partial<Opportunity> = { stage };
    if (moved) {
      changes.probability = (await this.settings.current(manager)).stageProbabilities[stage];
      changes.lostReasonId = stage === 'closed_lost' ? await this.lostReason(manager, options.lost) : null;
      changes.closedAt = isClosedStage(stage) ? new Date() : null;
    }
    // a stage change lands at the bottom of its column; a kanban move at the place asked (bottom when none)
    if (moved || action === 'move') changes.rank = await rankInColumn(manager, stage, options.position, { stage: current.stage, rank: current.rank });
    await updateVersioned(manager, Opportunity, 'opportunity', id, undefined, changes);
    if (moved) {
      await this.history.record(manager, {
        subjects: [{ type: 'opportunity', id }, ...relatedSubjects(current)],
        kind: 'stage_changed',
        summary: `"${current.name}": ${label(current.stage)} → ${label(stage)}${options.lost?.note ? ` (${options.lost.note})` : ''}`,
        data: { action, from: current.stage, to: stage, opportunityId: id, lostReasonId: changes.lostReasonId ?? null },
        actorId: actor.id,
      });
    }
  }

  private async lostReason(manager: EntityManager, lost: { lostReasonId?: string; note?: string } | undefined): Promise<string> {
    if (!lost?.lostReasonId) throw invalidInput([{ field: 'lostReasonId', message: 'a lost reason is required to close an opportunity as lost' }]);
    return (await lostReasonFor(manager, lost.lostReasonId, lost.note)).id;
  }

  /** Adds the partner's description when the CRM settings say so (one query per page). */
  private async withCustomerDescriptions(items: Opportunity[], manager: EntityManager = this.dataSource.manager): Promise<OpportunityView[]> {
    const { displayCustomerDescriptionInOpportunity } = await this.settings.current(manager);
    const partnerIds = [...new Set(items.map((item) => item.partnerId).filter((id): id is string => !!id))];
    const descriptions = new Map<string, string | null>();
    if (displayCustomerDescriptionInOpportunity && partnerIds.length) {
      const partners = await manager.getRepository(Partner).find({ select: { id: true, description: true }, where: { id: In(partnerIds) } });
      for (const partner of partners) descriptions.set(partner.id, partner.description);
    }
    return items.map((item) => ({ ...item, customerDescription: item.partnerId ? (descriptions.get(item.partnerId) ?? null) : null }));
  }
}

function relatedSubjects(opportunity: { leadId?: string | null; partnerId?: string | null; contactId?: string | null }): HistorySubject[] {
  return [
    ...(opportunity.leadId ? [{ type: 'lead' as const, id: opportunity.leadId }] : []),
    ...(opportunity.partnerId ? [{ type: 'partner' as const, id: opportunity.partnerId }] : []),
    ...(opportunity.contactId ? [{ type: 'contact' as const, id: opportunity.contactId }] : []),
  ];
}

const label = (stage: OpportunityStage) => (isClosedStage(stage) ? stage.replace('_', ' ') : stage);
