import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { on, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { ReportCard } from './ReportCard';
import type { ReportView } from './report-data';

const answer: ReportView = {
  name: 'leads-by-source',
  title: 'Leads by source',
  unit: 'count',
  list: 'leads',
  from: '2026-01-01',
  to: '2026-06-30',
  series: [
    {
      key: 'leads',
      name: 'Leads',
      points: [
        { x: 'Trade show, Paris', y: 4, filter: 'sourceId=7&createdFrom=2026-01-01&createdTo=2026-06-30' },
        { x: 'No source', y: 2, filter: 'hasSource=false&createdFrom=2026-01-01&createdTo=2026-06-30' },
      ],
    },
  ],
};

describe('ReportCard', () => {
  it('asks for the report with the filters, shows its numbers as a table with links to the lists, and exports them as CSV', async () => {
    const { requests } = stubApi(on('GET', '/api/v1/reports/leads-by-source', { status: 200, body: answer }));
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderScreen(<ReportCard name="leads-by-source" title="Leads by source" kind="donut" query={{ from: '2026-01-01', to: '2026-06-30' }} empty="No lead" />);

    const card = await screen.findByRole('region', { name: 'Leads by source' });
    await within(card).findByRole('button', { name: 'Table' });
    expect(requests[0].url.searchParams.get('from')).toBe('2026-01-01');
    expect(requests[0].url.searchParams.get('to')).toBe('2026-06-30');

    await userEvent.click(within(card).getByRole('button', { name: 'Table' }));
    const table = within(card).getByRole('table', { name: 'Leads by source: the numbers' });
    expect(within(table).getByRole('columnheader', { name: 'Leads' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: '4' })).toHaveAttribute('href', '/leads?sourceId=7&createdFrom=2026-01-01&createdTo=2026-06-30');
    expect(within(table).getByRole('rowheader', { name: 'No source' })).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalledOnce();
    expect(click.mock.instances[0]).toHaveAttribute('download', 'leads-by-source_2026-01-01_2026-06-30.csv');
    expect(await saved[0].text()).toBe('Category,Leads\r\n"Trade show, Paris",4\r\nNo source,2\r\n');
  });

  it('says what to do when there is nothing in the period', async () => {
    stubApi(
      on('GET', '/api/v1/reports/calls', {
        status: 200,
        body: { ...answer, name: 'calls', title: 'Calls by user', list: 'events', series: [{ key: 'planned', name: 'Planned', points: [] }] },
      }),
    );
    renderScreen(<ReportCard name="calls" title="Calls by user" kind="stacked" query={{}} empty="No call in this period — log calls from Events > Calls." />);
    expect(await screen.findByText('No call in this period — log calls from Events > Calls.')).toBeInTheDocument();
  });
});
