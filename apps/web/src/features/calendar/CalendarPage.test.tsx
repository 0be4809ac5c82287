import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { on, page, problem, stubApi } from '../../test/http';
import { anEvent } from '../../test/fixtures';
import { currentSearch, renderScreen } from '../../test/render';
import type { CalendarItem } from '../events/event-types';
import { CalendarPage } from './CalendarPage';

const me = { id: crypto.randomUUID(), email: 'jane@example.com', name: 'Jane', role: 'salesperson' };
const demo = anEvent({ version: 2, subject: 'Demo at Acme', assignedToId: me.id });

/** The calendar's own reads (who I am, people, calendars, the range) answered; `extra` first. */
function calendarApi(...extra: Parameters<typeof stubApi>) {
  return stubApi(
    ...extra,
    on('GET', '/api/v1/auth/me', { status: 200, body: me }),
    on('GET', '/api/v1/users', { status: 200, body: page([]) }),
    on('GET', '/api/v1/teams', { status: 200, body: page([]) }),
    on('GET', '/api/v1/calendars', { status: 200, body: page([]) }),
    on('GET', '/api/v1/event-categories', { status: 200, body: page([]) }),
    on('GET', '/api/v1/events', { status: 200, body: page([]) }),
  );
}

describe('CalendarPage opened from a link', () => {
  it('opens the event the URL names, at its day, and forgets it in the URL once the form is closed', async () => {
    calendarApi(on('GET', `/api/v1/events/${demo.id}`, { status: 200, body: demo }));
    const { router } = renderScreen(<CalendarPage />, { url: `/events?date=2026-12-02&event=${demo.id}&occurrence=${demo.startAt}` });

    const dialog = await screen.findByRole('dialog', { name: 'Edit Demo at Acme' });
    expect(await within(dialog).findByLabelText(/^Subject/)).toHaveValue('Demo at Acme');
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch(router).has('event')).toBe(false);
    expect(currentSearch(router).has('occurrence')).toBe(false);
    expect(currentSearch(router).get('date')).toBe('2026-12-02');
  });

  it('says so instead when the event is gone, and the message goes with the link', async () => {
    calendarApi(on('GET', `/api/v1/events/${demo.id}`, { status: 404, body: problem(404, 'No event with this id.') }));
    const { router } = renderScreen(<CalendarPage />, { url: `/events?date=2026-12-02&event=${demo.id}` });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This event cannot be opened');
    expect(alert).toHaveTextContent('No event with this id.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(currentSearch(router).has('event')).toBe(false));
    expect(screen.queryByText('This event cannot be opened')).not.toBeInTheDocument();
  });
});

describe('CalendarPage opened by a click', () => {
  const series = anEvent({ version: 4, subject: 'Weekly sync', assignedToId: me.id, recurrence: { frequency: 'weekly', interval: 1 }, seriesEndAt: null });
  const secondStart = '2026-12-09T10:00:00.000Z';
  // the occurrence as the calendar's range answers it (view=compact)
  const second: CalendarItem = {
    id: series.id,
    occurrenceId: `${series.id}:${secondStart}`,
    seriesId: series.id,
    originalStartAt: secondStart,
    type: 'meeting',
    status: 'planned',
    callDirection: null,
    priority: null,
    subject: 'Weekly sync',
    startAt: secondStart,
    endAt: '2026-12-09T11:00:00.000Z',
    allDay: false,
    assignedToId: me.id,
    teamId: null,
    version: 4,
  };
  const range = (request: { method: string; url: URL }) =>
    request.method === 'GET' && request.url.pathname === '/api/v1/events' && request.url.searchParams.get('view') === 'compact'
      ? { status: 200, body: page([second]) }
      : undefined;

  it('names the clicked occurrence in the URL, opens it as clicked (no second read), and Back or Cancel closes it', async () => {
    const { requests } = calendarApi(range, on('GET', `/api/v1/events/${series.id}`, { status: 200, body: series }));
    const { router } = renderScreen(<CalendarPage />, { url: '/events?view=list&date=2026-12-09' });
    const user = userEvent.setup();

    await user.click(await screen.findByText('Weekly sync'));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Weekly sync' });
    expect(Object.fromEntries(currentSearch(router))).toEqual({ view: 'list', date: '2026-12-09', event: series.id, occurrence: secondStart });
    expect(await within(dialog).findByLabelText(/^Subject/)).toHaveValue('Weekly sync');
    // the form reads the series (for every field and the version); the link's loader (the series, then its range) does not run
    const reads = requests.filter((request) => request.url.pathname.startsWith('/api/v1/events') && request.url.searchParams.get('view') !== 'compact');
    expect(reads.map((request) => request.url.pathname)).toEqual([`/api/v1/events/${series.id}`]);

    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch(router).has('event')).toBe(false);

    await user.click(screen.getByText('Weekly sync'));
    await user.click(within(await screen.findByRole('dialog', { name: 'Edit Weekly sync' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // back to the entry the click came from: no entry of the closed form is left for Back to land on
    expect(router.state.historyAction).toBe('POP');
    expect(Object.fromEntries(currentSearch(router))).toEqual({ view: 'list', date: '2026-12-09' });
  });
});
