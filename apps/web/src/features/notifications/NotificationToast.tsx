import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MouseEvent } from 'react';
import type { AppNotification } from './notification-api';
import { notificationLink } from './notification-link';

interface ToastActions {
  /** Goes to a path of the app without reloading it. */
  navigate: (path: string) => unknown;
  markRead: (id: string) => void;
}

/** A click the browser handles itself: into a new tab or window (a modifier key), or not with the main button. */
function opensElsewhere(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * Pops a live notification up, bottom right (the bell it refers to stays
 * uncovered). One about something to open carries an "Open" link there;
 * following it marks the notification read and closes the toast, as
 * following it from the bell does. The toasts are drawn outside the router,
 * so the link is a plain anchor that navigates through `navigate`.
 */
export function showNotificationToast(notification: AppNotification, { navigate, markRead }: ToastActions): void {
  // One toast per notification, should the stream bring it twice.
  const id = `notification-${notification.id}`;
  const link = notificationLink(notification);
  const follow = (event: MouseEvent, path: string) => {
    markRead(notification.id);
    notifications.hide(id);
    if (opensElsewhere(event)) return;
    event.preventDefault();
    navigate(path);
  };
  notifications.show({
    id,
    color: notification.late ? 'orange' : 'blue',
    title: notification.title,
    message: (
      <>
        {notification.body}
        {link && (
          <Anchor href={link} onClick={(event) => follow(event, link)} aria-label={`Open: ${notification.title}`} display="block" size="sm" mt={4}>
            Open
          </Anchor>
        )}
      </>
    ),
    autoClose: 10_000,
    position: 'bottom-right',
  });
}
