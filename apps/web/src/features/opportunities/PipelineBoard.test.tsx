import type { OpportunityStage } from '@crm/domain';
import type { InfiniteData } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../app/providers';
import { on, stubApi, type RecordedRequest } from '../../test/http';
import type { ColumnPage } from './board-order';
import { COLUMN_PAGE_SIZE, opportunityKeys, type OpportunityCard } from './opportunity-actions';
import { PipelineBoard } from './PipelineBoard';

const aCard = (n: number, stage: OpportunityStage = 'new', overrides: Partial<OpportunityCard> = {}): OpportunityCard => ({
  id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  version: 1,
  name: `Deal ${n}`,
  stage,
  rank: `a${n}`,
  partnerId: null,
  partnerName: null,
  amount: '1000.00',
  currency: 'EUR',
  probability: 10,
  expectedCloseDate: null,
  assignedToId: null,
  ...overrides,
});

const emptyPage = (page = 1): ColumnPage<OpportunityCard> => ({ items: [], total: 0, page, pageSize: COLUMN_PAGE_SIZE, totalExact: true });

/** The board endpoint for every column: `cards` answers a stage, the others are empty. */
function boardApi(cards: (stage: string, page: number) => ColumnPage<OpportunityCard> | undefined) {
  return on('GET', '/api/v1/opportunities/board', (request: RecordedRequest) => {
    const stage = request.url.searchParams.get('stage') ?? '';
    const page = Number(request.url.searchParams.get('page') ?? '1');
    return { status: 200, body: cards(stage, page) ?? emptyPage(page) };
  });
}
const pipelineApi = on('GET', '/api/v1/opportunities/pipeline', { status: 200, body: { groups: [] } });

function renderBoard(seed?: (queryClient: ReturnType<typeof createQueryClient>) => void) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  seed?.(queryClient);
  const router = createMemoryRouter([{ path: '*', element: <PipelineBoard /> }], { initialEntries: ['/opportunities'] });
  render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { queryClient, router };
}

/** jsdom has no layout: a column's viewport is 600 px high and a card 88 px, as in a browser. */
function giveLayout() {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.classList.contains('mantine-ScrollArea-viewport') ? 600 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.testid === 'opportunity-card' ? 88 : 0;
  });
}

const column = (title: string) => screen.getByRole('region', { name: title });

describe('PipelineBoard', () => {
  beforeEach(giveLayout);

  it('reads each column from the board endpoint and shows the partner name the card carries', async () => {
    const { requests } = stubApi(
      boardApi((stage) =>
        stage === 'qualification'
          ? {
              items: [aCard(1, 'qualification', { partnerName: 'Acme SA', partnerId: '00000000-0000-7000-8000-0000000000aa' })],
              total: 1,
              page: 1,
              pageSize: COLUMN_PAGE_SIZE,
              totalExact: true,
            }
          : undefined,
      ),
      pipelineApi,
    );
    renderBoard();

    const card = await within(column('Qualification')).findByRole('button', { name: 'Deal 1' });
    expect(within(card).getByText('Acme SA')).toBeInTheDocument();
    const boardCalls = requests.filter((request) => request.url.pathname === '/api/v1/opportunities/board');
    expect(boardCalls.map((request) => request.url.searchParams.get('stage')).sort()).toEqual([
      'closed_lost',
      'closed_won',
      'negotiation',
      'new',
      'proposition',
      'qualification',
    ]);
    expect(boardCalls.every((request) => request.url.searchParams.get('pageSize') === String(COLUMN_PAGE_SIZE))).toBe(true);
    // No name lookup: the partners list is never downloaded.
    expect(requests.some((request) => request.url.pathname.startsWith('/api/v1/partners'))).toBe(false);
  });

  it('renders only the visible cards of a column of 2,000, and loads the next page near the bottom', async () => {
    const total = 2_100;
    const pageOf = (page: number): ColumnPage<OpportunityCard> => ({
      items: Array.from({ length: COLUMN_PAGE_SIZE }, (_, i) => aCard((page - 1) * COLUMN_PAGE_SIZE + i)),
      total,
      page,
      pageSize: COLUMN_PAGE_SIZE,
      totalExact: true,
    });
    const { requests } = stubApi(
      boardApi((stage, page) => (stage === 'new' ? pageOf(page) : undefined)),
      pipelineApi,
    );
    // 40 pages already loaded: 2,000 cards in the New column.
    const loaded = Array.from({ length: 40 }, (_, i) => i + 1);
    renderBoard((queryClient) =>
      queryClient.setQueryData<InfiniteData<ColumnPage<OpportunityCard>>>(opportunityKeys.column('new'), { pages: loaded.map(pageOf), pageParams: loaded }),
    );

    await waitFor(() => expect(within(column('New')).getAllByTestId('opportunity-card').length).toBeGreaterThan(0));
    const rendered = within(column('New')).getAllByTestId('opportunity-card');
    // 600 px show 7 cards of 88 + 6; with the overscan of 5 each side, about a dozen, never 2,000.
    expect(rendered.length).toBeLessThan(20);
    expect(rendered[0]).toHaveAttribute('data-id', aCard(0).id);
    // The column still has the height of all 2,000, so its scrollbar is true to the list.
    const list = within(column('New')).getByTestId('column-cards');
    expect(list.style.height).toBe(`${2_000 * 94 - 6}px`);
    expect(requests.some((request) => request.url.searchParams.get('page') === '41')).toBe(false);

    // Scrolled to the bottom: the last cards are rendered, the first ones gone, and page 41 is asked for.
    const viewport = list.closest('.mantine-ScrollArea-viewport');
    if (!(viewport instanceof HTMLElement)) throw new Error('no scroll viewport around the column');
    Object.defineProperty(viewport, 'scrollTop', { configurable: true, value: 2_000 * 94 - 600 });
    fireEvent.scroll(viewport);
    await waitFor(() => expect(within(column('New')).getByRole('button', { name: 'Deal 1999' })).toBeInTheDocument());
    expect(within(column('New')).queryByRole('button', { name: 'Deal 0' })).toBeNull();
    expect(within(column('New')).getAllByTestId('opportunity-card').length).toBeLessThan(20);
    await waitFor(() =>
      expect(requests.some((request) => request.url.searchParams.get('stage') === 'new' && request.url.searchParams.get('page') === '41')).toBe(true),
    );
    await waitFor(() => expect(list.style.height).toBe(`${2_050 * 94 - 6}px`));
  });

  it('keeps a Load more button that fetches the next page', async () => {
    const pageOf = (page: number): ColumnPage<OpportunityCard> => ({
      items: Array.from({ length: COLUMN_PAGE_SIZE }, (_, i) => aCard((page - 1) * COLUMN_PAGE_SIZE + i, 'proposition')),
      total: 120,
      page,
      pageSize: COLUMN_PAGE_SIZE,
      totalExact: true,
    });
    const { requests } = stubApi(
      boardApi((stage, page) => (stage === 'proposition' ? pageOf(page) : undefined)),
      pipelineApi,
    );
    renderBoard();
    const button = await within(column('Proposition')).findByRole('button', { name: 'Load more' });
    fireEvent.click(button);
    await waitFor(() =>
      expect(requests.some((request) => request.url.searchParams.get('stage') === 'proposition' && request.url.searchParams.get('page') === '2')).toBe(true),
    );
  });
});
