import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aLead } from '../../test/fixtures';
import { on, page, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { LoseDialog } from './LoseDialog';

const lead = aLead({ status: 'in_progress' });
const stamps = { createdAt: '2026-11-28T09:30:00.000Z', updatedAt: '2026-11-28T09:30:00.000Z', createdById: null, version: 1 };
const price = { id: crypto.randomUUID(), ...stamps, name: 'Price too high', freeText: false };
const other = { id: crypto.randomUUID(), ...stamps, name: 'Other', freeText: true };

function stubLose() {
  return stubApi(
    on('GET', '/api/v1/lost-reasons', { status: 200, body: page([other, price]) }),
    on('POST', `/api/v1/leads/${lead.id}/lose`, { status: 200, body: { ...lead, status: 'lost' } }),
  );
}

async function chooseReason(name: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('combobox', { name: /^Lost reason/ }));
  await user.click(await screen.findByRole('option', { name }));
  return user;
}

describe('LoseDialog', () => {
  it('asks for a note when the reason wants an explanation, and sends it', async () => {
    const { requests } = stubLose();
    const onClose = vi.fn();
    renderScreen(<LoseDialog lead={lead} opened onClose={onClose} />);

    const user = await chooseReason('Other');
    const note = screen.getByLabelText(/^Note/);
    await user.click(screen.getByRole('button', { name: 'Mark as lost' }));
    expect(await screen.findByText('This reason needs an explanation')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.type(note, 'Went with a local supplier');
    await user.click(screen.getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ lostReasonId: other.id, note: 'Went with a local supplier' });
  });

  it('needs no note for a reason without free text', async () => {
    const { requests } = stubLose();
    const onClose = vi.fn();
    renderScreen(<LoseDialog lead={lead} opened onClose={onClose} />);

    const user = await chooseReason('Price too high');
    expect(screen.queryByLabelText(/^Note/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ lostReasonId: price.id });
  });

  it('requires a reason', async () => {
    const { requests } = stubLose();
    const user = userEvent.setup();
    renderScreen(<LoseDialog lead={lead} opened onClose={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Mark as lost' }));
    expect(await screen.findByText('Choose why the lead was lost')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });
});
