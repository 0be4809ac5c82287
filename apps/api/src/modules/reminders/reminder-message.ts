import { DateTime } from 'luxon';
import type { EventType } from '@crm/domain';

const TYPE_LABEL: Record<EventType, string> = { call: 'Call', meeting: 'Meeting', task: 'Task', event: 'Event' };

export interface ReminderSubject {
  type: EventType;
  subject: string;
  location: string | null;
  allDay: boolean;
  timeZone: string;
  occurrenceStartAt: Date;
  offsetMinutes: number;
  late: boolean;
}

/** "in 15 minutes", "in 2 hours", "in 1 day", "now". */
export function leadTime(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'now';
  const [amount, unit] =
    offsetMinutes % 1440 === 0 ? [offsetMinutes / 1440, 'day'] : offsetMinutes % 60 === 0 ? [offsetMinutes / 60, 'hour'] : [offsetMinutes, 'minute'];
  return `in ${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** The reminder's one-line title and its detail, in the event's own time zone. */
export function reminderMessage(r: ReminderSubject): { title: string; body: string } {
  const when = DateTime.fromJSDate(r.occurrenceStartAt, { zone: r.timeZone });
  const start = r.allDay ? when.toFormat('ccc d LLL yyyy') : `${when.toFormat('ccc d LLL yyyy, HH:mm')} (${r.timeZone})`;
  const title = r.late ? `${TYPE_LABEL[r.type]} (reminder sent late): ${r.subject}` : `${TYPE_LABEL[r.type]} ${leadTime(r.offsetMinutes)}: ${r.subject}`;
  const body = [`Starts ${start}`, r.location ? `at ${r.location}` : null].filter(Boolean).join(' ');
  return { title, body };
}
