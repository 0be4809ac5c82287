import { describe, expect, it } from 'vitest';
import { anEvent } from '../../test/fixtures';
import { activeQuickView, activitiesQuery, calendarLink, isOverdue, primaryLink, QUICK_VIEWS, quickViewPath, resolveDay, weekOf } from './activity-views';

const meId = '0193a000-0000-7000-8000-000000000001';
const context = { meId, today: '2026-12-02' };
const view = (id: string) => QUICK_VIEWS.find((candidate) => candidate.id === id)!;
const paramsOf = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

describe('activitiesQuery', () => {
  it("asks for the list's type and the signed-in user's events by default", () => {
    expect(activitiesQuery('calls', {}, context)).toEqual({ type: ['call'], assignedToId: [meId] });
    expect(activitiesQuery('all', {}, context)).toEqual({ assignedToId: [meId] });
  });

  it('asks for everyone (no assignee), someone else, a team', () => {
    expect(activitiesQuery('meetings', { assignedToId: 'all' }, context)).toEqual({ type: ['meeting'] });
    expect(activitiesQuery('meetings', { assignedToId: 'u2' }, context)).toEqual({ type: ['meeting'], assignedToId: ['u2'] });
    expect(activitiesQuery('meetings', { assignedToId: 'all', teamId: 't1' }, context)).toEqual({ type: ['meeting'], teamId: 't1' });
  });

  it('turns each quick view into the filters of the API, "today" into the day', () => {
    const query = (id: string) => {
      const quick = view(id);
      return activitiesQuery(quick.kind, Object.fromEntries(paramsOf(quickViewPath(quick))), context);
    };
    expect(query('open-tasks')).toEqual({ type: ['task'], assignedToId: [meId], status: 'planned' });
    expect(query('overdue')).toEqual({ type: ['task'], assignedToId: [meId], overdue: true });
    expect(query('today-calls')).toEqual({ type: ['call'], assignedToId: [meId], startFrom: '2026-12-02', startTo: '2026-12-02' });
  });

  it('keeps a direction for calls and a priority for tasks only, and drops days that are not days', () => {
    expect(activitiesQuery('tasks', { priority: 'high', callDirection: 'inbound' }, context)).toEqual({
      type: ['task'],
      assignedToId: [meId],
      priority: 'high',
    });
    expect(activitiesQuery('all', { type: 'call', callDirection: 'inbound' }, context)).toEqual({
      type: ['call'],
      assignedToId: [meId],
      callDirection: 'inbound',
    });
    expect(activitiesQuery('calls', { startFrom: 'yesterday', startTo: '2026-12-31', contactId: 'c1' }, context)).toEqual({
      type: ['call'],
      assignedToId: [meId],
      startTo: '2026-12-31',
      contactId: 'c1',
    });
    expect(resolveDay('2026-02-30x', '2026-12-02')).toBeUndefined();
    expect(activitiesQuery('tasks', { overdue: 'false' }, context)).toEqual({ type: ['task'], assignedToId: [meId], overdue: false });
    expect(activitiesQuery('tasks', { overdue: 'soon' }, context)).toEqual({ type: ['task'], assignedToId: [meId] });
  });
});

describe('quick views', () => {
  it('lead to plain URLs, and are recognised whatever the search and page', () => {
    expect(quickViewPath(view('overdue'))).toBe('/events/tasks?overdue=true');
    expect(quickViewPath(view('today-calls'))).toBe('/events/calls?startFrom=today&startTo=today&sort=startAt');
    expect(activeQuickView('tasks', new URLSearchParams('overdue=true&q=quote&page=2'))?.id).toBe('overdue');
    expect(activeQuickView('calls', new URLSearchParams('overdue=true'))).toBeNull();
    expect(activeQuickView('tasks', new URLSearchParams('overdue=true&priority=high'))).toBeNull();
    expect(activeQuickView('tasks', new URLSearchParams(''))).toBeNull();
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const task = anEvent({ type: 'task', status: 'planned', startAt: '2026-12-02T10:00:00Z', endAt: '2026-12-02T11:00:00Z' });

  it('is a planned task whose due time (its end) is past', () => {
    expect(isOverdue(task, now)).toBe(true);
    expect(isOverdue({ ...task, endAt: '2026-12-02T13:00:00Z' }, now)).toBe(false);
  });

  it('is never a done or cancelled task, another type, or a recurring series', () => {
    expect(isOverdue({ ...task, status: 'realized' }, now)).toBe(false);
    expect(isOverdue({ ...task, status: 'cancelled' }, now)).toBe(false);
    expect(isOverdue({ ...task, type: 'call' }, now)).toBe(false);
    expect(isOverdue({ ...task, recurrence: { frequency: 'weekly', interval: 1 } }, now)).toBe(false);
  });
});

describe('row links', () => {
  it('opens the calendar at the event, the way a notification does', () => {
    const event = anEvent({ id: 'e1', startAt: '2026-12-02T10:00:00.000Z' });
    expect(calendarLink(event)).toBe('/events?date=2026-12-02&event=e1&occurrence=2026-12-02T10%3A00%3A00.000Z');
    expect(calendarLink({ ...event, recurrence: { frequency: 'weekly', interval: 1 } })).toBe('/events?event=e1');
    const edited = { ...event, id: 'o1', seriesId: 's1', originalStartAt: '2026-12-09T10:00:00.000Z', startAt: '2026-12-10T10:00:00.000Z' };
    expect(calendarLink(edited)).toBe('/events?date=2026-12-09&event=o1&occurrence=2026-12-09T10%3A00%3A00.000Z');
  });

  it('names the most precise record', () => {
    expect(primaryLink(anEvent({ partnerId: 'p1', opportunityId: 'o1' }))).toEqual({ param: 'opportunityId', id: 'o1' });
    expect(primaryLink(anEvent({ partnerId: 'p1', contactId: 'c1' }))).toEqual({ param: 'contactId', id: 'c1' });
    expect(primaryLink(anEvent())).toBeNull();
  });
});

describe('weekOf', () => {
  it('runs Monday to Sunday', () => {
    expect(weekOf('2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });
});
