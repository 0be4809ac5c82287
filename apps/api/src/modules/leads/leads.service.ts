import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { leadTransition, type LeadAction } from '@crm/domain';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { absorbMerged, lockForMerge, reassignColumn, type RecordReassignment } from '../../platform/database/record-merge';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { invalidInput, notFound, ruleViolation } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { runList } from '../../platform/listing/list-runner';
import { Page } from '../../platform/listing/page';
import { lostReasonFor } from '../configuration';
import { newLeadRecord } from './lead-records';
import { User } from '../users';
import { AssignLeadDto, LoseLeadDto } from './dto/lead-actions.dto';
import { CreateLeadDto, ListLeadsQuery, UpdateLeadDto } from './dto/lead.dto';
import { Lead } from './lead.entity';
import { LEAD_LIST } from './lead-list';

@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
  ) {}

  list(query: ListLeadsQuery): Promise<Page<Lead>> {
    return runList(this.dataSource.getRepository(Lead).createQueryBuilder('lead'), query, LEAD_LIST);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Lead> {
    const lead = await manager.getRepository(Lead).findOneBy({ id });
    if (!lead) throw notFound('lead', id);
    return lead;
  }

  /** The leads of these ids that exist, in no particular order. */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Lead[]> {
    return ids.length ? manager.getRepository(Lead).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** A new lead is `new` and, unless told otherwise, assigned to its creator. */
  async create(dto: CreateLeadDto, actor: AuthenticatedUser): Promise<Lead> {
    const record = newLeadRecord(dto, actor);
    const { id } = record;
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Lead, record);
      await this.history.record(manager, { subjects: [{ type: 'lead', id }], kind: 'created', summary: 'Lead created', actorId: actor.id });
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateLeadDto): Promise<Lead> {
    const { version, ...changes } = dto;
    await updateVersioned(this.dataSource.manager, Lead, 'lead', id, version, changes);
    return this.get(id);
  }

  /** A merge: leads converted into a merged partner or contact now link to the kept one (versions go up). */
  async reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    if (reassignment.type === 'lead') return 0;
    return reassignColumn(manager, Lead, reassignment.type === 'partner' ? 'partnerId' : 'contactId', reassignment);
  }

  /** The leads of a merge, locked for the rest of the caller's transaction (404 when one is missing). */
  lockForMerge(manager: EntityManager, ids: string[]): Promise<Lead[]> {
    return lockForMerge(manager, Lead, 'lead', ids);
  }

  /** A merge's end, inside its transaction: the kept lead takes the merged values and the merged leads are deleted. */
  absorb(manager: EntityManager, keptId: string, changes: Partial<Lead>, mergedIds: string[]): Promise<void> {
    return absorbMerged(manager, Lead, 'lead', keptId, changes, mergedIds);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Lead, 'lead', id);
  }

  /** assign: new → assigned; an open lead changes hands. No userId: the caller takes it. */
  async assign(id: string, dto: AssignLeadDto, actor: AuthenticatedUser): Promise<Lead> {
    const userId = dto.userId ?? actor.id;
    return this.transition(id, 'assign', actor, async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ id: userId });
      if (!user) throw invalidInput([{ field: 'userId', message: 'refers to a user that does not exist' }]);
      if (!user.active) throw ruleViolation('ASSIGNEE_INACTIVE', `${user.name} is deactivated and cannot take leads.`);
      return { changes: { assignedToId: userId }, note: `Assigned to ${user.name}` };
    });
  }

  start(id: string, actor: AuthenticatedUser): Promise<Lead> {
    return this.transition(id, 'start', actor, () => Promise.resolve({ changes: {} }));
  }

  /** lose: any open status → lost, with a reason (and the note, which Axelor 5.4 drops). */
  lose(id: string, dto: LoseLeadDto, actor: AuthenticatedUser): Promise<Lead> {
    return this.transition(id, 'lose', actor, async (manager) => {
      const reason = await lostReasonFor(manager, dto.lostReasonId, dto.note);
      return { changes: { lostReasonId: reason.id, lostNote: dto.note?.trim() || null }, note: `Lost: ${reason.name}` };
    });
  }

  /** recycle: lost → in_progress; the lost reason is cleared (the timeline keeps it). */
  recycle(id: string, actor: AuthenticatedUser): Promise<Lead> {
    return this.transition(id, 'recycle', actor, () => Promise.resolve({ changes: { lostReasonId: null, lostNote: null }, note: 'Recycled' }));
  }

  /**
   * Checks the status machine on the locked row, applies the action's
   * changes and the new status, and records it on the timeline, all in one
   * transaction: two concurrent actions on a lead cannot both pass the check.
   */
  private async transition(
    id: string,
    action: Exclude<LeadAction, 'convert'>,
    actor: AuthenticatedUser,
    prepare: (manager: EntityManager, lead: Lead) => Promise<{ changes: Partial<Lead>; note?: string }>,
  ): Promise<Lead> {
    await this.dataSource.transaction(async (manager) => {
      const lead = await this.lock(manager, id);
      const next = assertTransition(lead, action);
      const { changes, note } = await prepare(manager, lead);
      await updateVersioned(manager, Lead, 'lead', id, undefined, { ...changes, status: next });
      const moved = next !== lead.status;
      await this.history.record(manager, {
        subjects: [{ type: 'lead', id }],
        kind: moved ? 'status_changed' : action === 'assign' ? 'assigned' : action,
        summary: [moved ? `Status changed from ${lead.status} to ${next}` : null, note].filter(Boolean).join(' — '),
        data: { action, from: lead.status, to: next, ...pickIds(changes) },
        actorId: actor.id,
      });
    });
    return this.get(id);
  }

  /** Reads the lead with a row lock, for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<Lead> {
    const lead = await manager.getRepository(Lead).createQueryBuilder('lead').setLock('pessimistic_write').where('lead.id = :id', { id }).getOne();
    if (!lead) throw notFound('lead', id);
    return lead;
  }
}

/** The status the action leads to, or a 422 saying why not. */
export function assertTransition(lead: Lead, action: LeadAction) {
  const result = leadTransition(lead.status, action);
  if (!result.allowed) {
    const code = action === 'convert' && lead.status === 'converted' ? 'LEAD_ALREADY_CONVERTED' : 'LEAD_TRANSITION_REFUSED';
    throw ruleViolation(code, result.reason);
  }
  return result.status;
}

function pickIds(changes: Partial<Lead>): Record<string, string | null> {
  const ids: Record<string, string | null> = {};
  for (const key of ['assignedToId', 'lostReasonId'] as const) if (key in changes) ids[key] = changes[key] ?? null;
  return ids;
}
