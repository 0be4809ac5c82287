import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';

export const NOTIFICATIONS_PATH = '/api/v1/notifications';

/** A message in the user's bell, e.g. an event reminder (`late` when delivered after it was due). */
export type AppNotification = components['schemas']['Notification'];

export const notificationKeys = {
  all: [NOTIFICATIONS_PATH] as const,
  unread: [NOTIFICATIONS_PATH, 'unread-count'] as const,
  recent: [NOTIFICATIONS_PATH, 'recent'] as const,
};

const RECENT = 10;

/** The number on the bell. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => unwrap(await client.GET('/api/v1/notifications/unread-count')).unread,
    // The stream says when it changes; this only catches up after a lost connection.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** The latest notifications, read or not, newest first. */
export function useRecentNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.recent,
    enabled,
    queryFn: async () => unwrap(await client.GET('/api/v1/notifications', { params: { query: { pageSize: RECENT } } })),
  });
}

function useRefreshingMutation<Input>(call: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export function useMarkRead() {
  return useRefreshingMutation(async (id: string) => unwrap(await client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })));
}

export function useMarkAllRead() {
  return useRefreshingMutation(async () => unwrap(await client.POST('/api/v1/notifications/read-all')));
}
