import { describe, expect, it } from 'vitest';
import { moveStage, nextStage, opportunityHighlight, probabilityBand, reopenStage, type OpportunityStage } from './opportunities.js';

describe('nextStage', () => {
  it.each([
    ['new', 'qualification'],
    ['qualification', 'proposition'],
    ['proposition', 'negotiation'],
    ['negotiation', null],
    ['closed_won', null],
    ['closed_lost', null],
  ] as [OpportunityStage, OpportunityStage | null][])('%s → %s', (from, to) => {
    const result = nextStage(from);
    expect(result.allowed ? result.stage : null).toBe(to);
  });
});

describe('moveStage', () => {
  it.each([
    ['new', 'negotiation', true],
    ['negotiation', 'new', true],
    ['proposition', 'closed_won', true],
    ['proposition', 'closed_lost', true],
    ['closed_won', 'closed_won', true],
    ['closed_won', 'negotiation', false],
    ['closed_lost', 'closed_won', false],
  ] as [OpportunityStage, OpportunityStage, boolean][])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(moveStage(from, to).allowed).toBe(allowed);
  });
});

describe('reopenStage', () => {
  it('reopens a closed opportunity to negotiation by default, or to the open stage asked', () => {
    expect(reopenStage('closed_lost')).toEqual({ allowed: true, stage: 'negotiation' });
    expect(reopenStage('closed_won', 'qualification')).toEqual({ allowed: true, stage: 'qualification' });
  });
  it('refuses an open opportunity, or a closed target', () => {
    expect(reopenStage('new').allowed).toBe(false);
    expect(reopenStage('closed_won', 'closed_lost').allowed).toBe(false);
  });
});

describe('opportunityHighlight', () => {
  const today = new Date('2026-11-28T10:00:00Z');
  const fresh = '2026-11-27T10:00:00Z';
  const old = '2026-11-01T10:00:00Z';
  it.each([
    ['overdue', { stage: 'proposition', expectedCloseDate: '2026-11-20', createdAt: fresh }, 'overdue_soon'],
    ['in 7 days', { stage: 'new', expectedCloseDate: '2026-12-05', createdAt: fresh }, 'overdue_soon'],
    ['in 8 days', { stage: 'new', expectedCloseDate: '2026-12-06', createdAt: fresh }, 'closing_soon'],
    ['in 15 days', { stage: 'new', expectedCloseDate: '2026-12-13', createdAt: old }, 'closing_soon'],
    ['in 16 days, created 27 days ago', { stage: 'new', expectedCloseDate: '2026-12-14', createdAt: old }, 'aging'],
    ['new, no date', { stage: 'new', expectedCloseDate: null, createdAt: fresh }, null],
    ['won, overdue', { stage: 'closed_won', expectedCloseDate: '2026-11-01', createdAt: old }, 'won'],
    ['lost', { stage: 'closed_lost', expectedCloseDate: null, createdAt: old }, 'lost'],
  ] as const)('%s → %s', (_, input, expected) => {
    expect(opportunityHighlight(input, today)).toBe(expected);
  });
});

describe('probabilityBand', () => {
  it.each([
    [0, 'low'],
    [25, 'low'],
    [26, 'medium'],
    [49, 'medium'],
    [50, 'high'],
    [74, 'high'],
    [75, 'likely'],
    [100, 'likely'],
  ] as const)('%i%% → %s', (probability, band) => {
    expect(probabilityBand(probability)).toBe(band);
  });
});
