import { notifications } from '@mantine/notifications';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { fetchRecord, resourceKeys } from '../../api/resources';
import type { DuplicateEntityConfig, DuplicateRecord } from './duplicate-entities';
import type { MergeRequest } from './merge-choices';

const DUPLICATES_KEY = ['/api/v1/duplicates'] as const;

/** The groups of records alike on `fields`, best first. */
export function useDuplicateSearch(config: DuplicateEntityConfig, fields: string[]) {
  return useQuery({
    queryKey: [...DUPLICATES_KEY, 'search', config.entity, fields],
    queryFn: async () => unwrap(await client.POST('/api/v1/duplicates/search', { body: { entity: config.entity, fields } })),
    enabled: fields.length > 0,
  });
}

/**
 * The records of a merge, fresh from the API (their versions go with the
 * merge), and not refetched behind the user's back while they choose: a
 * change meanwhile is the 409 the screen offers to reload for.
 */
export function useMergeRecords(config: DuplicateEntityConfig, ids: string[]) {
  const queries = useQueries({
    queries: ids.map((id) => ({
      queryKey: resourceKeys.record(config.path, id),
      queryFn: (): Promise<DuplicateRecord> => fetchRecord(config.path, id),
      staleTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    })),
  });
  return {
    records: queries.every((query) => query.isSuccess) ? queries.map((query) => query.data) : undefined,
    isPending: queries.some((query) => query.isPending),
    error: queries.find((query) => query.isError)?.error,
    isFetching: queries.some((query) => query.isFetching),
    reload: () => Promise.all(queries.map((query) => query.refetch())),
  };
}

/**
 * Merges, then opens the kept record. A merge moves references in many
 * collections (contacts, opportunities, events, quotations, timelines), so
 * every query is refreshed once the merge screen is left.
 */
export function useMergeDuplicates(config: DuplicateEntityConfig) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (request: MergeRequest): Promise<DuplicateRecord> =>
      unwrap(await client.POST('/api/v1/duplicates/merge', { body: { entity: config.entity, ...request } })),
    onSuccess: async (kept, request) => {
      queryClient.setQueryData(resourceKeys.record(config.path, kept.id), kept);
      const count = request.mergeIds.length;
      notifications.show({ color: 'green', message: `${count} ${count === 1 ? config.singular : config.plural} merged into ${config.name(kept)}` });
      await navigate(`${config.route}/${kept.id}`);
      for (const id of request.mergeIds) queryClient.removeQueries({ queryKey: resourceKeys.record(config.path, id) });
      void queryClient.invalidateQueries();
    },
  });
}
