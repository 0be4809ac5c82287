import { QueryClientProvider, type InfiniteData } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/providers';
import { problem } from '../../test/http';
import type { ColumnPage } from './board-order';
import { opportunityKeys, useColumn, useMoveOpportunity, usePipeline, type OpportunityCard } from './opportunity-actions';

const card = (id: string, stage: OpportunityCard['stage']) => ({ id, stage, name: id, version: 1, probability: 10, partnerName: 'Acme SA' }) as OpportunityCard;
const page = (...cards: OpportunityCard[]): ColumnPage<OpportunityCard> => ({ items: cards, total: cards.length, page: 1, pageSize: 50, totalExact: true });
const column = (...cards: OpportunityCard[]): InfiniteData<ColumnPage<OpportunityCard>> => ({ pages: [page(...cards)], pageParams: [1] });
const ids = (data: InfiniteData<ColumnPage<OpportunityCard>> | undefined) => data?.pages.flatMap((p) => p.items.map((item) => item.id));

/**
 * The New and Closed won columns and the totals on screen (cached, fresh), and
 * the move hook; the API answers the move with `reply` once `release` is
 * called, and the board and totals with what they were.
 */
function setup(reply: { status: number; body?: unknown }) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  queryClient.setQueryData(opportunityKeys.column('closed_won'), column(card('w', 'closed_won')));
  queryClient.setQueryData(opportunityKeys.column('new'), column(card('a', 'new')));
  queryClient.setQueryData(opportunityKeys.pipeline({ groupBy: 'stage' }), { groups: [] });
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetched: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    fetched.push(`${request.method} ${url.pathname}${url.pathname.endsWith('/board') ? `?stage=${url.searchParams.get('stage')}` : ''}`);
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
    if (url.pathname.endsWith('/board')) return json(url.searchParams.get('stage') === 'new' ? page(card('a', 'new')) : page(card('w', 'closed_won')));
    if (url.pathname.endsWith('/pipeline')) return json({ groups: [] });
    // The move's answer waits for `release`, so the optimistic state can be seen first.
    await gate;
    return json(reply.body, reply.status);
  });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(
    () => {
      useColumn('new');
      useColumn('closed_won');
      usePipeline({ groupBy: 'stage' });
      return useMoveOpportunity();
    },
    { wrapper },
  );
  return { queryClient, hook, release, fetched };
}

describe('useMoveOpportunity', () => {
  it('moves the card at once, puts it back when the API refuses, and reads the two columns again', async () => {
    const { queryClient, hook, release, fetched } = setup({ status: 422, body: problem(422, 'A closed opportunity cannot change stage; reopen it first.') });
    let outcome: unknown;
    act(() => {
      hook.result.current.mutateAsync({ move: { id: 'w', from: 'closed_won', to: 'new', index: 0 } }).catch((error: unknown) => (outcome = error));
    });
    await waitFor(() => expect(ids(queryClient.getQueryData(opportunityKeys.column('new')))).toEqual(['w', 'a']));
    expect(ids(queryClient.getQueryData(opportunityKeys.column('closed_won')))).toEqual([]);

    release();
    await waitFor(() => expect(outcome).toBeInstanceOf(Error));
    expect((outcome as Error).message).toBe('A closed opportunity cannot change stage; reopen it first.');
    expect(ids(queryClient.getQueryData(opportunityKeys.column('new')))).toEqual(['a']);
    expect(ids(queryClient.getQueryData(opportunityKeys.column('closed_won')))).toEqual(['w']);
    await waitFor(() =>
      expect(fetched).toEqual(expect.arrayContaining(['GET /api/v1/opportunities/board?stage=new', 'GET /api/v1/opportunities/board?stage=closed_won'])),
    );
    expect(ids(queryClient.getQueryData(opportunityKeys.column('new')))).toEqual(['a']);
  });

  it('keeps the moved card with the answer of the API, refreshes the totals, and does not read the columns again', async () => {
    const answer = {
      id: 'a',
      version: 2,
      name: 'a',
      stage: 'closed_won',
      rank: 'a1',
      partnerId: null,
      amount: '10.00',
      currency: 'EUR',
      probability: 100,
      expectedCloseDate: null,
      assignedToId: null,
    };
    const { queryClient, hook, release, fetched } = setup({ status: 200, body: answer });
    act(() => {
      void hook.result.current.mutateAsync({ move: { id: 'a', from: 'new', to: 'closed_won', index: 1 } });
    });
    release();
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));

    const won = queryClient.getQueryData<InfiniteData<ColumnPage<OpportunityCard>>>(opportunityKeys.column('closed_won'));
    expect(ids(won)).toEqual(['w', 'a']);
    expect(won?.pages[0]?.items[1]).toMatchObject({ version: 2, stage: 'closed_won', probability: 100, partnerName: 'Acme SA' });
    expect(ids(queryClient.getQueryData(opportunityKeys.column('new')))).toEqual([]);
    // A column scrolled far is dozens of pages: it is only marked stale; the totals are read again.
    await waitFor(() => expect(fetched).toContain('GET /api/v1/opportunities/pipeline'));
    expect(fetched.filter((call) => call.includes('/board'))).toEqual([]);
    expect(queryClient.getQueryState(opportunityKeys.column('closed_won'))?.isInvalidated).toBe(true);
  });
});
