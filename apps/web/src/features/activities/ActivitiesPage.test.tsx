import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { anEvent } from '../../test/fixtures';
import { on, page, problem, stubApi, type RecordedRequest } from '../../test/http';
import { renderScreen } from '../../test/render';
import type { CalendarEvent } from '../events/event-types';
import { ActivitiesPage } from './ActivitiesPage';

const me = { id: crypto.randomUUID(), email: 'sam@example.com', name: 'Sam Seller', role: 'salesperson', teamIds: [] };
const overdueTask = anEvent({
  type: 'task',
  priority: 'high',
  subject: 'Send the proposal',
  version: 3,
  assignedToId: me.id,
  startAt: '2020-01-06T09:00:00.000Z',
  endAt: '2020-01-06T10:00:00.000Z',
});

/** The page's own reads answered, `events` answering the lists; `extra` first. */
function listApi(events: (request: RecordedRequest) => CalendarEvent[], ...extra: Parameters<typeof stubApi>) {
  return stubApi(
    ...extra,
    on('GET', '/api/v1/auth/me', { status: 200, body: me }),
    on('GET', '/api/v1/users', { status: 200, body: page([{ id: me.id, name: me.name }]) }),
    on('GET', '/api/v1/teams', { status: 200, body: page([]) }),
    on('GET', '/api/v1/settings/crm', { status: 200, body: { timeZone: 'UTC' } }),
    on('GET', '/api/v1/events', (request) => ({ status: 200, body: page(events(request)) })),
  );
}

const eventReads = (requests: RecordedRequest[]) => requests.filter((request) => request.method === 'GET' && request.url.pathname === '/api/v1/events');

describe('ActivitiesPage, the overdue tasks', () => {
  it('asks for my overdue tasks, flags them with the word, and a tick marks one done: it leaves the list', async () => {
    let done = false;
    const { requests } = listApi(
      () => (done ? [] : [overdueTask]),
      on('PATCH', `/api/v1/events/${overdueTask.id}`, (request) => {
        done = true;
        return { status: 200, body: { ...overdueTask, ...(request.body as object), version: 4 } };
      }),
    );
    renderScreen(<ActivitiesPage kind="tasks" />, { url: '/events/tasks?overdue=true' });

    const row = (await screen.findByText('Send the proposal')).closest('tr')!;
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(within(row).getByText('High')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Send the proposal' })).toHaveAttribute('href', expect.stringContaining(`event=${overdueTask.id}`));
    const query = eventReads(requests)[0].url.searchParams;
    expect(query.getAll('type')).toEqual(['task']);
    expect(query.get('overdue')).toBe('true');
    expect(query.getAll('assignedToId')).toEqual([me.id]);
    expect(query.get('sort')).toBe('endAt');
    expect(screen.getByRole('link', { name: 'Overdue' })).toHaveAttribute('aria-current', 'page');

    const user = userEvent.setup();
    await user.click(within(row).getByRole('checkbox', { name: 'Done: Send the proposal' }));

    expect(await screen.findByText('“Send the proposal” done')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ status: 'realized', version: 3 });
    expect(await screen.findByText('No overdue tasks')).toBeInTheDocument();
  });

  it('puts the box back and says why when the task was changed meanwhile (409)', async () => {
    listApi(
      () => [overdueTask],
      on('PATCH', `/api/v1/events/${overdueTask.id}`, { status: 409, body: problem(409, 'The event was changed by someone else.', { code: 'STALE_VERSION' }) }),
    );
    renderScreen(<ActivitiesPage kind="tasks" />, { url: '/events/tasks?overdue=true' });

    const box = await screen.findByRole('checkbox', { name: 'Done: Send the proposal' });
    const user = userEvent.setup();
    await user.click(box);

    expect(await screen.findByText(/was changed by someone else meanwhile/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Done: Send the proposal' })).not.toBeChecked());
  });
});

describe('ActivitiesPage, the calls', () => {
  it("marks a call held in one click, reached with the keyboard, and lists everyone's on request", async () => {
    const call = anEvent({ type: 'call', callDirection: 'inbound', subject: 'Call about the quote', version: 2, assignedToId: me.id });
    let held = false;
    const { requests } = listApi(
      () => [{ ...call, status: held ? 'realized' : 'planned' }],
      on('PATCH', `/api/v1/events/${call.id}`, (request) => {
        held = true;
        return { status: 200, body: { ...call, ...(request.body as object), version: 3 } };
      }),
    );
    renderScreen(<ActivitiesPage kind="calls" />, { url: '/events/calls?assignedToId=all' });

    const button = await screen.findByRole('button', { name: 'Mark held: Call about the quote' });
    const row = screen.getByText('Call about the quote').closest('tr')!;
    expect(within(row).getByText('Inbound')).toBeInTheDocument();
    expect(eventReads(requests)[0].url.searchParams.has('assignedToId')).toBe(false);
    button.focus();
    const user = userEvent.setup();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('“Call about the quote” marked held')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ status: 'realized', version: 2 });
    await waitFor(() => expect(within(row).getAllByText('Held').length).toBeGreaterThan(0));
  });
});
