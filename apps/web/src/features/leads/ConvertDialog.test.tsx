import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { on, page, problem, stubApi, type RecordedRequest } from '../../test/http';
import { aContact, aLead, aPartner } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ConvertDialog } from './ConvertDialog';

const acmeLead = aLead({ firstName: 'Jane', lastName: 'Doe', companyName: 'Acme' });
const acme = aPartner({ name: 'Acme Industries' });
const paul = aContact({ firstName: 'Paul', lastName: 'Martin', partnerId: acme.id });

function converted(request: RecordedRequest) {
  return { status: 200, body: { lead: { ...acmeLead, status: 'converted' }, partner: acme, contact: null, opportunity: null, request: request.body } };
}

function stubConversion() {
  return stubApi(
    on('POST', `/api/v1/leads/${acmeLead.id}/convert`, converted),
    on('GET', '/api/v1/opportunity-types', { status: 200, body: page([]) }),
    on('GET', '/api/v1/partners', { status: 200, body: page([acme]) }),
    on('GET', '/api/v1/contacts', { status: 200, body: page([paul]) }),
  );
}

function openDialog(lead = acmeLead) {
  const onConverted = vi.fn();
  renderScreen(<ConvertDialog lead={lead} opened onClose={() => {}} onConverted={onConverted} />);
  return onConverted;
}

const convertRequest = (requests: RecordedRequest[]) => requests.find((request) => request.method === 'POST')?.body;

describe('ConvertDialog', () => {
  it('converts into a new company prospect with a new contact and an opportunity', async () => {
    const { requests } = stubConversion();
    const user = userEvent.setup();
    const onConverted = openDialog();

    expect(screen.getByLabelText('Company')).toBeChecked();
    expect(screen.getByLabelText('Prospect')).toBeChecked();
    expect(screen.getByLabelText('A new contact')).toBeChecked();
    await user.click(screen.getByLabelText('Create an opportunity'));
    expect(screen.getByLabelText(/^Opportunity name/)).toHaveValue('Acme — opportunity');
    expect(screen.getByLabelText('Currency')).toHaveValue('EUR');
    await user.type(screen.getByLabelText('Amount'), '12500{Enter}');

    await waitFor(() => expect(onConverted).toHaveBeenCalled());
    expect(convertRequest(requests)).toEqual({
      partner: { mode: 'new', kind: 'company', isProspect: true, isCustomer: false },
      contact: { mode: 'new' },
      opportunity: { name: 'Acme — opportunity', amount: '12500.00', currency: 'EUR', expectedCloseDate: dayjs().add(3, 'month').format('YYYY-MM-DD') },
    });
  });

  it('converts into an existing partner and one of its contacts', async () => {
    const { requests } = stubConversion();
    const user = userEvent.setup();
    const onConverted = openDialog();

    await user.click(screen.getByLabelText('An existing partner'));
    expect(screen.getByLabelText('An existing contact')).toBeDisabled();
    await user.click(screen.getByRole('combobox', { name: /^Partner/ }));
    await user.click(await screen.findByRole('option', { name: 'Acme Industries' }));
    await user.click(screen.getByLabelText('An existing contact'));
    await user.click(screen.getByRole('combobox', { name: /^Contact/ }));
    await user.click(await screen.findByRole('option', { name: 'Paul Martin' }));
    await user.click(screen.getByRole('button', { name: 'Convert' }));

    await waitFor(() => expect(onConverted).toHaveBeenCalled());
    expect(convertRequest(requests)).toEqual({ partner: { mode: 'existing', id: acme.id }, contact: { mode: 'existing', id: paul.id } });
    // Only the chosen partner's contacts were offered.
    const contactSearch = requests.find((request) => request.url.pathname === '/api/v1/contacts');
    expect(contactSearch?.url.searchParams.get('partnerId')).toBe(acme.id);
  });

  it('converts a lead without a company into an individual customer, with no contact', async () => {
    const { requests } = stubApi(
      on('POST', `/api/v1/leads/${acmeLead.id}/convert`, converted),
      on('GET', '/api/v1/opportunity-types', { status: 200, body: page([]) }),
    );
    const user = userEvent.setup();
    const onConverted = openDialog({ ...acmeLead, companyName: null });

    expect(screen.getByLabelText('Individual')).toBeChecked();
    expect(screen.queryByLabelText('A new contact')).toBeNull();
    expect(screen.getByText(/An individual has no contacts/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Customer'));
    await user.click(screen.getByRole('button', { name: 'Convert' }));

    await waitFor(() => expect(onConverted).toHaveBeenCalled());
    expect(convertRequest(requests)).toEqual({ partner: { mode: 'new', kind: 'individual', isProspect: false, isCustomer: true }, contact: { mode: 'none' } });
  });

  it('warns of an existing partner like the new one and suggests converting into it', async () => {
    const { requests } = stubApi(
      on('GET', '/api/v1/duplicates/similar', { status: 200, body: { items: [{ score: 0.85, record: acme }] } }),
      on('GET', '/api/v1/opportunity-types', { status: 200, body: page([]) }),
    );
    const user = userEvent.setup();
    openDialog({ ...acmeLead, email: 'jane@acme.example', phone: '+33 1 23 45 67 89' });

    const warning = await screen.findByRole('status', { name: 'A partner like this exists' });
    expect(within(warning).getByRole('link', { name: 'Acme Industries' })).toHaveAttribute('href', `/partners/${acme.id}`);
    expect(warning).toHaveTextContent('85% match');
    expect(warning).toHaveTextContent('choose “An existing partner”');
    // The values the new partner would take from the lead: the company's name, not the person's.
    const asked = requests.find((request) => request.url.pathname === '/api/v1/duplicates/similar');
    expect(Object.fromEntries(asked?.url.searchParams ?? [])).toEqual({
      entity: 'partners',
      name: 'Acme',
      email: 'jane@acme.example',
      phone: '+33 1 23 45 67 89',
    });

    await user.click(screen.getByLabelText('An existing partner'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it("shows the API's reason when it refuses the conversion", async () => {
    stubApi(
      on('POST', `/api/v1/leads/${acmeLead.id}/convert`, { status: 422, body: problem(422, 'The lead is already converted.', { code: 'RULE_VIOLATION' }) }),
      on('GET', '/api/v1/opportunity-types', { status: 200, body: page([]) }),
    );
    const user = userEvent.setup();
    const onConverted = openDialog();

    await user.click(screen.getByRole('button', { name: 'Convert' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The lead is already converted.');
    expect(onConverted).not.toHaveBeenCalled();
  });
});
