import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { on, stubApi, type RecordedRequest } from '../../../test/http';
import { aLead, aPartner } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { RecordForm } from '../../../ui/record-form/RecordForm';
import { leadFields, LEADS_PATH } from '../../leads/lead-fields';
import { partnerFields, PARTNERS_PATH } from '../../partners/partner-fields';
import { NewLeadNotice, NewPartnerNotice } from './create-form-notices';
import { SIMILAR_PATH } from './use-similar-records';

const globex = aPartner({
  name: 'Globex Logistics SAS',
  email: 'contact@globexlogisticssas.example',
  phone: '+33 1 23 45 67 89',
  address: { ...aPartner().address, city: 'Lyon' },
});
const globexSoftware = aPartner({ name: 'Globex Software Ltd' });
const durand = aLead({ firstName: 'Jeanne', lastName: 'Durand', companyName: 'Globex Logistics SAS' });

const similarRequests = (requests: RecordedRequest[]) => requests.filter((request) => request.url.pathname === SIMILAR_PATH);
const asked = (request: RecordedRequest) => Object.fromEntries(request.url.searchParams);

/** The API's answer: the Globex partners for a name starting "Globex" (only the one with that phone when a phone is typed), the Durand lead for her last name. */
function answerSimilar(request: RecordedRequest) {
  const { entity, name = '', lastName = '', phone = '' } = asked(request);
  if (entity === 'partners' && (name.startsWith('Globex') || phone.replace(/\D/g, '') === '0123456789'))
    return { status: 200, body: { items: [{ score: 1, record: globex }, ...(phone ? [] : [{ score: 0.7, record: globexSoftware }])] } };
  if (entity === 'leads' && lastName === 'Durand') return { status: 200, body: { items: [{ score: 0.913, record: durand }] } };
  return { status: 200, body: { items: [] } };
}

const partnerForm = (onSaved = vi.fn()) =>
  renderScreen(
    <RecordForm
      path={PARTNERS_PATH}
      fields={partnerFields({ users: [], teams: [], sources: [], creating: true })}
      defaults={{ kind: 'company', isProspect: true }}
      notice={(values) => <NewPartnerNotice values={values} />}
      onSaved={onSaved}
    />,
  );

describe('the "looks like an existing record" warning of the create forms', () => {
  it('warns while a partner is typed, links each match in a new tab, and still saves', async () => {
    const { requests } = stubApi(
      on('GET', SIMILAR_PATH, answerSimilar),
      on('POST', PARTNERS_PATH, (request) => ({ status: 201, body: { ...aPartner(), ...(request.body as object) } })),
    );
    const onSaved = vi.fn();
    const user = userEvent.setup();
    partnerForm(onSaved);

    await user.type(screen.getByLabelText(/^Name/), 'Globex Logistics');
    const warning = await screen.findByRole('status', { name: 'Partners like this exist' });
    const link = within(warning).getByRole('link', { name: 'Globex Logistics SAS' });
    expect(link).toHaveAttribute('href', `/partners/${globex.id}`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(warning).toHaveTextContent('Exact match');
    expect(warning).toHaveTextContent('contact@globexlogisticssas.example · +33 1 23 45 67 89 · Lyon');
    expect(within(warning).getByRole('link', { name: 'Globex Software Ltd' })).toHaveAttribute('href', `/partners/${globexSoftware.id}`);
    expect(warning).toHaveTextContent('70% match');

    // Asked once typing paused, not on every key, never with a name too short to match, and only on the partners' fields.
    const asks = similarRequests(requests).map(asked);
    expect(asks.length).toBeGreaterThan(0);
    expect(asks.length).toBeLessThan('Globex Logistics'.length - 2);
    expect(asks.at(-1)).toEqual({ entity: 'partners', name: 'Globex Logistics' });
    for (const ask of asks) expect(ask.name.length).toBeGreaterThanOrEqual(3);

    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({ name: 'Globex Logistics', kind: 'company' });
  });

  it('finds a partner by its phone written another way, and goes when the value is cleared', async () => {
    const { requests } = stubApi(on('GET', SIMILAR_PATH, answerSimilar));
    const user = userEvent.setup();
    partnerForm();

    await user.type(screen.getByLabelText('Phone'), '01 23 45 67 89');
    const warning = await screen.findByRole('status', { name: 'A partner like this exists' });
    expect(within(warning).getByRole('link', { name: 'Globex Logistics SAS' })).toBeInTheDocument();
    expect(asked(similarRequests(requests).at(-1)!)).toEqual({ entity: 'partners', phone: '01 23 45 67 89' });

    await user.clear(screen.getByLabelText('Phone'));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('shows nothing when nothing is alike or the lookup fails', async () => {
    const { requests } = stubApi(
      on('GET', SIMILAR_PATH, (request) => (asked(request).name === 'Initech' ? { status: 500 } : { status: 200, body: { items: [] } })),
    );
    const user = userEvent.setup();
    partnerForm();

    await user.type(screen.getByLabelText(/^Name/), 'Hooli');
    await waitFor(() => expect(similarRequests(requests).map(asked).at(-1)).toEqual({ entity: 'partners', name: 'Hooli' }));
    await user.clear(screen.getByLabelText(/^Name/));
    await user.type(screen.getByLabelText(/^Name/), 'Initech');
    await waitFor(() => expect(similarRequests(requests).map(asked).at(-1)).toEqual({ entity: 'partners', name: 'Initech' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('in a new lead, warns of leads alike and of the partner the company name points at', async () => {
    const { requests } = stubApi(on('GET', SIMILAR_PATH, answerSimilar));
    const user = userEvent.setup();
    renderScreen(
      <RecordForm
        path={LEADS_PATH}
        fields={leadFields({ users: [], sources: [], creating: true })}
        notice={(values) => <NewLeadNotice values={values} />}
        onSaved={() => {}}
      />,
    );

    await user.type(screen.getByLabelText(/^Last name/), 'Durand');
    await user.type(screen.getByLabelText('Company'), 'Globex Logistics SAS');
    await user.type(screen.getByLabelText('Phone'), '06 11 22 33 44');

    const leads = await screen.findByRole('status', { name: 'A lead like this exists' });
    expect(within(leads).getByRole('link', { name: 'Jeanne Durand' })).toHaveAttribute('href', `/leads/${durand.id}`);
    expect(leads).toHaveTextContent('91% match');
    expect(leads).toHaveTextContent('Globex Logistics SAS');
    // The phone narrows the partners to the one with that number.
    const partners = await screen.findByRole('status', { name: 'A partner like this exists' });
    expect(within(partners).getByRole('link', { name: 'Globex Logistics SAS' })).toHaveAttribute('href', `/partners/${globex.id}`);

    const lastAsk = (entity: string) =>
      similarRequests(requests)
        .map(asked)
        .filter((ask) => ask.entity === entity)
        .at(-1);
    await waitFor(() =>
      expect(lastAsk('leads')).toEqual({ entity: 'leads', lastName: 'Durand', companyName: 'Globex Logistics SAS', phone: '06 11 22 33 44' }),
    );
    // The partners are asked about the company (its name as the partner's), never about the person.
    expect(lastAsk('partners')).toEqual({ entity: 'partners', name: 'Globex Logistics SAS', phone: '06 11 22 33 44' });
  });
});
