import type { EventStatus, EventType } from '@crm/domain';
import type { ColorBy } from './calendar-state';

/** Mantine's default shades 6 (and 1 for the faded text), spelled out so FullCalendar's inline styles get real colours. */
export const TYPE_COLORS: Record<EventType, string> = {
  call: '#228be6',
  meeting: '#12b886',
  task: '#fd7e14',
  event: '#7950f2',
};

/** Colours for users, far enough apart to tell a handful of people apart. */
export const USER_PALETTE = [
  '#228be6',
  '#fa5252',
  '#40c057',
  '#fab005',
  '#be4bdb',
  '#15aabf',
  '#fd7e14',
  '#4c6ef5',
  '#e64980',
  '#82c91e',
  '#7950f2',
  '#12b886',
];

const CANCELLED = '#adb5bd';

/** The same user always gets the same colour, whatever else is on screen. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return USER_PALETTE[hash % USER_PALETTE.length];
}

/** FullCalendar 7's colours of an item: its `color` and the `contrastColor` of its text. */
export interface EventColors {
  color: string;
  contrastColor: string;
  /** Extra look of the item: a done task is faded, a cancelled event struck through. */
  classNames: string[];
}

/**
 * An event's colours on the calendar: by type ("My calendar" in Axelor) or
 * by organiser (shared calendars). A cancelled event is grey whatever the
 * rule; a realized one keeps its colour, faded (calendar.css).
 */
export function eventColors(event: { type: EventType; status: EventStatus; assignedToId: string }, colorBy: ColorBy): EventColors {
  const base = colorBy === 'user' ? userColor(event.assignedToId) : TYPE_COLORS[event.type];
  if (event.status === 'cancelled') return { color: CANCELLED, contrastColor: '#212529', classNames: ['crm-event-cancelled'] };
  if (event.status === 'realized') return { color: base, contrastColor: '#ffffff', classNames: ['crm-event-realized'] };
  return { color: base, contrastColor: '#ffffff', classNames: [] };
}
