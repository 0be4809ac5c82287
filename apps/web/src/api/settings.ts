import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from './schema';
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

export type CrmSettingsChanges = components['schemas']['UpdateCrmSettingsDto'];

/** PATCH /settings/crm (admin); the cached settings are replaced by the answer. */
export function useUpdateCrmSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: CrmSettingsChanges) => unwrap(await client.PATCH('/api/v1/settings/crm', { body: changes })),
    onSuccess: (settings) => queryClient.setQueryData(['settings', 'crm'], settings),
  });
}
