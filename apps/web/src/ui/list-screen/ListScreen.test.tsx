import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ListRow } from '../../api/resource-types';
import { on, page, stubApi } from '../../test/http';
import { currentSearch, renderScreen } from '../../test/render';
import { ListScreen } from './ListScreen';
import type { ListColumn } from './types';

type Lead = ListRow<'/api/v1/leads'>;

function lead(overrides: Partial<Lead>): Lead {
  return {
    id: crypto.randomUUID(),
    createdAt: '2026-11-28T09:30:00.000Z',
    updatedAt: '2026-11-28T09:30:00.000Z',
    createdById: null,
    version: 1,
    title: null,
    firstName: null,
    lastName: 'Doe',
    companyName: null,
    jobTitle: null,
    email: null,
    phone: null,
    mobilePhone: null,
    website: null,
    address: {},
    sourceId: null,
    referredBy: null,
    assignedToId: null,
    teamId: null,
    doNotCall: false,
    doNotEmail: false,
    status: 'new',
    lostReasonId: null,
    lostNote: null,
    description: null,
    partnerId: null,
    contactId: null,
    convertedAt: null,
    ...overrides,
  };
}

const columns: ListColumn<Lead>[] = [
  { label: 'Name', field: 'name', sortable: true, sortField: 'lastName', render: (row) => `${row.firstName ?? ''} ${row.lastName}`.trim() },
  { label: 'Company', field: 'companyName', sortable: true },
  { label: 'Phone', field: 'phone' },
];

function renderLeads(url = '/leads') {
  return renderScreen(<ListScreen path="/api/v1/leads" columns={columns} defaultSort="-createdAt" noun="leads" />, { url });
}

describe('ListScreen', () => {
  it('shows the rows of the API page and the range', async () => {
    const { requests } = stubApi(
      on('GET', '/api/v1/leads', {
        status: 200,
        body: page(
          [lead({ firstName: 'Jane', lastName: 'Doe', companyName: 'Acme' }), lead({ firstName: 'Paul', lastName: 'Martin', phone: '+33 1 23 45 67 89' })],
          { total: 1234 },
        ),
      }),
    );
    renderLeads();

    expect(await screen.findByText('Jane Doe')).toBeInTheDocument();
    expect(screen.getByText('Acme')).toBeInTheDocument();
    expect(screen.getByText('+33 1 23 45 67 89')).toBeInTheDocument();
    expect(screen.getByText('1–2 of 1,234')).toBeInTheDocument();
    expect(requests[0].url.searchParams.get('page')).toBe('1');
    expect(requests[0].url.searchParams.get('pageSize')).toBe('50');
  });

  it('says "about" when the API only estimated the total', async () => {
    stubApi(on('GET', '/api/v1/leads', { status: 200, body: page([lead({ lastName: 'Doe' })], { total: 1_234_000, totalExact: false }) }));
    renderLeads();
    expect(await screen.findByText('1–1 of about 1,234,000')).toBeInTheDocument();
  });

  it('sorts by a column when its header is clicked, and flips on the second click', async () => {
    const { requests } = stubApi(on('GET', '/api/v1/leads', { status: 200, body: page([lead({ lastName: 'Doe' })]) }));
    const user = userEvent.setup();
    const { router } = renderLeads('/leads?page=3');
    await screen.findByText('Doe');

    await user.click(screen.getByRole('button', { name: 'Company' }));
    expect(currentSearch(router).get('sort')).toBe('companyName');
    expect(currentSearch(router).has('page')).toBe(false);
    await waitFor(() => expect(requests.at(-1)!.url.searchParams.get('sort')).toBe('companyName'));
    expect(screen.getByRole('columnheader', { name: /Company/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Company' }));
    expect(currentSearch(router).get('sort')).toBe('-companyName');

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(currentSearch(router).get('sort')).toBe('lastName');
  });

  it('does not offer to sort a column that is not sortable', async () => {
    stubApi(on('GET', '/api/v1/leads', { status: 200, body: page([lead({ lastName: 'Doe' })]) }));
    renderLeads();
    await screen.findByText('Doe');
    expect(within(screen.getByRole('columnheader', { name: 'Phone' })).queryByRole('button')).toBeNull();
  });

  it('shows an empty state that clears the filters', async () => {
    const { requests } = stubApi(
      on('GET', '/api/v1/leads', (request) => ({ status: 200, body: page(request.url.searchParams.has('q') ? [] : [lead({ lastName: 'Doe' })]) })),
    );
    const user = userEvent.setup();
    const { router } = renderLeads('/leads?q=nobody');

    expect(await screen.findByText('No leads match these filters')).toBeInTheDocument();
    expect(requests[0].url.searchParams.get('q')).toBe('nobody');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(currentSearch(router).has('q')).toBe(false);
    expect(await screen.findByText('Doe')).toBeInTheDocument();
  });

  it('puts the search in the URL after a pause in typing', async () => {
    const { requests } = stubApi(on('GET', '/api/v1/leads', { status: 200, body: page([lead({ lastName: 'Doe' })]) }));
    const user = userEvent.setup();
    const { router } = renderLeads();
    await screen.findByText('Doe');

    await user.keyboard('/');
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveFocus();
    await user.keyboard('acme');
    await waitFor(() => expect(currentSearch(router).get('q')).toBe('acme'));
    await waitFor(() => expect(requests.at(-1)!.url.searchParams.get('q')).toBe('acme'));
    // One request for the first page and one for the search: typing did not query per key.
    expect(requests).toHaveLength(2);
  });

  it('offers a retry when the list cannot be loaded', async () => {
    let fail = true;
    stubApi(
      on('GET', '/api/v1/leads', () =>
        fail
          ? { status: 500, body: { type: 'about:blank', title: 'Error', status: 500, detail: 'Database down' } }
          : { status: 200, body: page([lead({ lastName: 'Doe' })]) },
      ),
    );
    const user = userEvent.setup();
    renderLeads();

    expect(await screen.findByText('Database down')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Doe')).toBeInTheDocument();
  });

  it('passes the filters it has no input for on to the API, each as a chip that removes it', async () => {
    const { requests } = stubApi(on('GET', '/api/v1/leads', { status: 200, body: page([lead({ lastName: 'Martin' })]) }));
    const { router } = renderScreen(
      <ListScreen
        path="/api/v1/leads"
        columns={columns}
        defaultSort="-createdAt"
        noun="leads"
        moreFilters={{ createdFrom: 'Created from', ofTeamId: 'Team' }}
        moreFilterValue={(_param, value) => (value === 'T1' ? 'Sales East' : value)}
      />,
      { url: '/leads?createdFrom=2026-01-01&ofTeamId=T1&unknown=x' },
    );
    await screen.findByText('Martin');
    const query = requests[0].url.searchParams;
    expect(query.get('createdFrom')).toBe('2026-01-01');
    expect(query.get('ofTeamId')).toBe('T1');
    expect(query.has('unknown')).toBe(false);
    const chips = screen.getByRole('group', { name: 'More filters' });
    expect(within(chips).getByText('Team: Sales East')).toBeInTheDocument();
    await userEvent.click(within(chips).getByRole('button', { name: 'Remove Team' }));
    await waitFor(() => expect(currentSearch(router).has('ofTeamId')).toBe(false));
    expect(currentSearch(router).get('createdFrom')).toBe('2026-01-01');
  });
});
