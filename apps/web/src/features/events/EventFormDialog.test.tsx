import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { on, page, problem, stubApi } from '../../test/http';
import { anEvent } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { newEventValues } from './event-form-values';
import type { CalendarItem } from './event-types';
import { EventFormDialog, userTimeZone } from './EventFormDialog';

const meeting = anEvent({ version: 2 });

const lookups = [on('GET', '/api/v1/users', { status: 200, body: page([]) }), on('GET', '/api/v1/event-categories', { status: 200, body: page([]) })];

describe('EventFormDialog', () => {
  it("shows the API's 400 under the field it is about", async () => {
    const { requests } = stubApi(
      ...lookups,
      on('POST', '/api/v1/events', {
        status: 400,
        body: problem(400, 'Invalid input.', { errors: [{ field: 'endAt', message: 'endAt must be after startAt' }] }),
      }),
    );
    const values = { ...newEventValues({ start: new Date('2026-12-02T10:00:00Z'), link: { leadId: 'lead-1' } }), subject: 'Kick-off' };
    renderScreen(<EventFormDialog target={{ kind: 'new', values }} onClose={vi.fn()} />);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('endAt must be after startAt')).toBeInTheDocument();
    expect(screen.getByLabelText(/^End/)).toHaveAttribute('aria-invalid', 'true');
    const sent = requests.find((request) => request.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ type: 'meeting', subject: 'Kick-off', leadId: 'lead-1' });
  });

  it('says "changed by someone else" on a 409 and sends only what changed with the version', async () => {
    const { requests } = stubApi(
      ...lookups,
      on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: meeting }),
      on('PATCH', `/api/v1/events/${meeting.id}`, { status: 409, body: problem(409, 'The event was changed by someone else.') }),
    );
    renderScreen(<EventFormDialog target={{ kind: 'edit', item: meeting }} onClose={vi.fn()} />);

    const user = userEvent.setup();
    const subject = await screen.findByLabelText(/^Subject/);
    await user.clear(subject);
    await user.type(subject, 'Demo v2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/changed by someone else/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    await waitFor(() => expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ subject: 'Demo v2', version: 2 }));
  });

  it('loads the series a compact calendar item stands for, asks "this occurrence or the whole series?" and saves one occurrence by its original start', async () => {
    const series = { ...meeting, description: 'Weekly demo of the release', recurrence: { frequency: 'weekly' as const, interval: 1 } };
    // what the calendar screen holds (view=compact): no description, no recurrence
    const occurrence: CalendarItem = {
      id: meeting.id,
      occurrenceId: `${meeting.id}:2026-12-09T10:00:00.000Z`,
      seriesId: meeting.id,
      originalStartAt: '2026-12-09T10:00:00.000Z',
      type: 'meeting',
      status: 'planned',
      callDirection: null,
      priority: null,
      subject: 'Demo',
      startAt: '2026-12-09T10:00:00.000Z',
      endAt: '2026-12-09T11:00:00.000Z',
      allDay: false,
      assignedToId: meeting.assignedToId,
      teamId: null,
      version: 2,
    };
    const { requests } = stubApi(...lookups, on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: series }), (request) =>
      request.method === 'PATCH' && request.url.pathname.startsWith(`/api/v1/events/${meeting.id}/occurrences/`) ? { status: 200, body: series } : undefined,
    );
    const onClose = vi.fn();
    renderScreen(<EventFormDialog target={{ kind: 'edit', item: occurrence }} onClose={onClose} />);

    const user = userEvent.setup();
    expect(await screen.findByDisplayValue('Weekly demo of the release')).toBeInTheDocument();
    await user.type(await screen.findByLabelText(/^Location/), 'Lyon');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'This occurrence' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const patch = requests.find((request) => request.method === 'PATCH')!;
    expect(decodeURIComponent(patch.url.pathname)).toBe(`/api/v1/events/${meeting.id}/occurrences/2026-12-09T10:00:00.000Z`);
    expect(patch.body).toEqual({ location: 'Lyon', version: 2 });
  });

  describe('this and the following occurrences', () => {
    const seriesRow = { ...meeting, version: 5, recurrence: { frequency: 'weekly' as const, interval: 1 } };
    const occurrence = {
      ...seriesRow,
      seriesId: meeting.id,
      startAt: '2026-12-09T10:00:00.000Z',
      endAt: '2026-12-09T11:00:00.000Z',
      occurrenceId: `${meeting.id}:2026-12-09T10:00:00.000Z`,
    };
    const followingPath = `/api/v1/events/${meeting.id}/occurrences/2026-12-09T10:00:00.000Z/following`;
    const toFollowing = (method: string, reply: { status: number; body?: unknown }) => (request: { method: string; url: URL }) =>
      request.method === method && decodeURIComponent(request.url.pathname) === followingPath ? reply : undefined;

    it('offers it by keyboard and saves the change from this occurrence on with the series version', async () => {
      const { requests } = stubApi(
        ...lookups,
        on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: seriesRow }),
        toFollowing('PATCH', { status: 200, body: seriesRow }),
      );
      const onClose = vi.fn();
      renderScreen(<EventFormDialog target={{ kind: 'edit', item: occurrence }} onClose={onClose} />);

      const user = userEvent.setup();
      await user.type(await screen.findByLabelText(/^Location/), 'Lyon');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      // the question opens on "This occurrence"; "This and following" is one step back
      await waitFor(() => expect(screen.getByRole('button', { name: 'This occurrence' })).toHaveFocus());
      expect(screen.getByRole('button', { name: 'Whole series' })).toBeInTheDocument();
      await user.keyboard('{Shift>}{Tab}{/Shift}');
      expect(screen.getByRole('button', { name: 'This and following' })).toHaveFocus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      const patch = requests.find((request) => request.method === 'PATCH')!;
      expect(decodeURIComponent(patch.url.pathname)).toBe(followingPath);
      expect(patch.body).toEqual({ location: 'Lyon', version: 5 });
    });

    it('deletes this occurrence and the following ones', async () => {
      const { requests } = stubApi(
        ...lookups,
        on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: seriesRow }),
        toFollowing('DELETE', { status: 204 }),
      );
      const onClose = vi.fn();
      renderScreen(<EventFormDialog target={{ kind: 'edit', item: occurrence }} onClose={onClose} />);

      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: 'Delete' }));
      await user.click(await screen.findByRole('button', { name: 'This and following' }));
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(requests.filter((request) => request.method === 'DELETE').map((request) => decodeURIComponent(request.url.pathname))).toEqual([followingPath]);
    });

    it('shows the series\' repetition on an occurrence and, changed, asks only "this and following" or "whole series", then repeats anew from this occurrence on', async () => {
      const { requests } = stubApi(
        ...lookups,
        on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: seriesRow }),
        toFollowing('PATCH', { status: 200, body: seriesRow }),
      );
      const onClose = vi.fn();
      renderScreen(<EventFormDialog target={{ kind: 'edit', item: occurrence }} onClose={onClose} />);

      const user = userEvent.setup();
      expect(await screen.findByRole('checkbox', { name: 'Repeats' })).toBeChecked();
      const every = screen.getByLabelText('Every (weeks)');
      expect(every).toHaveValue('1');
      await user.clear(every);
      await user.type(every, '2');
      await user.click(screen.getByRole('button', { name: 'Save' }));

      const question = await screen.findByRole('dialog', { name: 'Change how a recurring event repeats' });
      // one occurrence cannot repeat on its own: no "This occurrence"
      expect(within(question).queryByRole('button', { name: 'This occurrence' })).not.toBeInTheDocument();
      expect(within(question).getByRole('button', { name: 'Whole series' })).toBeInTheDocument();
      await waitFor(() => expect(within(question).getByRole('button', { name: 'This and following' })).toHaveFocus());
      await user.keyboard('{Enter}');
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      const patch = requests.find((request) => request.method === 'PATCH')!;
      expect(decodeURIComponent(patch.url.pathname)).toBe(followingPath);
      expect(patch.body).toEqual({ recurrence: { frequency: 'weekly', interval: 2, byWeekday: ['WE'] }, timeZone: userTimeZone(), version: 5 });
    });

    it("shows the series' repetition on an occurrence edited on its own (a row that does not repeat)", async () => {
      const edited = { ...occurrence, id: crypto.randomUUID(), version: 1, recurrence: null, originalStartAt: occurrence.startAt };
      stubApi(
        ...lookups,
        on('GET', `/api/v1/events/${edited.id}`, { status: 200, body: edited }),
        on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: seriesRow }),
      );
      renderScreen(<EventFormDialog target={{ kind: 'edit', item: edited }} onClose={vi.fn()} />);

      expect(await screen.findByRole('checkbox', { name: 'Repeats' })).toBeChecked();
      expect(screen.getByLabelText('Every (weeks)')).toHaveValue('1');
    });

    it('shows a refusal of the API (409) and stays open', async () => {
      stubApi(
        ...lookups,
        on('GET', `/api/v1/events/${meeting.id}`, { status: 200, body: seriesRow }),
        toFollowing('PATCH', { status: 409, body: problem(409, 'The event was changed by someone else.') }),
      );
      const onClose = vi.fn();
      renderScreen(<EventFormDialog target={{ kind: 'edit', item: occurrence }} onClose={onClose} />);

      const user = userEvent.setup();
      await user.type(await screen.findByLabelText(/^Location/), 'Lyon');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await user.click(await screen.findByRole('button', { name: 'This and following' }));
      expect(await screen.findByText(/changed by someone else/)).toBeInTheDocument();
      expect(onClose).not.toHaveBeenCalled();
    });
  });
});
