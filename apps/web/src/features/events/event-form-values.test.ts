import { describe, expect, it } from 'vitest';
import {
  changesBody,
  createBody,
  datesFromForm,
  datesToForm,
  eventToForm,
  formFieldOf,
  newEventValues,
  recurrenceFromForm,
  recurrenceToForm,
  shiftSeries,
  validateEvent,
  type RecurrenceForm,
} from './event-form-values';
import { anEvent } from '../../test/fixtures';

// Wall-clock text in the form is the browser's zone: UTC here, so it reads as the ISO instants.
process.env.TZ = 'UTC';
const ZONE = 'Europe/Paris';
const form = (change: Partial<RecurrenceForm>): RecurrenceForm => ({ ...recurrenceToForm(null, new Date('2026-12-02T10:00:00Z')), repeats: true, ...change });

describe('recurrence: form ↔ API', () => {
  it('starts a new series weekly on the start day, ending never', () => {
    expect(recurrenceToForm(null, new Date('2026-12-02T10:00:00Z'))).toEqual({
      repeats: false,
      frequency: 'weekly',
      interval: 1,
      byWeekday: ['WE'],
      ends: 'never',
      count: 10,
      until: '',
    });
  });

  it('sends nothing for a single event', () => {
    expect(recurrenceFromForm(form({ repeats: false }))).toBeNull();
  });

  it('sends weekdays in week order for a weekly series only', () => {
    expect(recurrenceFromForm(form({ frequency: 'weekly', interval: 2, byWeekday: ['FR', 'MO'] }))).toEqual({
      frequency: 'weekly',
      interval: 2,
      byWeekday: ['MO', 'FR'],
    });
    expect(recurrenceFromForm(form({ frequency: 'monthly', byWeekday: ['MO'] }))).toEqual({ frequency: 'monthly', interval: 1 });
  });

  it('ends after a count or on a day, one or the other', () => {
    expect(recurrenceFromForm(form({ frequency: 'daily', ends: 'count', count: 5, until: '2027-01-01' }))).toEqual({
      frequency: 'daily',
      interval: 1,
      count: 5,
    });
    expect(recurrenceFromForm(form({ frequency: 'yearly', ends: 'until', until: '2030-12-02', count: 5 }))).toEqual({
      frequency: 'yearly',
      interval: 1,
      until: '2030-12-02',
    });
  });

  it('reads back what it sent', () => {
    for (const recurrence of [
      { frequency: 'weekly' as const, interval: 2, byWeekday: ['MO' as const, 'WE' as const], until: '2027-03-31' },
      { frequency: 'daily' as const, interval: 1, count: 7 },
      { frequency: 'monthly' as const, interval: 3 },
    ]) {
      expect(recurrenceFromForm(recurrenceToForm(recurrence, new Date('2026-12-02T10:00:00Z')))).toEqual(recurrence);
    }
  });
});

describe('dates: form ↔ API', () => {
  it('keeps a timed event to the minute', () => {
    expect(datesFromForm({ allDay: false, start: '2026-12-02T10:00', end: '2026-12-02T11:30' })).toEqual({
      startAt: '2026-12-02T10:00:00.000Z',
      endAt: '2026-12-02T11:30:00.000Z',
    });
    expect(datesToForm('2026-12-02T10:00:00.000Z', '2026-12-02T11:30:00.000Z', false)).toEqual({
      allDay: false,
      start: '2026-12-02T10:00',
      end: '2026-12-02T11:30',
    });
  });

  it('shows an all-day event by its days, the API ending it the next midnight', () => {
    expect(datesFromForm({ allDay: true, start: '2026-12-02', end: '2026-12-03' })).toEqual({
      startAt: '2026-12-02T00:00:00.000Z',
      endAt: '2026-12-04T00:00:00.000Z',
    });
    expect(datesToForm('2026-12-02T00:00:00.000Z', '2026-12-04T00:00:00.000Z', true)).toEqual({ allDay: true, start: '2026-12-02', end: '2026-12-03' });
  });
});

const saved = anEvent({
  id: 'e1',
  location: 'Lyon',
  timeZone: ZONE,
  assignedToId: 'u1',
  leadId: 'l1',
  reminders: [{ offsetMinutes: 15, channel: 'notification' }],
  version: 3,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  createdById: 'u1',
});

describe('request bodies', () => {
  it('creates a meeting from a chosen slot, linked to its record, with the user zone', () => {
    const values = {
      ...newEventValues({ start: new Date('2026-12-02T10:00:00Z'), end: new Date('2026-12-02T10:30:00Z'), link: { leadId: 'l1' } }),
      subject: ' Demo ',
    };
    expect(createBody(values, ZONE)).toEqual({
      type: 'meeting',
      subject: 'Demo',
      startAt: '2026-12-02T10:00:00.000Z',
      endAt: '2026-12-02T10:30:00.000Z',
      allDay: false,
      timeZone: ZONE,
      status: 'planned',
      attendeeUserIds: [],
      attendeeContactIds: [],
      leadId: 'l1',
      reminders: [],
    });
  });

  it('gives a call its direction and a task its priority, and nothing of the kind to others', () => {
    const call = createBody({ ...newEventValues({ type: 'call' }), subject: 'Ring' }, ZONE);
    expect(call).toMatchObject({ type: 'call', callDirection: 'outbound' });
    expect(call).not.toHaveProperty('priority');
    const task = createBody({ ...newEventValues({ type: 'task' }), subject: 'Send offer' }, ZONE);
    expect(task).toMatchObject({ type: 'task', priority: 'normal' });
    expect(task).not.toHaveProperty('callDirection');
  });

  it('edits with the changes only; a cleared field as null; new times carry the zone', () => {
    const initial = eventToForm(saved);
    expect(changesBody({ ...initial, location: '', subject: 'Demo v2' }, initial, ZONE)).toEqual({ subject: 'Demo v2', location: null });
    expect(changesBody({ ...initial, start: '2026-12-03T10:00', end: '2026-12-03T11:00' }, initial, ZONE)).toEqual({
      startAt: '2026-12-03T10:00:00.000Z',
      endAt: '2026-12-03T11:00:00.000Z',
      timeZone: ZONE,
    });
    expect(changesBody(initial, initial, ZONE)).toEqual({});
  });

  it('shifts a series by as much as one of its occurrences moved', () => {
    const series = { startAt: '2026-12-01T09:00:00.000Z', endAt: '2026-12-01T10:00:00.000Z' };
    const occurrence = { startAt: '2026-12-08T09:00:00.000Z', endAt: '2026-12-08T10:00:00.000Z' };
    expect(shiftSeries(series, occurrence, { startAt: '2026-12-09T10:00:00.000Z', endAt: '2026-12-09T11:30:00.000Z' })).toEqual({
      startAt: '2026-12-02T10:00:00.000Z',
      endAt: '2026-12-02T11:30:00.000Z',
    });
  });
});

describe('client checks', () => {
  it('wants a subject, an end after the start and a weekday for a weekly series', () => {
    const values = { ...newEventValues({ start: new Date('2026-12-02T10:00:00Z') }), end: '2026-12-02T09:00' };
    values.recurrence = { ...values.recurrence, repeats: true, frequency: 'weekly', byWeekday: [] };
    expect(validateEvent(values)).toEqual({
      subject: 'Subject is required',
      end: 'The end must be after the start',
      'recurrence.byWeekday': 'Choose at least one day',
    });
  });

  it("places the API's field names under the form's inputs", () => {
    expect(formFieldOf('startAt')).toBe('start');
    expect(formFieldOf('endAt')).toBe('end');
    expect(formFieldOf('reminders.0.offsetMinutes')).toBe('reminders');
    expect(formFieldOf('recurrence.until')).toBe('recurrence.until');
  });
});
