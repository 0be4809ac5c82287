import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { aLead } from '../../test/fixtures';
import { ListTable } from '../../ui/list-screen/ListTable';
import { leadRowColor } from './lead-highlight';

const now = new Date('2026-11-28T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('lead row colours', () => {
  it.each([
    ['new, unassigned for 20 days', aLead({ status: 'new', assignedToId: null, createdAt: daysAgo(20), updatedAt: daysAgo(20) }), 'orange'],
    ['new', aLead({ status: 'new', createdAt: daysAgo(2), updatedAt: daysAgo(2) }), 'blue'],
    [
      'in progress, untouched for 16 days',
      aLead({ status: 'in_progress', assignedToId: crypto.randomUUID(), createdAt: daysAgo(30), updatedAt: daysAgo(16) }),
      'red',
    ],
    ['assigned yesterday', aLead({ status: 'assigned', assignedToId: crypto.randomUUID(), createdAt: daysAgo(1), updatedAt: daysAgo(1) }), null],
    ['converted', aLead({ status: 'converted', createdAt: daysAgo(40), updatedAt: daysAgo(40) }), 'green'],
    ['lost', aLead({ status: 'lost', createdAt: daysAgo(40), updatedAt: daysAgo(40) }), null],
  ])('colours a lead %s: %s', (_, lead, color) => {
    expect(leadRowColor(lead, now)).toBe(color);
  });

  it('marks the row with a left bar and a tint of its colour', () => {
    const stale = aLead({ lastName: 'Stale', status: 'assigned', assignedToId: crypto.randomUUID(), updatedAt: daysAgo(20) });
    const lost = aLead({ lastName: 'Gone', status: 'lost' });
    render(
      <MantineProvider env="test">
        <ListTable columns={[{ label: 'Name', field: 'lastName' }]} rows={[stale, lost]} sort="" onSort={() => {}} rowColor={(row) => leadRowColor(row, now)} />
      </MantineProvider>,
    );

    const staleRow = screen.getByRole('row', { name: 'Stale' });
    expect(staleRow).toHaveAttribute('data-highlight', 'red');
    expect(staleRow.style.backgroundColor).toBe('var(--mantine-color-red-0)');
    expect(screen.getByRole('cell', { name: 'Stale' }).style.boxShadow).toBe('inset 4px 0 0 var(--mantine-color-red-filled)');

    const lostRow = screen.getByRole('row', { name: 'Gone' });
    expect(lostRow).not.toHaveAttribute('data-highlight');
    expect(lostRow.style.backgroundColor).toBe('');
  });
});
