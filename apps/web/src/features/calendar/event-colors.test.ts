import { describe, expect, it } from 'vitest';
import { eventColors, TYPE_COLORS, USER_PALETTE, userColor } from './event-colors';

const event = { type: 'call' as const, status: 'planned' as const, assignedToId: '0193a1b2-0000-7000-8000-000000000001' };

describe('event colours', () => {
  it.each([
    ['call', TYPE_COLORS.call],
    ['meeting', TYPE_COLORS.meeting],
    ['task', TYPE_COLORS.task],
    ['event', TYPE_COLORS.event],
  ] as const)('colours a planned %s by its type', (type, colour) => {
    expect(eventColors({ ...event, type }, 'type')).toEqual({ color: colour, contrastColor: '#ffffff', classNames: [] });
  });

  it('colours by organiser: the same user always the same colour, whatever the type', () => {
    const call = eventColors(event, 'user');
    const task = eventColors({ ...event, type: 'task' }, 'user');
    expect(call.color).toBe(userColor(event.assignedToId));
    expect(task.color).toBe(call.color);
    expect(USER_PALETTE).toContain(call.color);
  });

  it('spreads users over the palette', () => {
    const colours = new Set(Array.from({ length: 40 }, (_, index) => userColor(`0193a1b2-0000-7000-8000-${String(index).padStart(12, '0')}`)));
    expect(colours.size).toBeGreaterThan(6);
  });

  it('greys a cancelled event and fades a realized one', () => {
    expect(eventColors({ ...event, status: 'cancelled' }, 'type')).toMatchObject({ color: '#adb5bd', classNames: ['crm-event-cancelled'] });
    expect(eventColors({ ...event, status: 'realized' }, 'type')).toEqual({
      color: TYPE_COLORS.call,
      contrastColor: '#ffffff',
      classNames: ['crm-event-realized'],
    });
  });
});
