import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { resourceKeys } from '../../api/resources';
import type { components } from '../../api/schema';
import { LEADS_PATH } from './lead-fields';

export type Lead = components['schemas']['Lead'];
export type LoseLeadBody = components['schemas']['LoseLeadDto'];
export type ConvertLeadBody = components['schemas']['ConvertLeadDto'];
export type ConversionResult = components['schemas']['ConversionResult'];

/** After an action the lead, its lists and its timeline (all under the leads key) are refetched. */
function useRefreshLeads() {
  const queryClient = useQueryClient();
  return (lead: Lead) => {
    queryClient.setQueryData(resourceKeys.record(LEADS_PATH, lead.id), lead);
    return queryClient.invalidateQueries({ queryKey: resourceKeys.all(LEADS_PATH) });
  };
}

/** Assign to a user, or to the caller when `userId` is left out ("Take charge"). */
export function useAssignLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: async ({ id, userId }: { id: string; userId?: string }) =>
      unwrap(await client.POST('/api/v1/leads/{id}/assign', { params: { path: { id } }, body: userId ? { userId } : {} })),
    onSuccess: refresh,
  });
}

export function useStartLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/api/v1/leads/{id}/start', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useRecycleLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/api/v1/leads/{id}/recycle', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useLoseLead() {
  const refresh = useRefreshLeads();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: LoseLeadBody }) =>
      unwrap(await client.POST('/api/v1/leads/{id}/lose', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** Conversion makes partners, contacts and opportunities too: their lists are refetched as well. */
export function useConvertLead() {
  const refresh = useRefreshLeads();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ConvertLeadBody }) =>
      unwrap(await client.POST('/api/v1/leads/{id}/convert', { params: { path: { id } }, body })),
    onSuccess: async (result) => {
      await Promise.all([
        refresh(result.lead),
        ...(['/api/v1/partners', '/api/v1/contacts', '/api/v1/opportunities'] as const).map((path) =>
          queryClient.invalidateQueries({ queryKey: resourceKeys.all(path) }),
        ),
      ]);
    },
  });
}
