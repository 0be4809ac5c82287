import type { ListSpec } from '../../platform/listing/list-spec';

/** The partner list's filters, sorts and search: shared by the list and the CSV export. */
export const PARTNER_LIST: ListSpec = {
  alias: 'partner',
  filters: {
    kind: 'partner.kind',
    isProspect: 'partner.is_prospect',
    isCustomer: 'partner.is_customer',
    isSupplier: 'partner.is_supplier',
    isCustomerOrProspect: (value) => `(partner.is_customer OR partner.is_prospect) = ${value}`,
    assignedToId: 'partner.assigned_to_id',
    teamId: 'partner.team_id',
    sourceId: 'partner.source_id',
  },
  sorts: { name: 'partner.name', createdAt: 'partner.created_at', updatedAt: 'partner.updated_at', email: 'partner.email' },
  searchColumn: 'partner.search_text',
  defaultSort: '-createdAt',
  nullableSorts: ['email'],
};
