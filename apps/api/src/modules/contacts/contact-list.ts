import type { ListSpec } from '../../platform/listing/list-spec';

/** The contact list's filters, sorts and search: shared by the list and the CSV export. */
export const CONTACT_LIST: ListSpec = {
  alias: 'contact',
  filters: {
    partnerId: 'contact.partner_id',
    assignedToId: 'contact.assigned_to_id',
    doNotCall: 'contact.do_not_call',
    doNotEmail: 'contact.do_not_email',
  },
  sorts: {
    lastName: 'contact.last_name',
    firstName: 'contact.first_name',
    email: 'contact.email',
    createdAt: 'contact.created_at',
    updatedAt: 'contact.updated_at',
  },
  searchColumn: 'contact.search_text',
  defaultSort: 'lastName',
  nullableSorts: ['firstName', 'email'],
};
