import { Group, Tooltip } from '@mantine/core';
import { IconMailOff, IconPhoneOff } from '@tabler/icons-react';
import type { Lookup, SelectOption } from '../../api/lookups';
import type { ListRow, RecordOf } from '../../api/resource-types';
import type { ListColumn } from '../../ui/list-screen/types';
import { ADDRESS_FIELDS } from '../../ui/record-form/address-fields';
import type { FieldDef } from '../../ui/record-form/types';
import { RecordLink } from '../../ui/RecordLink';
import { partnerName } from '../partners/partner-fields';

export const CONTACTS_PATH = '/api/v1/contacts';
export type Contact = RecordOf<typeof CONTACTS_PATH>;
type ContactRow = ListRow<typeof CONTACTS_PATH>;

export function contactName(contact: Pick<Contact, 'title' | 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/** Icons for a contact who refuses calls or emails, each saying so. */
export function Rejections({ contact }: { contact: Pick<Contact, 'doNotCall' | 'doNotEmail'> }) {
  return (
    <Group gap={6} wrap="nowrap">
      {contact.doNotCall && (
        <Tooltip label="Do not call">
          <IconPhoneOff size={16} color="var(--mantine-color-red-6)" aria-label="Do not call" role="img" />
        </Tooltip>
      )}
      {contact.doNotEmail && (
        <Tooltip label="Do not email">
          <IconMailOff size={16} color="var(--mantine-color-red-6)" aria-label="Do not email" role="img" />
        </Tooltip>
      )}
    </Group>
  );
}

/** The contact list's columns; a partner's own contact list leaves out the partner. */
export function contactColumns({ users, withPartner }: { users: Lookup; withPartner: boolean }): ListColumn<ContactRow>[] {
  return [
    { label: 'Name', field: 'name', sortable: true, sortField: 'lastName', render: contactName },
    ...(withPartner
      ? [
          {
            label: 'Partner',
            field: 'partnerId',
            render: (row: ContactRow) =>
              row.partnerId ? <RecordLink path="/api/v1/partners" id={row.partnerId} to={`/partners/${row.partnerId}`} label={partnerName} /> : '',
          },
        ]
      : []),
    { label: 'Job title', field: 'jobTitle' },
    { label: 'Email', field: 'email', sortable: true },
    { label: 'Phone', field: 'phone', nowrap: true, render: (row) => row.phone ?? row.mobilePhone ?? '' },
    { label: 'Assigned to', field: 'assignedToId', render: (row) => users.nameOf(row.assignedToId) ?? '' },
    { label: 'Refuses', field: 'rejections', render: (row) => <Rejections contact={row} /> },
  ];
}

/** Every field of the contract's contact, address included. */
export function contactFields({ users, creating }: { users: SelectOption[]; creating: boolean }): FieldDef[] {
  return [
    { name: 'title', label: 'Title', kind: 'text', placeholder: 'Ms., Mr., Dr' },
    { name: 'firstName', label: 'First name', kind: 'text' },
    { name: 'lastName', label: 'Last name', kind: 'text', required: true },
    { name: 'partnerId', label: 'Partner', kind: 'reference', reference: '/api/v1/partners', placeholder: 'Type to search partners' },
    { name: 'jobTitle', label: 'Job title', kind: 'text' },
    { name: 'email', label: 'Email', kind: 'email' },
    { name: 'phone', label: 'Phone', kind: 'text' },
    { name: 'mobilePhone', label: 'Mobile phone', kind: 'text' },
    { name: 'assignedToId', label: 'Assigned to', kind: 'select', options: users, description: creating ? 'Empty: you' : undefined },
    { name: 'doNotCall', label: 'Do not call', kind: 'checkbox' },
    { name: 'doNotEmail', label: 'Do not email', kind: 'checkbox' },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
    ...ADDRESS_FIELDS,
  ];
}
