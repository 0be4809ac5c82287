import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { assignedToIds, calendarQuery, openedEventPath, openedItem, parseCalendarState, writeCalendarState } from './calendar-state';

const TODAY = '2026-11-28';
const parse = (search: string) => parseCalendarState(new URLSearchParams(search), TODAY);
const range = { start: new Date('2026-11-23T00:00:00.000Z'), end: new Date('2026-11-30T00:00:00.000Z') };

describe('the calendar state in the URL', () => {
  it('defaults to this week, my events, coloured by type', () => {
    expect(parse('')).toEqual({ view: 'week', date: TODAY, colorBy: 'type', types: [], users: { kind: 'mine' }, teamId: null, calendarId: null, opened: null });
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
      opened: null,
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

  it('keeps the event open in the form, and for a series which occurrence, so a reload opens it again', () => {
    const search = 'date=2026-12-09&event=e1&occurrence=2026-12-09T10%3A00%3A00.000Z';
    expect(parse(search).opened).toEqual({ eventId: 'e1', occurrenceStartAt: '2026-12-09T10:00:00.000Z' });
    expect(writeCalendarState(parse(search), TODAY).toString()).toBe(search);
    // written as the API writes instants, so it names the same occurrence
    expect(parse('event=e1&occurrence=2026-12-09T11:00:00%2B01:00').opened).toEqual({ eventId: 'e1', occurrenceStartAt: '2026-12-09T10:00:00.000Z' });
    expect(parse('event=e1').opened).toEqual({ eventId: 'e1', occurrenceStartAt: null });
  });

  it('opens no occurrence from a start that is not a date, and nothing without an event', () => {
    expect(parse('event=e1&occurrence=soon').opened).toEqual({ eventId: 'e1', occurrenceStartAt: null });
    expect(parse('occurrence=2026-12-09T10:00:00.000Z').opened).toBeNull();
    expect(writeCalendarState({ ...parse('event=e1&occurrence=2026-12-09T10:00:00.000Z'), opened: null }, TODAY).toString()).toBe('');
  });
});

describe('the link to an event on the calendar', () => {
  it('shows the day of the occurrence (in the user’s zone) with its form open, the day written even when it is today', () => {
    const path = openedEventPath({ eventId: 'e1', occurrenceStartAt: '2026-12-09T10:00:00.000Z' });
    const url = new URL(path, 'http://crm.test');
    expect(url.pathname).toBe('/events');
    expect(url.searchParams.get('date')).toBe(dayjs('2026-12-09T10:00:00.000Z').format('YYYY-MM-DD'));
    expect(parseCalendarState(url.searchParams, TODAY).opened).toEqual({ eventId: 'e1', occurrenceStartAt: '2026-12-09T10:00:00.000Z' });
    expect(new URL(openedEventPath({ eventId: 'e1', occurrenceStartAt: `${TODAY}T12:00:00.000Z` }), 'http://crm.test').searchParams.has('date')).toBe(true);
  });

  it('opens the event on today’s calendar when the occurrence is not known', () => {
    expect(openedEventPath({ eventId: 'e1', occurrenceStartAt: null })).toBe('/events?event=e1');
  });
});

describe('a calendar item opened by a click, as the URL names it', () => {
  const at = { startAt: '2026-12-09T10:00:00.000Z', occurrenceId: 's1:2026-12-09T10:00:00.000Z' };

  it('names an occurrence of a series by the series and its start there, so a reload finds the same occurrence', () => {
    const opened = openedItem({ ...at, id: 's1', seriesId: 's1', originalStartAt: '2026-12-09T10:00:00.000Z' });
    expect(opened).toEqual({ eventId: 's1', occurrenceStartAt: '2026-12-09T10:00:00.000Z' });
    expect(parse(writeCalendarState({ ...parse(''), opened }, TODAY).toString()).opened).toEqual(opened);
  });

  it('names an occurrence edited on its own (even moved) by its own row and its start in the series, and a single event by itself', () => {
    expect(openedItem({ ...at, id: 'x1', seriesId: 's1', startAt: '2026-12-10T15:00:00.000Z', originalStartAt: '2026-12-09T10:00:00.000Z' })).toEqual({
      eventId: 'x1',
      occurrenceStartAt: '2026-12-09T10:00:00.000Z',
    });
    expect(openedItem({ ...at, id: 'e1', seriesId: null, originalStartAt: null, occurrenceId: 'e1' })).toEqual({ eventId: 'e1', occurrenceStartAt: null });
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

  it("lets the API find a calendar configuration's people", () => {
    expect(calendarQuery(range, parse('calendarId=c1'), people)).toEqual({ from: range.start.toISOString(), to: range.end.toISOString(), calendarId: 'c1' });
    expect(calendarQuery(range, parse('calendarId=c1&users=u1'), people)).toMatchObject({ assignedToId: ['u1'], calendarId: 'c1' });
  });

  it('asks for every user by id for "everyone" (no user means the caller to the API), once they are known', () => {
    expect(assignedToIds(parse('users=all'), people)).toEqual(['me', 'u1', 'u2']);
    expect(calendarQuery(range, parse('users=all'), { meId: 'me', everyone: [] })).toBeNull();
  });
});
