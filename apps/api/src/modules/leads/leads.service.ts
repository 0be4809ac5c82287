import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { notFound } from '../../platform/errors/domain-error';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { CreateLeadDto, ListLeadsQuery, UpdateLeadDto } from './dto/lead.dto';
import { Lead } from './lead.entity';

const LEAD_LIST: ListSpec = {
  alias: 'lead',
  filters: {
    status: 'lead.status',
    assignedToId: 'lead.assigned_to_id',
    teamId: 'lead.team_id',
    sourceId: 'lead.source_id',
    doNotCall: 'lead.do_not_call',
    doNotEmail: 'lead.do_not_email',
  },
  sorts: {
    createdAt: 'lead.created_at',
    updatedAt: 'lead.updated_at',
    lastName: 'lead.last_name',
    firstName: 'lead.first_name',
    companyName: 'lead.company_name',
    status: 'lead.status',
    email: 'lead.email',
  },
  searchColumn: 'lead.search_text',
  defaultSort: '-createdAt',
};

@Injectable()
export class LeadsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListLeadsQuery): Promise<Page<Lead>> {
    return runList(this.dataSource.getRepository(Lead).createQueryBuilder('lead'), query, LEAD_LIST);
  }

  async get(id: string): Promise<Lead> {
    const lead = await this.dataSource.getRepository(Lead).findOneBy({ id });
    if (!lead) throw notFound('lead', id);
    return lead;
  }

  /** A new lead is `new` and, unless told otherwise, assigned to its creator. */
  async create(dto: CreateLeadDto, actor: AuthenticatedUser): Promise<Lead> {
    const id = newId();
    await this.dataSource.getRepository(Lead).insert({
      ...dto,
      id,
      status: 'new',
      assignedToId: dto.assignedToId === undefined ? actor.id : dto.assignedToId,
      createdById: actor.id,
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateLeadDto): Promise<Lead> {
    const { version, ...changes } = dto;
    await updateVersioned(this.dataSource.manager, Lead, 'lead', id, version, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Lead, 'lead', id);
  }
}
