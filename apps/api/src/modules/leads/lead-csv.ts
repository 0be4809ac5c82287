import { ADDRESS_CSV_COLUMNS } from '../../platform/csv/csv-cells';
import type { CsvResource } from '../../platform/csv/csv-resource';
import { CreateLeadDto } from './dto/lead.dto';
import { Lead } from './lead.entity';
import { LEAD_LIST } from './lead-list';
import { newLeadRecord } from './lead-records';

/** Leads in CSV: the create body's fields, imported with the create rules. */
export const LEAD_CSV: CsvResource<CreateLeadDto> = {
  name: 'leads',
  entity: Lead,
  createDto: CreateLeadDto,
  columns: {
    title: 'text',
    firstName: 'text',
    lastName: 'text',
    companyName: 'text',
    jobTitle: 'text',
    email: 'text',
    phone: 'text',
    mobilePhone: 'text',
    website: 'text',
    ...ADDRESS_CSV_COLUMNS,
    sourceId: 'text',
    referredBy: 'text',
    assignedToId: 'text',
    teamId: 'text',
    doNotCall: 'boolean',
    doNotEmail: 'boolean',
    description: 'text',
  },
  references: { sourceId: 'lead_sources', assignedToId: 'users', teamId: 'teams' },
  toRecord: newLeadRecord,
  createdEntry: (lead) => ({ subjects: [{ type: 'lead', id: lead.id as string }], kind: 'created', summary: 'Lead imported from a CSV file' }),
  list: LEAD_LIST,
};
