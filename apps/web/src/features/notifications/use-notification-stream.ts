import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { NOTIFICATIONS_PATH, notificationKeys, useMarkRead, type AppNotification } from './notification-api';
import { showNotificationToast } from './NotificationToast';

/**
 * Listens to the server's live notifications (Server-Sent Events, the
 * session cookie authenticates it): each one pops up, opening what it is
 * about from there, and refreshes the bell. EventSource reconnects by
 * itself; on reconnecting the count is re-read.
 */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  // both stable: the stream is not reopened on a render
  const navigate = useNavigate();
  const { mutate: markRead } = useMarkRead();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(`${NOTIFICATIONS_PATH}/stream`);
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    const arrived = (message: MessageEvent<string>) => {
      refresh();
      try {
        showNotificationToast(JSON.parse(message.data) as AppNotification, { navigate, markRead });
      } catch {
        // Not JSON: the bell is refreshed anyway.
      }
    };
    source.addEventListener('notification', arrived);
    source.addEventListener('open', refresh);
    return () => source.close();
  }, [queryClient, navigate, markRead]);
}
