import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { on, page, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { RecordTimeline } from './RecordTimeline';

const leadId = crypto.randomUUID();
const userId = crypto.randomUUID();
const stamps = { createdAt: '2026-11-28T09:30:00.000Z', updatedAt: '2026-11-28T09:30:00.000Z', createdById: null, version: 1 };

function entry(kind: string, summary: string, occurredAt: string) {
  return { id: crypto.randomUUID(), subjectType: 'lead', subjectId: leadId, kind, summary, data: {}, actorId: userId, occurredAt };
}

describe('RecordTimeline', () => {
  it('shows who did what, newest first, and loads older entries on demand', async () => {
    const { requests } = stubApi(
      on('GET', '/api/v1/users', {
        status: 200,
        body: page([{ id: userId, ...stamps, email: 'sam@example.com', name: 'Sam Seller', role: 'salesperson', teamIds: [], active: true }]),
      }),
      on('GET', `/api/v1/leads/${leadId}/timeline`, (request) =>
        request.url.searchParams.get('page') === '2'
          ? { status: 200, body: page([entry('created', 'Lead created', '2026-11-01T08:00:00.000Z')], { page: 2, pageSize: 20, total: 21 }) }
          : {
              status: 200,
              body: page([entry('status_changed', 'Status changed from new to assigned', '2026-11-20T08:00:00.000Z')], { pageSize: 20, total: 21 }),
            },
      ),
    );
    const user = userEvent.setup();
    renderScreen(<RecordTimeline path="/api/v1/leads" id={leadId} />);

    expect(await screen.findByText('Status changed from new to assigned')).toBeInTheDocument();
    expect(await screen.findByText(/Sam Seller/)).toBeInTheDocument();
    expect(screen.getByText((_, element) => element?.tagName === 'TIME' && element.getAttribute('dateTime') === '2026-11-20T08:00:00.000Z')).toHaveAttribute(
      'title',
    );
    expect(screen.queryByText('Lead created')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Lead created')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.filter((request) => request.url.pathname.endsWith('/timeline')).map((request) => request.url.searchParams.get('page'))).toEqual(['1', '2']);
  });
});
