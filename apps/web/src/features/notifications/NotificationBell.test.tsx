import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { on, page, stubApi } from '../../test/http';
import { currentSearch, renderScreen } from '../../test/render';
import type { AppNotification } from './notification-api';
import { NotificationBell } from './NotificationBell';
import { notificationLink } from './notification-link';

const seriesId = crypto.randomUUID();
const occurrenceStartAt = '2026-12-09T10:00:00.000Z';

function aReminder(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: crypto.randomUUID(),
    userId: crypto.randomUUID(),
    kind: 'event_reminder',
    title: 'Meeting in 15 minutes: Weekly sync',
    body: 'Starts Wed 9 Dec 2026, 10:00 (UTC)',
    recordType: 'event',
    recordId: seriesId,
    occurrenceStartAt,
    late: false,
    createdAt: '2026-12-09T09:45:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** The bell with these notifications; records the requests, answers "read" with the notification read. */
function renderBell(notifications: AppNotification[]) {
  const { requests } = stubApi(
    on('GET', '/api/v1/notifications/unread-count', { status: 200, body: { unread: notifications.filter((n) => n.readAt === null).length } }),
    on('GET', '/api/v1/notifications', { status: 200, body: page(notifications) }),
    (request) => {
      const read = notifications.find((n) => request.method === 'POST' && request.url.pathname === `/api/v1/notifications/${n.id}/read`);
      return read ? { status: 200, body: { ...read, readAt: '2026-12-09T09:50:00.000Z' } } : undefined;
    },
  );
  const screenRendered = renderScreen(<NotificationBell />, { url: '/leads' });
  return { requests, ...screenRendered };
}

const readRequests = (requests: { method: string; url: URL }[]) =>
  requests.filter((request) => request.method === 'POST').map((request) => request.url.pathname);

describe('NotificationBell', () => {
  it('opens the occurrence a reminder is about on the calendar, marks it read and closes, on a click', async () => {
    const reminder = aReminder();
    const { requests, router } = renderBell([reminder]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications: 1 unread' }));
    await user.click(await screen.findByRole('link', { name: `Unread: ${reminder.title}` }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/events'));
    expect(Object.fromEntries(currentSearch(router))).toMatchObject({ event: seriesId, occurrence: occurrenceStartAt });
    await waitFor(() => expect(readRequests(requests)).toEqual([`/api/v1/notifications/${reminder.id}/read`]));
    await waitFor(() => expect(screen.queryByRole('link', { name: `Unread: ${reminder.title}` })).not.toBeInTheDocument());
  });

  it('is reached and followed from the keyboard, and does not mark a read one again', async () => {
    const reminder = aReminder({ readAt: '2026-12-09T09:46:00.000Z' });
    const { requests, router } = renderBell([reminder]);
    const user = userEvent.setup();
    (await screen.findByRole('button', { name: 'Notifications' })).focus();
    await user.keyboard('{Enter}');
    const item = await screen.findByRole('link', { name: reminder.title });
    // the dropdown keeps the focus in itself ("Mark all read" is disabled: nothing unread): Tab lands on the item
    await user.tab();
    expect(item).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/events'));
    expect(currentSearch(router).get('event')).toBe(seriesId);
    expect(readRequests(requests)).toEqual([]);
  });

  it('only marks read a notification about nothing to open, staying where it is', async () => {
    const note = aReminder({ recordType: null, recordId: null, occurrenceStartAt: null, title: 'Welcome' });
    const { requests, router } = renderBell([note]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications: 1 unread' }));
    expect(screen.queryByRole('link', { name: /Welcome/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Mark read: Welcome' }));

    await waitFor(() => expect(readRequests(requests)).toEqual([`/api/v1/notifications/${note.id}/read`]));
    expect(router.state.location.pathname).toBe('/leads');
  });
});

/** The server's stream, played by the test: `deliver` sends a notification as the API does. */
class StreamStub extends EventTarget {
  static opened: StreamStub[] = [];
  constructor(readonly url: string) {
    super();
    StreamStub.opened.push(this);
  }
  close(): void {}
  deliver(notification: AppNotification): void {
    act(() => void this.dispatchEvent(new MessageEvent('notification', { data: JSON.stringify(notification) })));
  }
}

/** The bell listening to the stub stream, and the stream once it is open. */
async function renderLiveBell(notification: AppNotification) {
  StreamStub.opened = [];
  vi.stubGlobal('EventSource', StreamStub);
  const rendered = renderBell([notification]);
  await waitFor(() => expect(StreamStub.opened).toHaveLength(1));
  return { ...rendered, stream: StreamStub.opened[0] };
}

describe('the toast of a live notification', () => {
  it('opens the occurrence a reminder is about within the app on a click, marks it read and goes', async () => {
    const reminder = aReminder();
    const { requests, router, stream } = await renderLiveBell(reminder);
    stream.deliver(reminder);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: `Open: ${reminder.title}` }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/events'));
    expect(Object.fromEntries(currentSearch(router))).toMatchObject({ event: seriesId, occurrence: occurrenceStartAt });
    await waitFor(() => expect(readRequests(requests)).toEqual([`/api/v1/notifications/${reminder.id}/read`]));
    await waitFor(() => expect(screen.queryByText(reminder.title)).not.toBeInTheDocument());
    expect(StreamStub.opened).toHaveLength(1);
  });

  it('is followed from the keyboard', async () => {
    const reminder = aReminder();
    const { router, stream } = await renderLiveBell(reminder);
    stream.deliver(reminder);
    (await screen.findByRole('link', { name: `Open: ${reminder.title}` })).focus();
    await userEvent.setup().keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/events'));
    expect(currentSearch(router).get('event')).toBe(seriesId);
  });

  it('only tells a notification about nothing to open, with no link', async () => {
    const note = aReminder({ recordType: null, recordId: null, occurrenceStartAt: null, title: 'Welcome', body: 'Your account is ready' });
    const { requests, stream } = await renderLiveBell(note);
    stream.deliver(note);

    expect(await screen.findByText('Your account is ready')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Open/ })).not.toBeInTheDocument();
    expect(readRequests(requests)).toEqual([]);
  });
});

describe('where a notification leads', () => {
  it('leads a reminder to the calendar at its occurrence’s day, with that occurrence open', () => {
    const url = new URL(notificationLink(aReminder())!, 'http://crm.test');
    expect(url.pathname).toBe('/events');
    expect(url.searchParams.get('event')).toBe(seriesId);
    expect(url.searchParams.get('occurrence')).toBe(occurrenceStartAt);
    expect(url.searchParams.get('date')).toMatch(/^2026-12-(08|09|10)$/);
  });

  it('leads a reminder made before they named their occurrence to its event, and the rest nowhere', () => {
    expect(notificationLink(aReminder({ occurrenceStartAt: null }))).toBe(`/events?event=${seriesId}`);
    expect(notificationLink(aReminder({ recordType: null, recordId: null }))).toBeNull();
    expect(notificationLink(aReminder({ recordType: 'lead' }))).toBeNull();
  });
});
