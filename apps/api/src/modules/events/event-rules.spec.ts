import { eventProblems, seriesEndAt, typeDefaults, type EventShape } from './event-rules';

const meeting: EventShape = {
  type: 'meeting',
  callDirection: null,
  priority: null,
  timeZone: 'Europe/Paris',
  recurrence: null,
  seriesId: null,
  startAt: new Date('2027-03-15T08:00:00Z'),
  endAt: new Date('2027-03-15T09:00:00Z'),
};

describe('eventProblems', () => {
  it.each([
    ['a valid meeting', {}, []],
    ['an end before the start', { endAt: new Date('2027-03-15T07:00:00Z') }, ['endAt']],
    ['an end at the start', { endAt: meeting.startAt }, ['endAt']],
    ['a direction on a meeting', { callDirection: 'inbound' }, ['callDirection']],
    ['a direction on a call', { type: 'call', callDirection: 'inbound' }, []],
    ['a priority on a call', { type: 'call', priority: 'high' }, ['priority']],
    ['a priority on a task', { type: 'task', priority: 'high' }, []],
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, ['timeZone']],
    ['a recurring occurrence', { seriesId: 'x', recurrence: { frequency: 'daily', interval: 1 } }, ['recurrence']],
    ['a bad recurrence', { recurrence: { frequency: 'daily', interval: 0, byWeekday: ['MO'] } }, ['recurrence.interval', 'recurrence.byWeekday']],
  ] as [string, Partial<EventShape>, string[]][])('%s → %j', (_name, change, fields) => {
    expect(eventProblems({ ...meeting, ...change }).map((problem) => problem.field)).toEqual(fields);
  });
});

describe('typeDefaults', () => {
  it.each([
    ['a new call is outbound', 'call', {}, undefined, { callDirection: 'outbound', priority: null }],
    ['a new task is of normal priority', 'task', {}, undefined, { callDirection: null, priority: 'normal' }],
    ['a given value wins', 'call', { callDirection: 'inbound' }, undefined, { callDirection: 'inbound', priority: null }],
    ['a call keeps its stored direction', 'call', {}, { callDirection: 'inbound', priority: null }, { callDirection: 'inbound', priority: null }],
    ['a call turned task drops the direction', 'task', {}, undefined, { callDirection: null, priority: 'normal' }],
    ['a wrong value is kept for the rules to refuse', 'meeting', { priority: 'high' }, undefined, { callDirection: null, priority: 'high' }],
  ] as const)('%s', (_name, type, given, stored, expected) => {
    expect(typeDefaults(type, given, stored)).toEqual(expected);
  });
});

describe('seriesEndAt', () => {
  it('is the end of a single event, the last end of a counted series, null for an endless one', () => {
    expect(seriesEndAt({ ...meeting, recurrence: null })).toEqual(meeting.endAt);
    expect(seriesEndAt({ ...meeting, recurrence: { frequency: 'weekly', interval: 1, count: 3 } })).toEqual(new Date('2027-03-29T08:00:00Z'));
    expect(seriesEndAt({ ...meeting, recurrence: { frequency: 'weekly', interval: 1 } })).toBeNull();
  });
});
