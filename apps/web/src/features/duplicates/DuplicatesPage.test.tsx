import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPartner } from '../../test/fixtures';
import { on, page, stubApi } from '../../test/http';
import { currentSearch, renderScreen } from '../../test/render';
import { DuplicatesPage } from './DuplicatesPage';

const names = [
  on('GET', '/api/v1/users', { status: 200, body: page([]) }),
  on('GET', '/api/v1/teams', { status: 200, body: page([]) }),
  on('GET', '/api/v1/lead-sources', { status: 200, body: page([]) }),
];

describe('DuplicatesPage', () => {
  it('searches on the fields of the URL and shows the groups, saying when there are more', async () => {
    const first = aPartner({ name: 'Zephyr Logistics SARL', email: 'contact@zephyr.example' });
    const second = aPartner({ name: 'ZEPHYR LOGISTICS', email: null });
    const { requests } = stubApi(
      ...names,
      on('POST', '/api/v1/duplicates/search', { status: 200, body: { groups: [{ score: 0.925, records: [first, second] }], total: 3 } }),
    );
    renderScreen(<DuplicatesPage entity="partners" />, { url: '/partners/duplicates?fields=email,name,nonsense' });

    const group = await screen.findByRole('region', { name: 'Duplicates: Zephyr Logistics SARL, ZEPHYR LOGISTICS' });
    expect(within(group).getByText('93% alike')).toBeInTheDocument();
    expect(within(group).getByRole('link', { name: 'Zephyr Logistics SARL' })).toHaveAttribute('href', `/partners/${first.id}`);
    expect(within(group).getByRole('link', { name: 'Merge…' })).toHaveAttribute('href', `/partners/merge?ids=${first.id},${second.id}`);
    expect(screen.getByText('The 1 most alike of 3 groups of duplicates, best first.')).toBeInTheDocument();
    expect(requests.find((request) => request.url.pathname === '/api/v1/duplicates/search')?.body).toEqual({ entity: 'partners', fields: ['name', 'email'] });
  });

  it('says on which fields nothing was found', async () => {
    stubApi(...names, on('POST', '/api/v1/duplicates/search', { status: 200, body: { groups: [], total: 0 } }));
    renderScreen(<DuplicatesPage entity="contacts" />, { url: '/contacts/duplicates?fields=email,lastName' });
    expect(await screen.findByText('No duplicates found on last name, email.')).toBeInTheDocument();
  });

  it('puts the default fields in the URL when it has none', async () => {
    stubApi(...names, on('POST', '/api/v1/duplicates/search', { status: 200, body: { groups: [], total: 0 } }));
    const { router } = renderScreen(<DuplicatesPage entity="leads" />, { url: '/leads/duplicates' });
    expect(await screen.findByText('No duplicates found on first name, last name, company.')).toBeInTheDocument();
    expect(currentSearch(router).get('fields')).toBe('firstName,lastName,companyName');
  });
});
