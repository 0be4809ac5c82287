import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { on, problem, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { LoginPage, safeNext } from './LoginPage';

async function signIn(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'admin@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it.each([
    [401, 'Wrong email or password'],
    [429, 'Too many attempts, try again later'],
  ])('explains a %i', async (status, message) => {
    stubApi(on('POST', '/api/v1/auth/login', { status, body: problem(status, 'Refused') }));
    renderScreen(<LoginPage />, { url: '/login' });
    await signIn('wrong');
    expect(await screen.findByText(message)).toBeInTheDocument();
  });

  it('goes to the page the user was sent away from', async () => {
    const { requests } = stubApi(
      on('POST', '/api/v1/auth/login', { status: 200, body: { accessToken: 't', expiresAt: '2026-11-28T21:30:00.000Z', user: {} } }),
    );
    const { router } = renderScreen(<LoginPage />, { url: '/login?next=%2Fleads%3Fstatus%3Dnew' });
    await signIn('admin');
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/leads?status=new'));
    expect(requests[0].body).toEqual({ email: 'admin@example.com', password: 'admin' });
  });

  it.each([
    [null, '/'],
    ['/partners?q=a', '/partners?q=a'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
  ])('sends next=%s to %s', (next, target) => {
    expect(safeNext(next)).toBe(target);
  });
});
