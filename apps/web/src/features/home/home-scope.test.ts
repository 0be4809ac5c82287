import { describe, expect, it } from 'vitest';
import { listPath, parseHomeScope, scopeEventsQuery, scopeObjectivesQuery, scopePipelineQuery, stageListPath } from './home-scope';
import { pipelineChart } from './pipeline-chart';

const seller = { id: 'u1', role: 'salesperson' as const, teamIds: ['t1'] };
const manager = { id: 'm1', role: 'manager' as const, teamIds: ['t2', 't3'] };
const params = (search: string) => new URLSearchParams(search);

describe('parseHomeScope', () => {
  it('shows a salesperson their own figures, whatever the URL says', () => {
    expect(parseHomeScope(params(''), seller)).toEqual({ kind: 'me', userId: 'u1' });
    expect(parseHomeScope(params('scope=all'), seller)).toEqual({ kind: 'me', userId: 'u1' });
  });

  it('shows a manager their first team by default, or the team, everyone, or themselves the URL picks', () => {
    expect(parseHomeScope(params(''), manager)).toEqual({ kind: 'team', teamId: 't2' });
    expect(parseHomeScope(params('scope=t3'), manager)).toEqual({ kind: 'team', teamId: 't3' });
    expect(parseHomeScope(params('scope=all'), manager)).toEqual({ kind: 'everyone' });
    expect(parseHomeScope(params('scope=me'), manager)).toEqual({ kind: 'me', userId: 'm1' });
    expect(parseHomeScope(params(''), { ...manager, role: 'admin', teamIds: [] })).toEqual({ kind: 'everyone' });
  });
});

describe('the queries and links of a scope', () => {
  const me = { kind: 'me', userId: 'u1' } as const;
  const team = { kind: 'team', teamId: 't1' } as const;
  const everyone = { kind: 'everyone' } as const;

  it('filters each API by the people of the scope', () => {
    expect([scopeEventsQuery(me), scopeEventsQuery(team), scopeEventsQuery(everyone)]).toEqual([{ assignedToId: ['u1'] }, { teamId: 't1' }, {}]);
    expect([scopePipelineQuery(me), scopePipelineQuery(team), scopePipelineQuery(everyone)]).toEqual([{ assignedToId: 'u1' }, { ofTeamId: 't1' }, {}]);
    expect(scopeObjectivesQuery(me, '2026-12-02', 6)).toEqual({ on: '2026-12-02', pageSize: 6, sort: 'name', userId: 'u1' });
    expect(scopeObjectivesQuery(team, '2026-12-02', 6)).toEqual({ on: '2026-12-02', pageSize: 6, sort: 'name', teamId: 't1' });
  });

  it('links to the lists with the same people', () => {
    expect(listPath('/events/tasks', me, { overdue: 'true' })).toBe('/events/tasks?overdue=true');
    expect(listPath('/events/tasks', team, { overdue: 'true' })).toBe('/events/tasks?overdue=true&teamId=t1&assignedToId=all');
    expect(listPath('/events/calls', everyone)).toBe('/events/calls?assignedToId=all');
    expect(stageListPath('proposition', me)).toBe('/opportunities/list?stage=proposition&assignedToId=u1');
    expect(stageListPath('proposition', everyone)).toBe('/opportunities/list?stage=proposition');
  });
});

describe('pipelineChart', () => {
  const total = (key: string, currency: string, count: number, weightedAmount: string) => ({ key, currency, count, amount: weightedAmount, weightedAmount });

  it('charts every open stage in the currency weighing most, and counts the others apart', () => {
    const chart = pipelineChart([
      total('proposition', 'EUR', 2, '30000.00'),
      total('new', 'EUR', 5, '5000.00'),
      total('closed_won', 'EUR', 9, '900000.00'),
      total('new', 'USD', 1, '1000.00'),
    ]);
    expect(chart.currency).toBe('EUR');
    expect(chart.bars.map((bar) => [bar.stage, bar.count, bar.weightedAmount])).toEqual([
      ['new', 5, '5000.00'],
      ['qualification', 0, '0'],
      ['proposition', 2, '30000.00'],
      ['negotiation', 0, '0'],
    ]);
    expect(chart.others).toEqual([{ currency: 'USD', count: 1 }]);
  });

  it('has no currency without open opportunities', () => {
    expect(pipelineChart([total('closed_lost', 'EUR', 3, '0.00')]).currency).toBeNull();
  });
});
