import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MergeableRecordType } from '../../platform/database/record-merge';
import { Contact, ContactsService } from '../contacts';
import { Lead, LeadsService } from '../leads';
import { Partner, PartnersService } from '../partners';
import type { DuplicateEntity } from './duplicate-entities';

export type DuplicateRecord = Lead | Partner | Contact;

/** What a merge asks of the module owning the records merged. */
export interface MergeableRecords {
  lockForMerge(manager: EntityManager, ids: string[]): Promise<DuplicateRecord[]>;
  absorb(manager: EntityManager, keptId: string, changes: Record<string, unknown>, mergedIds: string[]): Promise<void>;
  get(id: string, manager?: EntityManager): Promise<DuplicateRecord>;
  findByIds(ids: string[], manager?: EntityManager): Promise<DuplicateRecord[]>;
}

/** Leads, partners and contacts through their own services, by the entity names of the contract. */
@Injectable()
export class DuplicateRecords {
  private readonly services: Record<DuplicateEntity, MergeableRecords>;

  constructor(leads: LeadsService, partners: PartnersService, contacts: ContactsService) {
    this.services = { leads, partners, contacts };
  }

  of(entity: DuplicateEntity): MergeableRecords {
    return this.services[entity];
  }

  async byIds(entity: DuplicateEntity, ids: string[]): Promise<Map<string, DuplicateRecord>> {
    const found = await this.services[entity].findByIds(ids);
    return new Map(found.map((record) => [record.id, record]));
  }
}

/** The name a timeline gives a record of each kind. */
export function recordLabel(type: MergeableRecordType, record: DuplicateRecord): string {
  if (type === 'partner') return [(record as Partner).firstName, (record as Partner).name].filter(Boolean).join(' ');
  const person = record as Lead | Contact;
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return type === 'lead' && (person as Lead).companyName ? `${name} (${(person as Lead).companyName})` : name;
}
