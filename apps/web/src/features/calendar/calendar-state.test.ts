import { describe, expect, it } from 'vitest';
import { assignedToIds, calendarQuery, parseCalendarState, writeCalendarState } from './calendar-state';

const TODAY = '2026-11-28';
const parse = (search: string) => parseCalendarState(new URLSearchParams(search), TODAY);
const range = { start: new Date('2026-11-23T00:00:00.000Z'), end: new Date('2026-11-30T00:00:00.000Z') };

describe('the calendar state in the URL', () => {
  it('defaults to this week, my events, coloured by type', () => {
    expect(parse('')).toEqual({ view: 'week', date: TODAY, colorBy: 'type', types: [], users: { kind: 'mine' }, teamId: null, calendarId: null });
  });

  it('reads every setting, and ignores what it does not know', () => {
    expect(parse('view=month&date=2027-01-15&colorBy=user&types=call,task,party&users=u1,u2&teamId=t1&calendarId=c1')).toEqual({
      view: 'month',
      date: '2027-01-15',
      colorBy: 'user',
      types: ['call', 'task'],
      users: { kind: 'some', ids: ['u1', 'u2'] },
      teamId: 't1',
      calendarId: 'c1',
    });
    expect(parse('view=year&date=tomorrow').view).toBe('week');
    expect(parse('date=2026-13-45x').date).toBe(TODAY);
    expect(parse('users=all').users).toEqual({ kind: 'all' });
  });

  it('writes back what it reads, leaving the defaults out', () => {
    const search = 'view=day&date=2027-01-15&colorBy=user&types=meeting&users=all&teamId=t1';
    expect(writeCalendarState(parse(search), TODAY).toString()).toBe(search);
    expect(writeCalendarState(parse(''), TODAY).toString()).toBe('');
  });
});

describe('the range query', () => {
  const people = { meId: 'me', everyone: ['me', 'u1', 'u2'] };

  it('asks for the visible range and my events by default', () => {
    expect(calendarQuery(range, parse(''), people)).toEqual({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', assignedToId: ['me'] });
  });

  it('carries the type, people and team filters', () => {
    expect(calendarQuery(range, parse('types=call,meeting&users=u1,u2&teamId=t1'), people)).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
      assignedToId: ['u1', 'u2'],
      type: ['call', 'meeting'],
      teamId: 't1',
    });
  });

  it('lets a team bring its own people instead of "mine" or "everyone"', () => {
    expect(calendarQuery(range, parse('teamId=t1&users=all'), people)).toEqual({ from: range.start.toISOString(), to: range.end.toISOString(), teamId: 't1' });
    expect(assignedToIds(parse('teamId=t1'), people)).toEqual([]);
  });

  it('lets the API find a calendar configuration\'s people', () => {
    expect(calendarQuery(range, parse('calendarId=c1'), people)).toEqual({ from: range.start.toISOString(), to: range.end.toISOString(), calendarId: 'c1' });
    expect(calendarQuery(range, parse('calendarId=c1&users=u1'), people)).toMatchObject({ assignedToId: ['u1'], calendarId: 'c1' });
  });

  it('asks for every user by id for "everyone" (no user means the caller to the API), once they are known', () => {
    expect(assignedToIds(parse('users=all'), people)).toEqual(['me', 'u1', 'u2']);
    expect(calendarQuery(range, parse('users=all'), { meId: 'me', everyone: [] })).toBeNull();
  });
});
