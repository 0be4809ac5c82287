import { describe, expect, it } from 'vitest';
import { objectiveBody, quarterOf, toFormValues, validateObjective } from './objective-form-values';
import type { Objective } from './objective-progress';
import { objectiveQueries, objectivesFor, parseObjectivesView, writeObjectivesView } from './objectives-view';

const objective: Objective = {
  id: 'o1',
  createdAt: '2026-11-28T09:30:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  createdById: null,
  version: 3,
  name: 'Q1 new business',
  userId: 'u1',
  teamId: null,
  frequency: 'monthly',
  from: '2027-01-01',
  to: '2027-03-31',
  currency: 'EUR',
  targets: { amountWon: '5000.00', opportunitiesCreated: 10, opportunitiesWon: null, callsMade: null, meetings: null },
};

describe('the objective form', () => {
  it('starts a new objective as a monthly one over the current quarter', () => {
    expect(quarterOf(new Date(2027, 4, 17))).toEqual({ from: '2027-04-01', to: '2027-06-30' });
    expect(quarterOf(new Date(2027, 11, 31))).toEqual({ from: '2027-10-01', to: '2027-12-31' });
    const values = toFormValues(null, new Date(2027, 1, 10));
    expect(values).toMatchObject({ forWhom: 'user', frequency: 'monthly', from: '2027-01-01', to: '2027-03-31', currency: 'EUR' });
  });

  it('creates with every field: the targets left empty as null, for one user (the team null)', () => {
    const values = { ...toFormValues(null, new Date(2027, 1, 10)), name: ' Q1 ', userId: 'u1', teamId: 't1', currency: 'usd' };
    values.targets = { amountWon: '50 000.00', opportunitiesCreated: 20, opportunitiesWon: '', callsMade: '120', meetings: '' };
    expect(objectiveBody(values, values, null)).toEqual({
      name: 'Q1',
      userId: 'u1',
      teamId: null,
      frequency: 'monthly',
      from: '2027-01-01',
      to: '2027-03-31',
      currency: 'USD',
      targets: { amountWon: '50000.00', opportunitiesCreated: 20, opportunitiesWon: null, callsMade: 120, meetings: null },
    });
  });

  it('edits with the changes and the version; a target change sends the targets whole', () => {
    const initial = toFormValues(objective);
    const values = { ...initial, name: 'Q1 renamed', targets: { ...initial.targets, meetings: 15 } };
    expect(objectiveBody(values, initial, objective)).toEqual({
      version: 3,
      name: 'Q1 renamed',
      targets: { amountWon: '5000.00', opportunitiesCreated: 10, opportunitiesWon: null, callsMade: null, meetings: 15 },
    });
  });

  it('moving the objective to a team clears the user', () => {
    const initial = toFormValues(objective);
    expect(objectiveBody({ ...initial, forWhom: 'team', teamId: 't1' }, initial, objective)).toEqual({ version: 3, userId: null, teamId: 't1' });
  });

  it('asks for what is required before calling the API', () => {
    const values = { ...toFormValues(null), forWhom: 'team' as const, to: '2000-01-01' };
    expect(validateObjective(values)).toEqual({
      name: 'Name is required',
      teamId: 'Choose the team',
      to: 'The last day is before the first',
      targets: 'Give at least one target',
    });
    expect(validateObjective({ ...toFormValues(objective) })).toEqual({});
  });
});

describe('the Objectives screen state', () => {
  const me = { id: 'me', teamIds: ['t1', 't2'] };

  it('reads and writes the URL, keeping "everyone" for managers and admins', () => {
    const params = new URLSearchParams('scope=everyone&when=past&userId=u1');
    expect(parseObjectivesView(params, true)).toEqual({ scope: 'everyone', when: 'past', userId: 'u1', teamId: null });
    expect(parseObjectivesView(params, false)).toEqual({ scope: 'mine', when: 'past', userId: null, teamId: null });
    expect(writeObjectivesView(parseObjectivesView(params, true)).toString()).toBe('scope=everyone&when=past&userId=u1');
    expect(writeObjectivesView(parseObjectivesView(new URLSearchParams('when=later'), true)).toString()).toBe('');
  });

  it('asks the API for the current ones of today, and one list per team for my teams', () => {
    expect(objectiveQueries({ scope: 'mine', when: 'current', userId: null, teamId: null }, me, '2027-02-10', 200)).toEqual([
      { sort: 'to', pageSize: 200, on: '2027-02-10', userId: 'me' },
    ]);
    expect(objectiveQueries({ scope: 'teams', when: 'past', userId: null, teamId: null }, me, '2027-02-10', 200)).toEqual([
      { sort: '-to', pageSize: 200, teamId: 't1' },
      { sort: '-to', pageSize: 200, teamId: 't2' },
    ]);
    expect(objectiveQueries({ scope: 'everyone', when: 'upcoming', userId: null, teamId: 't2' }, me, '2027-02-10', 200)).toEqual([
      { sort: 'from', pageSize: 200, teamId: 't2' },
    ]);
  });

  it('keeps the upcoming or the past ones', () => {
    const past = { ...objective, id: 'p', to: '2027-01-31' };
    const upcoming = { ...objective, id: 'u', from: '2027-03-01' };
    expect(objectivesFor([objective, past, upcoming], 'past', '2027-02-10').map((o) => o.id)).toEqual(['p']);
    expect(objectivesFor([objective, past, upcoming], 'upcoming', '2027-02-10').map((o) => o.id)).toEqual(['u']);
  });
});
