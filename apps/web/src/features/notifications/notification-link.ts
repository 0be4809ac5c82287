import { openedEventPath } from '../calendar/calendar-state';
import type { AppNotification } from './notification-api';

/**
 * Where a notification leads: a reminder to the calendar at its event's day
 * with that event (or that occurrence of a series) open; null for one about
 * nothing to open.
 */
export function notificationLink(notification: Pick<AppNotification, 'recordType' | 'recordId' | 'occurrenceStartAt'>): string | null {
  if (notification.recordType !== 'event' || !notification.recordId) return null;
  return openedEventPath({ eventId: notification.recordId, occurrenceStartAt: notification.occurrenceStartAt });
}
