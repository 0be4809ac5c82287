import { Text } from '@mantine/core';
import { useLookup } from '../../api/lookups';
import { formatDate } from '../../ui/format';
import { RecordLink } from '../../ui/RecordLink';
import { partnerName } from '../partners/partner-fields';
import type { FieldFormat } from './duplicate-entities';
import { isBlank } from '@crm/domain';

type Address = { street?: string | null; city?: string | null; postalCode?: string | null; state?: string | null; country?: string | null };

export function formatAddress(address: Address): string {
  return [address.street, [address.postalCode, address.city].filter(Boolean).join(' '), address.state, address.country].filter(Boolean).join(', ');
}

/** Names of the references a merge shows: users, teams and lead sources are small lists, loaded once and shared. */
export function useReferenceNames() {
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const sources = useLookup('/api/v1/lead-sources');
  return { user: users.nameOf, team: teams.nameOf, source: sources.nameOf };
}

export type ReferenceNames = ReturnType<typeof useReferenceNames>;

/** A record's value as a person reads it; an empty one as a dimmed dash. */
export function FieldValue({ value, format = 'text', names }: { value: unknown; format?: FieldFormat; names: ReferenceNames }) {
  if (format !== 'flag' && isBlank(value))
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  switch (format) {
    case 'flag':
      return <>{value ? 'Yes' : 'No'}</>;
    case 'kind':
      return <>{value === 'individual' ? 'Individual' : 'Company'}</>;
    case 'address':
      return <>{formatAddress(value as Address)}</>;
    case 'date':
      return <>{formatDate(value as string)}</>;
    case 'partner':
      return <RecordLink path="/api/v1/partners" id={value as string} to={`/partners/${value as string}`} label={partnerName} />;
    case 'user':
    case 'team':
    case 'source':
      return <>{names[format](value as string) ?? '…'}</>;
    default:
      return <>{String(value)}</>;
  }
}
