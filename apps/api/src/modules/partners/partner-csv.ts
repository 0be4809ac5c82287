import { OmitType } from '@nestjs/swagger';
import { ADDRESS_CSV_COLUMNS } from '../../platform/csv/csv-cells';
import type { CsvResource } from '../../platform/csv/csv-resource';
import { CreatePartnerDto, ListPartnersQuery } from './dto/partner.dto';
import { PARTNER_LIST } from './partner-list';
import { Partner } from './partner.entity';
import { assignNewPartners, newPartnerRecord } from './partner-records';

/** Partners in CSV: the create body's fields, imported with the create rules. */
export const PARTNER_CSV: CsvResource<CreatePartnerDto> = {
  name: 'partners',
  entity: Partner,
  createDto: CreatePartnerDto,
  columns: {
    kind: 'text',
    name: 'text',
    firstName: 'text',
    email: 'text',
    phone: 'text',
    mobilePhone: 'text',
    website: 'text',
    ...ADDRESS_CSV_COLUMNS,
    description: 'text',
    sourceId: 'text',
    assignedToId: 'text',
    teamId: 'text',
    isProspect: 'boolean',
    isCustomer: 'boolean',
    isSupplier: 'boolean',
  },
  references: { sourceId: 'lead_sources', assignedToId: 'users', teamId: 'teams' },
  applyRules: assignNewPartners,
  toRecord: newPartnerRecord,
  createdEntry: (partner) => ({ subjects: [{ type: 'partner', id: partner.id as string }], kind: 'created', summary: 'Partner imported from a CSV file' }),
  list: PARTNER_LIST,
};

/** The list's search, filters and sort; an export has every matching row, so no paging. */
export class ExportPartnersQuery extends OmitType(ListPartnersQuery, ['page', 'pageSize'] as const) {}
