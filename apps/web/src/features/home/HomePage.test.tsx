import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anEvent } from '../../test/fixtures';
import { on, page, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { HomePage } from './HomePage';

const me = { id: crypto.randomUUID(), email: 'sam@example.com', name: 'Sam Seller', role: 'salesperson', teamIds: [] };
const late = anEvent({
  type: 'task',
  subject: 'Send the contract',
  assignedToId: me.id,
  startAt: '2020-01-06T09:00:00.000Z',
  endAt: '2020-01-06T10:00:00.000Z',
});

describe('HomePage for a salesperson', () => {
  it('shows my pipeline by stage with links, my week, my overdue tasks, and says when there is no objective', async () => {
    const { requests } = stubApi(
      on('GET', '/api/v1/auth/me', { status: 200, body: me }),
      on('GET', '/api/v1/users', { status: 200, body: page([]) }),
      on('GET', '/api/v1/teams', { status: 200, body: page([]) }),
      on('GET', '/api/v1/settings/crm', { status: 200, body: { timeZone: 'UTC' } }),
      on('GET', '/api/v1/opportunities/pipeline', {
        status: 200,
        body: { groupBy: 'stage', groups: [{ key: 'proposition', currency: 'EUR', count: 2, amount: '60000.00', weightedAmount: '30000.00' }] },
      }),
      on('GET', '/api/v1/objectives', { status: 200, body: page([]) }),
      on('GET', '/api/v1/events', (request) =>
        request.url.searchParams.get('overdue') === 'true'
          ? { status: 200, body: page([late], { total: 7 }) }
          : { status: 200, body: page([], { total: request.url.searchParams.get('status') === 'planned' ? 3 : 1 }) },
      ),
    );
    renderScreen(<HomePage />);

    const pipeline = await screen.findByRole('region', { name: 'My pipeline' });
    expect(await within(pipeline).findByRole('link', { name: 'Proposition' })).toHaveAttribute(
      'href',
      `/opportunities/list?stage=proposition&assignedToId=${me.id}`,
    );
    expect(within(pipeline).getByText('€30,000.00')).toBeInTheDocument();
    const pipelineQuery = requests.find((request) => request.url.pathname === '/api/v1/opportunities/pipeline')!.url.searchParams;
    expect(pipelineQuery.get('assignedToId')).toBe(me.id);
    expect(pipelineQuery.get('closed')).toBe('false');

    expect(await screen.findByText('No objective for this month')).toBeInTheDocument();
    expect(requests.find((request) => request.url.pathname === '/api/v1/objectives')!.url.searchParams.get('userId')).toBe(me.id);

    const week = screen.getByRole('region', { name: 'My calls and meetings this week' });
    expect(await within(week).findByRole('link', { name: '3 calls planned this week' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/events\/calls\?startFrom=.*&status=planned$/),
    );
    expect(within(week).getByRole('link', { name: '1 meeting held this week' })).toBeInTheDocument();

    const overdue = screen.getByRole('region', { name: 'My overdue tasks' });
    expect(await within(overdue).findByTestId('overdue-count')).toHaveTextContent('7');
    expect(within(overdue).getByRole('checkbox', { name: 'Done: Send the contract' })).not.toBeChecked();
    expect(within(overdue).getByRole('link', { name: 'All overdue tasks' })).toHaveAttribute('href', '/events/tasks?overdue=true');
    // a salesperson sees their own figures: no picker
    expect(screen.queryByRole('textbox', { name: 'Show figures of' })).not.toBeInTheDocument();
  });
});
