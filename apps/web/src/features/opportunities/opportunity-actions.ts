import type { OpportunityStage } from '@crm/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { resourceKeys } from '../../api/resources';
import type { components } from '../../api/schema';
import { moveCard, patchCard, repage, type BoardMove, type ColumnPage } from './board-order';
import { OPPORTUNITIES_PATH } from './RelatedOpportunities';

export type Opportunity = components['schemas']['OpportunityView'];
/** A kanban card: the narrow view the board endpoint sends. */
export type OpportunityCard = components['schemas']['OpportunityCard'];
export type PipelineTotal = components['schemas']['PipelineTotal'];
export type CloseLostBody = components['schemas']['CloseLostDto'];

export const opportunityKeys = {
  column: (stage: OpportunityStage) => [OPPORTUNITIES_PATH, 'kanban', stage] as const,
  columns: () => [OPPORTUNITIES_PATH, 'kanban'] as const,
  pipeline: (query: PipelineQuery) => [OPPORTUNITIES_PATH, 'pipeline', query] as const,
};

export type PipelineQuery = NonNullable<import('../../api/schema').operations['Opportunities_pipeline']['parameters']['query']>;

/** Count, amount and weighted amount per group (stage by default) and currency, for the given list filters. */
export function usePipeline(query: PipelineQuery) {
  return useQuery({
    queryKey: opportunityKeys.pipeline(query),
    queryFn: async () => unwrap(await client.GET('/api/v1/opportunities/pipeline', { params: { query } })),
  });
}

export const COLUMN_PAGE_SIZE = 50;

/** One kanban column, by rank, 50 narrow cards at a time (with the partner's name). */
export function useColumn(stage: OpportunityStage) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.column(stage),
    initialPageParam: 1,
    queryFn: async ({ pageParam, signal }): Promise<ColumnPage<OpportunityCard>> =>
      unwrap(await client.GET('/api/v1/opportunities/board', { params: { query: { stage, page: pageParam, pageSize: COLUMN_PAGE_SIZE } }, signal })),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** After an action the opportunity, its lists, columns, totals and timeline (all under the path) are refetched. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(OPPORTUNITIES_PATH) });
}

type Board = Partial<Record<OpportunityStage, OpportunityCard[]>>;
type ColumnData = InfiniteData<ColumnPage<OpportunityCard>>;

/**
 * Drag and drop: the card moves at once, and goes back if the API refuses
 * (the two columns are then read again, in case the refusal came from a
 * change made elsewhere). On success the card takes the API's answer
 * (version, probability...) and the columns are only marked stale, not read
 * again: a column scrolled to 2,000 cards is 40 pages, and the move is already
 * shown; lists, totals and the record are refetched as after any action.
 */
export function useMoveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ move, lostReasonId }: { move: BoardMove; lostReasonId?: string }) =>
      unwrap(
        await client.POST('/api/v1/opportunities/{id}/move', {
          params: { path: { id: move.id } },
          body: { stage: move.to, rank: move.index, ...(lostReasonId ? { lostReasonId } : {}) },
        }),
      ),
    onMutate: async ({ move }) => {
      await queryClient.cancelQueries({ queryKey: opportunityKeys.columns() });
      const stages = [...new Set([move.from, move.to])];
      const previous = stages.map((stage) => [stage, queryClient.getQueryData<ColumnData>(opportunityKeys.column(stage))] as const);
      const board: Board = Object.fromEntries(previous.map(([stage, data]) => [stage, data?.pages.flatMap((page) => page.items) ?? []]));
      const next = moveCard(board, move);
      for (const [stage, data] of previous) {
        if (!data) continue;
        const delta = move.from === move.to ? 0 : stage === move.to ? 1 : -1;
        queryClient.setQueryData<ColumnData>(opportunityKeys.column(stage), { ...data, pages: repage(data.pages, next[stage] ?? [], delta) });
      }
      return { previous };
    },
    onSuccess: (moved, { move }) => {
      const { id, version, name, stage, rank, partnerId, amount, currency, probability, expectedCloseDate, assignedToId } = moved;
      const patch = { id, version, name, stage, rank, partnerId, amount, currency, probability, expectedCloseDate, assignedToId };
      queryClient.setQueryData<ColumnData>(opportunityKeys.column(move.to), (data) => (data ? { ...data, pages: patchCard(data.pages, id, patch) } : data));
    },
    onError: (_error, { move }, context) => {
      for (const [stage, data] of context?.previous ?? []) queryClient.setQueryData(opportunityKeys.column(stage), data);
      for (const stage of new Set([move.from, move.to])) void queryClient.invalidateQueries({ queryKey: opportunityKeys.column(stage) });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunityKeys.columns(), refetchType: 'none' }),
        queryClient.invalidateQueries({
          queryKey: resourceKeys.all(OPPORTUNITIES_PATH),
          predicate: (query) => query.queryKey[1] !== opportunityKeys.columns()[1],
        }),
      ]),
  });
}

export function useNextStage() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/api/v1/opportunities/{id}/next-stage', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useCloseWon() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/api/v1/opportunities/{id}/close-won', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useCloseLost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: CloseLostBody }) =>
      unwrap(await client.POST('/api/v1/opportunities/{id}/close-lost', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useReopen() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/api/v1/opportunities/{id}/reopen', { params: { path: { id } }, body: {} })),
    onSuccess: refresh,
  });
}
