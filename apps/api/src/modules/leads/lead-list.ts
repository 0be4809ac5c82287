import type { ListSpec } from '../../platform/listing/list-spec';
import { onOrAfterLocalDay, onOrBeforeLocalDay } from '../settings';

/** The lead list's filters, sorts and search: one spec for the list and the CSV export, so they cannot drift apart. */
export const LEAD_LIST: ListSpec = {
  alias: 'lead',
  filters: {
    status: 'lead.status',
    assignedToId: 'lead.assigned_to_id',
    teamId: 'lead.team_id',
    ofTeamId: (value) => `(lead.team_id = ${value} OR lead.assigned_to_id IN (SELECT user_id FROM team_members WHERE team_id = ${value}))`,
    sourceId: 'lead.source_id',
    hasSource: (value) => `(lead.source_id IS NOT NULL) = ${value}`,
    createdFrom: onOrAfterLocalDay('lead.created_at'),
    createdTo: onOrBeforeLocalDay('lead.created_at'),
    convertedFrom: onOrAfterLocalDay('lead.converted_at'),
    convertedTo: onOrBeforeLocalDay('lead.converted_at'),
    doNotCall: 'lead.do_not_call',
    doNotEmail: 'lead.do_not_email',
  },
  sorts: {
    createdAt: 'lead.created_at',
    updatedAt: 'lead.updated_at',
    lastName: 'lead.last_name',
    firstName: 'lead.first_name',
    companyName: 'lead.company_name',
    status: 'lead.status',
    email: 'lead.email',
  },
  searchColumn: 'lead.search_text',
  defaultSort: '-createdAt',
  nullableSorts: ['firstName', 'companyName', 'email'],
};
