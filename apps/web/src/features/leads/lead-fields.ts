import type { SelectOption } from '../../api/lookups';
import type { FieldDef } from '../../ui/record-form/types';

export const LEADS_PATH = '/api/v1/leads';

export function fullName(lead: { firstName: string | null; lastName: string }): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ');
}

interface LeadFieldOptions {
  users: SelectOption[];
  sources: SelectOption[];
  creating: boolean;
}

/** The fields of the "New lead" form; the lead page adds the address. */
export function leadFields({ users, sources, creating }: LeadFieldOptions): FieldDef[] {
  return [
    { name: 'title', label: 'Title', kind: 'text', placeholder: 'Ms., Mr., Dr' },
    { name: 'firstName', label: 'First name', kind: 'text' },
    { name: 'lastName', label: 'Last name', kind: 'text', required: true },
    { name: 'companyName', label: 'Company', kind: 'text' },
    { name: 'jobTitle', label: 'Job title', kind: 'text' },
    { name: 'email', label: 'Email', kind: 'email' },
    { name: 'phone', label: 'Phone', kind: 'text' },
    { name: 'mobilePhone', label: 'Mobile phone', kind: 'text' },
    { name: 'website', label: 'Website', kind: 'text' },
    { name: 'sourceId', label: 'Source', kind: 'select', options: sources },
    { name: 'assignedToId', label: 'Assigned to', kind: 'select', options: users, description: creating ? 'Empty: you' : undefined },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
    { name: 'doNotCall', label: 'Do not call', kind: 'checkbox' },
    { name: 'doNotEmail', label: 'Do not email', kind: 'checkbox' },
  ];
}
