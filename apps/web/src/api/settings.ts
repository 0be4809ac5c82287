import { useQuery } from '@tanstack/react-query';
import { client } from './client';
import { unwrap } from './problem';

/** The CRM settings every user may read: forms follow them (who can be assigned to partners, ...). */
export function useCrmSettings() {
  return useQuery({
    queryKey: ['settings', 'crm'],
    queryFn: async () => unwrap(await client.GET('/api/v1/settings/crm')),
    staleTime: 5 * 60_000,
  });
}
