import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { absorbMerged, lockForMerge, reassignColumn, type RecordReassignment } from '../../platform/database/record-merge';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { notFound } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { runList } from '../../platform/listing/list-runner';
import { Page } from '../../platform/listing/page';
import { CONTACT_LIST } from './contact-list';
import { Contact } from './contact.entity';
import { newContactRecord } from './contact-records';
import { CreateContactDto, ListContactsQuery, UpdateContactDto } from './dto/contact.dto';

@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
  ) {}

  list(query: ListContactsQuery): Promise<Page<Contact>> {
    return runList(this.dataSource.getRepository(Contact).createQueryBuilder('contact'), query, CONTACT_LIST);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Contact> {
    const contact = await manager.getRepository(Contact).findOneBy({ id });
    if (!contact) throw notFound('contact', id);
    return contact;
  }

  /** The contacts of these ids that exist, in no particular order. */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Contact[]> {
    return ids.length ? manager.getRepository(Contact).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async create(dto: CreateContactDto, actor: AuthenticatedUser): Promise<Contact> {
    const id = await this.dataSource.transaction((manager) => this.insert(manager, dto, actor));
    return this.get(id);
  }

  /** Inserts a contact inside the caller's transaction (also used by lead conversion). */
  async insert(manager: EntityManager, dto: CreateContactDto, actor: AuthenticatedUser, origin?: string): Promise<string> {
    const record = newContactRecord(dto, actor);
    const { id } = record;
    await manager.insert(Contact, record);
    await this.history.record(manager, {
      subjects: [{ type: 'contact', id }, ...(dto.partnerId ? [{ type: 'partner' as const, id: dto.partnerId }] : [])],
      kind: 'contact_created',
      summary: origin ?? `Contact ${[dto.firstName, dto.lastName].filter(Boolean).join(' ')} created`,
      data: { contactId: id },
      actorId: actor.id,
    });
    return id;
  }

  async update(id: string, dto: UpdateContactDto): Promise<Contact> {
    const { version, ...changes } = dto;
    await updateVersioned(this.dataSource.manager, Contact, 'contact', id, version, changes);
    return this.get(id);
  }

  /** A merge: the contacts of a merged partner now work for the kept one (versions go up). */
  async reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    if (reassignment.type !== 'partner') return 0;
    return reassignColumn(manager, Contact, 'partnerId', reassignment);
  }

  /** The contacts of a merge, locked for the rest of the caller's transaction (404 when one is missing). */
  lockForMerge(manager: EntityManager, ids: string[]): Promise<Contact[]> {
    return lockForMerge(manager, Contact, 'contact', ids);
  }

  /** A merge's end, inside its transaction: the kept contact takes the merged values and the merged contacts are deleted. */
  absorb(manager: EntityManager, keptId: string, changes: Partial<Contact>, mergedIds: string[]): Promise<void> {
    return absorbMerged(manager, Contact, 'contact', keptId, changes, mergedIds);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Contact, 'contact', id);
  }
}
