import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from './client';
import { unwrap } from './problem';
import type { components } from './schema';

export type User = components['schemas']['UserView'];
export type Credentials = components['schemas']['LoginDto'];

const ME_KEY = ['session', 'me'] as const;

/** Who is signed in; fails with a 401 ApiError (and the client redirects to /login) when nobody is. */
export function useCurrentUser() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => unwrap(await client.GET('/api/v1/auth/me')),
    staleTime: 5 * 60_000,
  });
}

export function useIsAdmin(): boolean {
  return useCurrentUser().data?.role === 'admin';
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => unwrap(await client.POST('/api/v1/auth/login', { body: credentials })),
    onSuccess: ({ user }) => {
      // Another user may have been signed in on this tab: nothing cached belongs to the new one.
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await client.POST('/api/v1/auth/logout'));
    },
    onSettled: () => queryClient.clear(),
  });
}
