import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
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

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, Contact, 'contact', id);
  }
}
