import { OmitType } from '@nestjs/swagger';
import { ADDRESS_CSV_COLUMNS } from '../../platform/csv/csv-cells';
import type { CsvResource } from '../../platform/csv/csv-resource';
import { CONTACT_LIST } from './contact-list';
import { Contact } from './contact.entity';
import { newContactRecord } from './contact-records';
import { CreateContactDto, ListContactsQuery } from './dto/contact.dto';

/** Contacts in CSV: the create body's fields, imported with the create rules. */
export const CONTACT_CSV: CsvResource<CreateContactDto> = {
  name: 'contacts',
  entity: Contact,
  createDto: CreateContactDto,
  columns: {
    title: 'text',
    firstName: 'text',
    lastName: 'text',
    email: 'text',
    phone: 'text',
    mobilePhone: 'text',
    jobTitle: 'text',
    partnerId: 'text',
    doNotCall: 'boolean',
    doNotEmail: 'boolean',
    ...ADDRESS_CSV_COLUMNS,
    description: 'text',
    assignedToId: 'text',
  },
  references: { partnerId: 'partners', assignedToId: 'users' },
  toRecord: newContactRecord,
  // on the partner's timeline too, as ContactsService.create writes it
  createdEntry: (contact) => ({
    subjects: [{ type: 'contact', id: contact.id as string }, ...(contact.partnerId ? [{ type: 'partner' as const, id: contact.partnerId as string }] : [])],
    kind: 'contact_created',
    summary: 'Contact imported from a CSV file',
    data: { contactId: contact.id as string },
  }),
  list: CONTACT_LIST,
};

/** The list's search, filters and sort; an export has every matching row, so no paging. */
export class ExportContactsQuery extends OmitType(ListContactsQuery, ['page', 'pageSize'] as const) {}
