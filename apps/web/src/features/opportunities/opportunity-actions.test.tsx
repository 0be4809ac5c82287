import { QueryClientProvider, type InfiniteData } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/providers';
import { problem } from '../../test/http';
import type { ColumnPage } from './board-order';
import { opportunityKeys, useMoveOpportunity, type Opportunity } from './opportunity-actions';

const card = (id: string, stage: Opportunity['stage']) => ({ id, stage, name: id }) as Opportunity;
const column = (...cards: Opportunity[]): InfiniteData<ColumnPage<Opportunity>> => ({
  pages: [{ items: cards, total: cards.length, page: 1, pageSize: 50, totalExact: true }],
  pageParams: [1],
});
const ids = (data: InfiniteData<ColumnPage<Opportunity>> | undefined) => data?.pages.flatMap((page) => page.items.map((item) => item.id));

function setup(reply: { status: number; body?: unknown }) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  queryClient.setQueryData(opportunityKeys.column('closed_won'), column(card('w', 'closed_won')));
  queryClient.setQueryData(opportunityKeys.column('new'), column(card('a', 'new')));
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  // The answer waits for `release`, so the optimistic state can be seen first.
  vi.stubGlobal('fetch', async () => {
    await gate;
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/problem+json' } });
  });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useMoveOpportunity(), { wrapper });
  return { queryClient, hook, gate, release };
}

describe('useMoveOpportunity', () => {
  it('moves the card at once and puts it back when the API refuses', async () => {
    const { queryClient, hook, release } = setup({ status: 422, body: problem(422, 'A closed opportunity cannot change stage; reopen it first.') });
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
  });
});
