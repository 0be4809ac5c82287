import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RecordOf } from '../../api/resource-types';
import { on, problem, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { RecordForm } from './RecordForm';
import type { FieldDef } from './types';

type User = RecordOf<'/api/v1/users'>;

const fields: FieldDef[] = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'email', label: 'Email', kind: 'email', required: true },
  {
    name: 'role',
    label: 'Role',
    kind: 'select',
    required: true,
    options: [
      { value: 'admin', label: 'Admin' },
      { value: 'salesperson', label: 'Salesperson' },
    ],
  },
  { name: 'active', label: 'Active', kind: 'checkbox' },
];

const jane: User = {
  id: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41',
  createdAt: '2026-11-28T09:30:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  createdById: null,
  version: 3,
  email: 'jane@example.com',
  name: 'Jane Doe',
  role: 'salesperson',
  teamIds: [],
  active: true,
};

describe('RecordForm', () => {
  it('creates with POST and hands the saved record to the caller', async () => {
    const { requests } = stubApi(on('POST', '/api/v1/users', (request) => ({ status: 201, body: { ...jane, ...(request.body as object) } })));
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderScreen(<RecordForm path="/api/v1/users" fields={fields} defaults={{ role: 'salesperson' }} onSaved={onSaved} />);

    expect(screen.getByLabelText(/^Name/)).toHaveFocus();
    await user.type(screen.getByLabelText(/^Name/), 'Paul Martin');
    await user.type(screen.getByLabelText(/^Email/), 'paul@example.com{Enter}');

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[0].body).toEqual({ name: 'Paul Martin', email: 'paul@example.com', role: 'salesperson', active: false });
  });

  it('shows a 400 field error under its field and the detail of an unplaced one on top', async () => {
    stubApi(
      on('POST', '/api/v1/users', {
        status: 400,
        body: problem(400, 'The request has invalid fields.', {
          errors: [
            { field: 'email', message: 'email must be a valid email address' },
            { field: 'password', message: 'password must be longer than or equal to 8 characters' },
          ],
        }),
      }),
    );
    const user = userEvent.setup();
    renderScreen(<RecordForm path="/api/v1/users" fields={fields} defaults={{ role: 'admin' }} onSaved={() => {}} />);

    await user.type(screen.getByLabelText(/^Name/), 'Paul');
    await user.type(screen.getByLabelText(/^Email/), 'paul@nowhere');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const email = screen.getByLabelText(/^Email/);
    expect(await screen.findByText('email must be a valid email address')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/email must be a valid email address/);
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');
    expect(screen.getByRole('alert')).toHaveTextContent('password: password must be longer than or equal to 8 characters');
  });

  it('says a required field is missing without calling the API', async () => {
    const { requests } = stubApi();
    const user = userEvent.setup();
    renderScreen(<RecordForm path="/api/v1/users" fields={fields} onSaved={() => {}} />);

    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('edits with PATCH, sending only the changes and the loaded version', async () => {
    const { requests } = stubApi(on('PATCH', `/api/v1/users/${jane.id}`, { status: 200, body: { ...jane, name: 'Jane Smith', version: 4 } }));
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderScreen(<RecordForm path="/api/v1/users" fields={fields} record={jane} onSaved={onSaved} />);

    await user.clear(screen.getByLabelText(/^Name/));
    await user.type(screen.getByLabelText(/^Name/), 'Jane Smith');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 4 })));
    expect(requests[0].body).toEqual({ name: 'Jane Smith', version: 3 });
  });

  it('explains a 409 stale version and offers to reload', async () => {
    const { requests } = stubApi(
      on('PATCH', `/api/v1/users/${jane.id}`, {
        status: 409,
        body: problem(409, 'This user was changed by someone else since you loaded it.', { code: 'STALE_VERSION' }),
      }),
    );
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderScreen(<RecordForm path="/api/v1/users" fields={fields} record={jane} onSaved={onSaved} />);

    await user.click(screen.getByLabelText('Active'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('This record was changed by someone else. Reload to see the latest version.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(requests[0].body).toEqual({ active: false, version: 3 });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a 409 for a value already taken under its field, not as a stale version', async () => {
    stubApi(
      on('POST', '/api/v1/users', {
        status: 409,
        body: problem(409, 'Another record already has this email.', { code: 'ALREADY_EXISTS', errors: [{ field: 'email', message: 'is already taken' }] }),
      }),
    );
    const user = userEvent.setup();
    renderScreen(<RecordForm path="/api/v1/users" fields={fields} defaults={{ role: 'admin' }} onSaved={() => {}} />);

    await user.type(screen.getByLabelText(/^Name/), 'Paul');
    await user.type(screen.getByLabelText(/^Email/), 'jane@example.com');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('is already taken')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });
});
