import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { on, page, problem, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { ObjectivesConfigPage } from './ObjectivesConfigPage';

const stamps = { createdAt: '2026-11-28T09:30:00.000Z', updatedAt: '2026-11-28T09:30:00.000Z', createdById: null, version: 1 };
const sam = { id: crypto.randomUUID(), ...stamps, name: 'Sam Seller', email: 'sam@example.com', role: 'salesperson', teamIds: [], active: true };
const team = { id: crypto.randomUUID(), ...stamps, name: 'Direct sales', code: 'DIRECT', description: null, memberIds: [sam.id] };
const objective = {
  id: crypto.randomUUID(),
  ...stamps,
  name: 'Q1 new business',
  userId: null,
  teamId: team.id,
  frequency: 'monthly',
  from: '2027-01-01',
  to: '2027-03-31',
  currency: 'EUR',
  targets: { amountWon: '50000.00', opportunitiesCreated: 20, opportunitiesWon: null, callsMade: null, meetings: null },
};

function stubObjectives(role: string, ...extra: Parameters<typeof stubApi>) {
  return stubApi(
    ...extra,
    on('GET', '/api/v1/auth/me', { status: 200, body: { ...sam, role } }),
    on('GET', '/api/v1/users', { status: 200, body: page([sam]) }),
    on('GET', '/api/v1/teams', { status: 200, body: page([team]) }),
    on('GET', '/api/v1/objectives', { status: 200, body: page([objective]) }),
  );
}

describe('Configuration > Objectives', () => {
  it('lists the objectives: for whom, frequency, range and targets', async () => {
    stubObjectives('manager');
    renderScreen(<ObjectivesConfigPage />, { url: '/configuration/objectives' });
    const row = (await screen.findByRole('cell', { name: 'Q1 new business' })).closest('tr')!;
    await within(row).findByText('Team Direct sales');
    expect(row).toHaveTextContent('Monthly');
    expect(row).toHaveTextContent('Jan 1 – Mar 31, 2027');
    expect(row).toHaveTextContent('€50,000.00 won · 20 created');
  });

  it('shows the API refusal under the fields of the form', async () => {
    const { requests } = stubObjectives(
      'manager',
      on('POST', '/api/v1/objectives', {
        status: 400,
        body: problem(400, 'Invalid input.', {
          errors: [
            { field: 'targets.amountWon', message: 'amountWon must be a decimal string such as 50000.00' },
            { field: 'currency', message: 'currency must be an ISO 4217 code such as EUR' },
          ],
        }),
      }),
    );
    renderScreen(<ObjectivesConfigPage />, { url: '/configuration/objectives' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New objective' }));
    const dialog = await screen.findByRole('dialog', { name: 'New objective' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Spring push');
    await user.click(within(dialog).getByRole('combobox', { name: /^Salesperson/ }));
    await user.click(await screen.findByRole('option', { name: 'Sam Seller' }));
    await user.type(within(dialog).getByLabelText(/^Amount won/), '50,000');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('amountWon must be a decimal string such as 50000.00')).toBeInTheDocument();
    expect(within(dialog).getByText('currency must be an ISO 4217 code such as EUR')).toBeInTheDocument();
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.body).toMatchObject({ name: 'Spring push', userId: sam.id, teamId: null, frequency: 'monthly', targets: { amountWon: '50,000' } });
  });

  it('gives a salesperson the list without the form buttons', async () => {
    stubObjectives('salesperson');
    renderScreen(<ObjectivesConfigPage />, { url: '/configuration/objectives' });
    await screen.findByRole('cell', { name: 'Q1 new business' });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Progress of Q1 new business' })).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'New objective' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete / })).not.toBeInTheDocument();
  });
});
