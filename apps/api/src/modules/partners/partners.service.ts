import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { absorbMerged, lockForMerge } from '../../platform/database/record-merge';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { notFound, ruleViolation } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { runList } from '../../platform/listing/list-runner';
import { Page } from '../../platform/listing/page';
import { customerOwnersAmong } from '../settings';
import { CreatePartnerDto, ListPartnersQuery, UpdatePartnerDto } from './dto/partner.dto';
import { PARTNER_LIST } from './partner-list';
import { Partner } from './partner.entity';
import { ASSIGNEE_NOT_ALLOWED, assignNewPartners, newPartnerRecord } from './partner-records';

const assigneeNotAllowed = () => ruleViolation('ASSIGNEE_NOT_ALLOWED', ASSIGNEE_NOT_ALLOWED);

@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
  ) {}

  list(query: ListPartnersQuery): Promise<Page<Partner>> {
    return runList(this.dataSource.getRepository(Partner).createQueryBuilder('partner'), query, PARTNER_LIST);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Partner> {
    const partner = await manager.getRepository(Partner).findOneBy({ id });
    if (!partner) throw notFound('partner', id);
    return partner;
  }

  /** The partners of these ids that exist, in no particular order. */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Partner[]> {
    return ids.length ? manager.getRepository(Partner).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async create(dto: CreatePartnerDto, actor: AuthenticatedUser): Promise<Partner> {
    const id = await this.dataSource.transaction((manager) => this.insert(manager, dto, actor));
    return this.get(id);
  }

  /**
   * Inserts a partner inside the caller's transaction (also used by lead
   * conversion). Without `assignedToId` it goes to its creator, when the
   * creator may own customers; an explicit assignee who may not is refused.
   */
  async insert(manager: EntityManager, dto: CreatePartnerDto, actor: AuthenticatedUser, origin?: string): Promise<string> {
    const [refusals] = await assignNewPartners(manager, [dto], actor);
    if (refusals.length) throw assigneeNotAllowed();
    const record = newPartnerRecord(dto, actor);
    const { id } = record;
    await manager.insert(Partner, record);
    await this.history.record(manager, {
      subjects: [{ type: 'partner', id }],
      kind: 'created',
      summary: origin ?? 'Partner created',
      actorId: actor.id,
    });
    return id;
  }

  async update(id: string, dto: UpdatePartnerDto, actor: AuthenticatedUser): Promise<Partner> {
    const { version, ...changes } = dto;
    await this.dataSource.transaction(async (manager) => {
      if (changes.assignedToId) await this.assertAssignable(manager, changes.assignedToId);
      await updateVersioned(manager, Partner, 'partner', id, version, changes);
      if (changes.assignedToId !== undefined) {
        await this.history.record(manager, {
          subjects: [{ type: 'partner', id }],
          kind: 'assigned',
          summary: changes.assignedToId ? 'Assignee changed' : 'Assignee removed',
          data: { assignedToId: changes.assignedToId },
          actorId: actor.id,
        });
      }
    });
    return this.get(id);
  }

  /** A prospect becomes a customer (an order was confirmed), inside the caller's transaction; its version goes up. */
  async markCustomer(manager: EntityManager, id: string): Promise<void> {
    await manager.update(Partner, { id }, { isCustomer: true, isProspect: false, version: () => 'version + 1' });
  }

  /** The partners of a merge, locked for the rest of the caller's transaction (404 when one is missing). */
  lockForMerge(manager: EntityManager, ids: string[]): Promise<Partner[]> {
    return lockForMerge(manager, Partner, 'partner', ids);
  }

  /**
   * A merge's end, inside its transaction: the kept partner takes the merged
   * values (an assignee the settings do not allow is refused, as on update)
   * and the merged partners are deleted.
   */
  async absorb(manager: EntityManager, keptId: string, changes: Partial<Partner>, mergedIds: string[]): Promise<void> {
    if (changes.assignedToId) await this.assertAssignable(manager, changes.assignedToId);
    await absorbMerged(manager, Partner, 'partner', keptId, changes, mergedIds);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Partner, 'partner', id);
  }

  private async assertAssignable(manager: EntityManager, userId: string): Promise<void> {
    if (!(await customerOwnersAmong(manager, [userId])).has(userId)) throw assigneeNotAllowed();
  }
}
