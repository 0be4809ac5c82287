import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NOTIFICATIONS_PATH, notificationKeys, type AppNotification } from './notification-api';

/**
 * Listens to the server's live notifications (Server-Sent Events, the
 * session cookie authenticates it): each one pops up and refreshes the bell.
 * EventSource reconnects by itself; on reconnecting the count is re-read.
 */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(`${NOTIFICATIONS_PATH}/stream`);
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    const arrived = (message: MessageEvent<string>) => {
      refresh();
      try {
        const notification = JSON.parse(message.data) as AppNotification;
        // Bottom right: the bell it refers to stays uncovered.
        notifications.show({ color: notification.late ? 'orange' : 'blue', title: notification.title, message: notification.body ?? '', autoClose: 10_000, position: 'bottom-right' });
      } catch {
        // Not JSON: the bell is refreshed anyway.
      }
    };
    source.addEventListener('notification', arrived);
    source.addEventListener('open', refresh);
    return () => source.close();
  }, [queryClient]);
}
