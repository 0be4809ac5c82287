import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { notFound } from '../../platform/errors/domain-error';
import { HistorySubject } from '../../platform/history/history.service';
import { HistoryService } from '../../platform/history/history.service';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { CrmSettingsService } from '../settings/crm-settings.service';
import { CreateOpportunityDto, ListOpportunitiesQuery, UpdateOpportunityDto } from './dto/opportunity.dto';
import { Opportunity } from './opportunity.entity';

const OPPORTUNITY_LIST: ListSpec = {
  alias: 'opportunity',
  filters: {
    stage: 'opportunity.stage',
    partnerId: 'opportunity.partner_id',
    leadId: 'opportunity.lead_id',
    contactId: 'opportunity.contact_id',
    assignedToId: 'opportunity.assigned_to_id',
    teamId: 'opportunity.team_id',
  },
  sorts: {
    name: 'opportunity.name',
    createdAt: 'opportunity.created_at',
    updatedAt: 'opportunity.updated_at',
    amount: 'opportunity.amount',
    probability: 'opportunity.probability',
    expectedCloseDate: 'opportunity.expected_close_date',
    stage: 'opportunity.stage',
  },
  searchColumn: 'opportunity.search_text',
  defaultSort: '-createdAt',
};

@Injectable()
export class OpportunitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CrmSettingsService,
    private readonly history: HistoryService,
  ) {}

  list(query: ListOpportunitiesQuery): Promise<Page<Opportunity>> {
    return runList(this.dataSource.getRepository(Opportunity).createQueryBuilder('opportunity'), query, OPPORTUNITY_LIST);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Opportunity> {
    const opportunity = await manager.getRepository(Opportunity).findOneBy({ id });
    if (!opportunity) throw notFound('opportunity', id);
    return opportunity;
  }

  async create(dto: CreateOpportunityDto, actor: AuthenticatedUser): Promise<Opportunity> {
    const id = await this.dataSource.transaction((manager) => this.insert(manager, dto, actor));
    return this.get(id);
  }

  /**
   * Inserts an opportunity at the `new` stage inside the caller's transaction
   * (also used by lead conversion); it shows on the timelines of its lead,
   * partner and contact too.
   */
  async insert(manager: EntityManager, dto: CreateOpportunityDto, actor: AuthenticatedUser): Promise<string> {
    const id = newId();
    const { stageProbabilities } = await this.settings.current(manager);
    await manager.insert(Opportunity, {
      currency: 'EUR',
      ...dto,
      id,
      stage: 'new',
      probability: dto.probability ?? stageProbabilities.new,
      assignedToId: dto.assignedToId === undefined ? actor.id : dto.assignedToId,
      createdById: actor.id,
    });
    const related: HistorySubject[] = [
      ...(dto.leadId ? [{ type: 'lead' as const, id: dto.leadId }] : []),
      ...(dto.partnerId ? [{ type: 'partner' as const, id: dto.partnerId }] : []),
      ...(dto.contactId ? [{ type: 'contact' as const, id: dto.contactId }] : []),
    ];
    await this.history.record(manager, {
      subjects: [{ type: 'opportunity', id }, ...related],
      kind: 'opportunity_created',
      summary: `Opportunity "${dto.name}" created`,
      data: { opportunityId: id },
      actorId: actor.id,
    });
    return id;
  }

  async update(id: string, dto: UpdateOpportunityDto): Promise<Opportunity> {
    const { version, ...changes } = dto;
    await updateVersioned(this.dataSource.manager, Opportunity, 'opportunity', id, version, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Opportunity, 'opportunity', id);
  }
}
