import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from './client';
import { unwrap } from './problem';
import type { components } from './schema';

export type ApiToken = components['schemas']['ApiTokenView'];
export type NewApiToken = components['schemas']['CreateTokenDto'];
export type CreatedApiToken = components['schemas']['CreatedApiToken'];

const TOKENS_KEY = ['session', 'tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => unwrap(await client.GET('/api/v1/auth/tokens')),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewApiToken) => unwrap(await client.POST('/api/v1/auth/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
