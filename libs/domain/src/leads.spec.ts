import { describe, expect, it } from 'vitest';
import { isOpenLeadStatus, leadHighlight, leadTransition, LEAD_STATUSES, type LeadAction, type LeadStatus } from './leads.js';

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

describe('leadTransition', () => {
  // [from, action, to] — null: refused
  const table: [LeadStatus, LeadAction, LeadStatus | null][] = [
    ['new', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['in_progress', 'assign', 'in_progress'],
    ['converted', 'assign', null],
    ['lost', 'assign', null],
    ['new', 'start', 'in_progress'],
    ['assigned', 'start', 'in_progress'],
    ['in_progress', 'start', null],
    ['converted', 'start', null],
    ['lost', 'start', null],
    ['new', 'lose', 'lost'],
    ['assigned', 'lose', 'lost'],
    ['in_progress', 'lose', 'lost'],
    ['converted', 'lose', null],
    ['lost', 'lose', null],
    ['lost', 'recycle', 'in_progress'],
    ['new', 'recycle', null],
    ['assigned', 'recycle', null],
    ['in_progress', 'recycle', null],
    ['converted', 'recycle', null],
    ['new', 'convert', 'converted'],
    ['assigned', 'convert', 'converted'],
    ['in_progress', 'convert', 'converted'],
    ['converted', 'convert', null],
    ['lost', 'convert', null],
  ];

  it.each(table)('%s --%s--> %s', (from, action, to) => {
    const result = leadTransition(from, action);
    if (to === null) {
      expect(result.allowed).toBe(false);
      if (!result.allowed) expect(result.reason).toMatch(/\w/);
    } else {
      expect(result).toEqual({ allowed: true, status: to });
    }
  });
});

describe('leadHighlight', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const lead = (status: LeadStatus, assignedToId: string | null, createdDays: number, updatedDays = createdDays) => ({
    status,
    assignedToId,
    createdAt: daysAgo(createdDays),
    updatedAt: daysAgo(updatedDays),
  });

  it.each([
    ['new, unassigned, 15 days old', lead('new', null, 15), 'untouched'],
    ['new, unassigned, 14 days old', lead('new', null, 14), 'new'],
    ['new, assigned, 30 days old', lead('new', 'u1', 30), 'new'],
    ['in progress, untouched 15 days', lead('in_progress', 'u1', 40, 15), 'stale'],
    ['assigned, changed yesterday', lead('assigned', 'u1', 40, 1), null],
    ['converted', lead('converted', 'u1', 40), 'converted'],
    ['lost', lead('lost', 'u1', 40), null],
  ] as const)('%s → %s', (_, input, expected) => {
    expect(leadHighlight(input, now)).toBe(expected);
  });
});
