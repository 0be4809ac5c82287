import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { resourceKeys } from '../../api/resources';
import type { components } from '../../api/schema';

export type Quotation = components['schemas']['QuotationView'];
export const QUOTATIONS_PATH = '/api/v1/quotations';
const OPPORTUNITIES = '/api/v1/opportunities';

export const quotationKeys = {
  all: [QUOTATIONS_PATH] as const,
  record: (id: string) => [QUOTATIONS_PATH, 'record', id] as const,
  ofOpportunity: (opportunityId: string) => [QUOTATIONS_PATH, 'opportunity', opportunityId] as const,
};

export function useQuotation(id: string) {
  return useQuery({
    queryKey: quotationKeys.record(id),
    queryFn: async () => unwrap(await client.GET('/api/v1/quotations/{id}', { params: { path: { id } } })),
  });
}

export function useOpportunityQuotations(opportunityId: string) {
  return useQuery({
    queryKey: quotationKeys.ofOpportunity(opportunityId),
    queryFn: async () => unwrap(await client.GET('/api/v1/quotations', { params: { query: { opportunityId, pageSize: 100 } } })),
  });
}

/** Quotations change their opportunity (confirming wins it): both are refetched. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (quotation?: Quotation) => {
    if (quotation) queryClient.setQueryData(quotationKeys.record(quotation.id), quotation);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: quotationKeys.all }),
      queryClient.invalidateQueries({ queryKey: resourceKeys.all(OPPORTUNITIES) }),
    ]);
  };
}

export function useCreateQuotation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (opportunityId: string) =>
      unwrap(await client.POST('/api/v1/opportunities/{id}/quotations', { params: { path: { id: opportunityId } }, body: {} })),
    onSuccess: (quotation) => refresh(quotation),
  });
}

export type QuotationPatch = components['schemas']['UpdateQuotationDto'];

export function useSaveQuotation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: QuotationPatch }) =>
      unwrap(await client.PATCH('/api/v1/quotations/{id}', { params: { path: { id } }, body })),
    onSuccess: (quotation) => refresh(quotation),
  });
}

export type QuotationAction = 'send' | 'confirm' | 'cancel';

export function useQuotationAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: QuotationAction }) => {
      const path = { path: { id } };
      const result =
        action === 'send'
          ? await client.POST('/api/v1/quotations/{id}/send', { params: path })
          : action === 'confirm'
            ? await client.POST('/api/v1/quotations/{id}/confirm', { params: path })
            : await client.POST('/api/v1/quotations/{id}/cancel', { params: path });
      return unwrap(result);
    },
    onSuccess: (quotation) => refresh(quotation),
  });
}
