import { describe, expect, it } from 'vitest';
import { isOpenLeadStatus, LEAD_STATUSES } from './leads.js';

describe('isOpenLeadStatus', () => {
  it.each([
    ['new', true],
    ['assigned', true],
    ['in_progress', true],
    ['converted', false],
    ['lost', false],
  ] as const)('%s is open: %s', (status, open) => {
    expect(isOpenLeadStatus(status)).toBe(open);
  });

  it('knows every status of the contract', () => {
    expect(LEAD_STATUSES).toEqual(['new', 'assigned', 'in_progress', 'converted', 'lost']);
  });
});
