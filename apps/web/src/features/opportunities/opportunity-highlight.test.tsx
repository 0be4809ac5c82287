import { describe, expect, it } from 'vitest';
import { opportunityColors } from './opportunity-highlight';

const today = new Date('2026-11-28T10:00:00Z');
const base = { stage: 'new' as const, expectedCloseDate: null, createdAt: '2026-11-27T10:00:00Z' };

describe('opportunityColors', () => {
  it('colours the text for the date and age rules', () => {
    expect(opportunityColors({ ...base, expectedCloseDate: '2026-12-01' }, today)).toEqual({ text: 'red', row: null });
    expect(opportunityColors({ ...base, expectedCloseDate: '2026-12-10' }, today)).toEqual({ text: 'orange', row: null });
    expect(opportunityColors({ ...base, createdAt: '2026-11-01T00:00:00Z' }, today)).toEqual({ text: 'blue', row: null });
  });

  it('tints the row of closed deals, and leaves others plain', () => {
    expect(opportunityColors({ ...base, stage: 'closed_won' }, today)).toEqual({ text: null, row: 'green' });
    expect(opportunityColors({ ...base, stage: 'closed_lost' }, today)).toEqual({ text: null, row: 'red' });
    expect(opportunityColors(base, today)).toEqual({ text: null, row: null });
  });
});
