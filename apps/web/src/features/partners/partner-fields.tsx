import { Badge, Group } from '@mantine/core';
import type { SelectOption } from '../../api/lookups';
import { useList } from '../../api/resources';
import type { RecordOf } from '../../api/resource-types';
import { useCrmSettings } from '../../api/settings';
import { ADDRESS_FIELDS } from '../../ui/record-form/address-fields';
import type { FieldDef } from '../../ui/record-form/types';

export const PARTNERS_PATH = '/api/v1/partners';
export type Partner = RecordOf<typeof PARTNERS_PATH>;

export const PARTNER_KIND_OPTIONS: SelectOption[] = [
  { value: 'company', label: 'Company' },
  { value: 'individual', label: 'Individual' },
];

/** An individual's name is their first and last name; a company's, its name. */
export function partnerName(partner: Pick<Partner, 'kind' | 'name' | 'firstName'>): string {
  return partner.kind === 'individual' ? [partner.firstName, partner.name].filter(Boolean).join(' ') : partner.name;
}

/** The flags as badges; a partner may be several at once. */
export function PartnerFlags({ partner }: { partner: Pick<Partner, 'isProspect' | 'isCustomer' | 'isSupplier'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      {partner.isCustomer && (
        <Badge color="green" variant="light" tt="none" miw="max-content">
          Customer
        </Badge>
      )}
      {partner.isProspect && (
        <Badge color="blue" variant="light" tt="none" miw="max-content">
          Prospect
        </Badge>
      )}
      {partner.isSupplier && (
        <Badge color="grape" variant="light" tt="none" miw="max-content">
          Supplier
        </Badge>
      )}
    </Group>
  );
}

/**
 * Who may be assigned to a partner: when the settings name teams
 * (customerAssignableTeamIds), only their members; the API refuses others (422).
 */
export function usePartnerAssignees(current: string | null = null): SelectOption[] {
  const teamIds = useCrmSettings().data?.customerAssignableTeamIds ?? [];
  const users = useList('/api/v1/users', { sort: 'name', pageSize: 200 }).data?.items ?? [];
  return (
    users
      // The partner's present assignee stays listed, or the field would look empty.
      .filter((user) => user.id === current || (user.active && (teamIds.length === 0 || user.teamIds.some((id) => teamIds.includes(id)))))
      .map((user) => ({ value: user.id, label: user.name }))
  );
}

interface PartnerFieldOptions {
  users: SelectOption[];
  teams: SelectOption[];
  sources: SelectOption[];
  creating: boolean;
}

/** Every field of the contract's partner, address included. */
export function partnerFields({ users, teams, sources, creating }: PartnerFieldOptions): FieldDef[] {
  return [
    { name: 'kind', label: 'Kind', kind: 'select', required: true, options: PARTNER_KIND_OPTIONS },
    { name: 'name', label: 'Name', kind: 'text', required: true, description: 'Company name, or last name of an individual' },
    { name: 'firstName', label: 'First name', kind: 'text', description: 'Individuals only' },
    { name: 'email', label: 'Email', kind: 'email' },
    { name: 'phone', label: 'Phone', kind: 'text' },
    { name: 'mobilePhone', label: 'Mobile phone', kind: 'text' },
    { name: 'website', label: 'Website', kind: 'text' },
    { name: 'sourceId', label: 'Source', kind: 'select', options: sources },
    { name: 'assignedToId', label: 'Assigned to', kind: 'select', options: users, description: creating ? 'Empty: you' : undefined },
    { name: 'teamId', label: 'Team', kind: 'select', options: teams },
    { name: 'isProspect', label: 'Prospect', kind: 'checkbox' },
    { name: 'isCustomer', label: 'Customer', kind: 'checkbox' },
    { name: 'isSupplier', label: 'Supplier', kind: 'checkbox' },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
    ...ADDRESS_FIELDS,
  ];
}
