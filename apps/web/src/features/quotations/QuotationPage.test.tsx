import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { QuotationPage } from './QuotationPage';

const id = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';
const draft = {
  id,
  createdAt: '2026-11-28T09:30:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  createdById: null,
  version: 3,
  number: 'Q00042',
  status: 'draft',
  opportunityId: null,
  partnerId: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d42',
  contactId: null,
  currency: 'EUR',
  assignedToId: null,
  validUntil: null,
  notes: null,
  untaxed: '0.00',
  tax: '0.00',
  total: '0.00',
  confirmedAt: null,
  lines: [],
};

describe('QuotationPage', () => {
  it('adds a line, shows its totals as typed, and saves the lines with the version', async () => {
    const { requests } = stubApi(
      on('GET', `/api/v1/quotations/${id}`, { status: 200, body: draft }),
      on('PATCH', `/api/v1/quotations/${id}`, { status: 200, body: { ...draft, version: 4 } }),
    );
    renderScreen(
      <Routes>
        <Route path="/quotations/:id" element={<QuotationPage />} />
      </Routes>,
      { url: `/quotations/${id}` },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add line' }));
    await user.type(screen.getByLabelText('Description, line 1'), 'Seats');
    await user.clear(screen.getByLabelText('Quantity, line 1'));
    await user.type(screen.getByLabelText('Quantity, line 1'), '3');
    await user.clear(screen.getByLabelText('Unit price, line 1'));
    await user.type(screen.getByLabelText('Unit price, line 1'), '19.99');
    await user.clear(screen.getByLabelText('Tax %, line 1'));
    await user.type(screen.getByLabelText('Tax %, line 1'), '20');
    expect(screen.getByText('Total: €71.96')).toBeInTheDocument();
    expect(screen.getByText('Untaxed: €59.97')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      version: 3,
      lines: [{ description: 'Seats', quantity: '3', unitPrice: '19.99', discountPercent: '0', taxRate: '20' }],
    });
  });
});
