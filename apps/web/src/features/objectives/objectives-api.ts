import { isManagerOrAdmin } from '@crm/domain';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import { resourceKeys } from '../../api/resources';
import type { components, operations } from '../../api/schema';
import { useCurrentUser } from '../../api/session';
import type { Objective } from './objective-progress';

export const OBJECTIVES_PATH = '/api/v1/objectives';

export type ObjectiveQuery = NonNullable<operations['Objectives_list']['parameters']['query']>;
export type CreateObjectiveBody = components['schemas']['CreateObjectiveDto'];
export type UpdateObjectiveBody = components['schemas']['UpdateObjectiveDto'];

/** The API's page limit: a person's objectives fit in one page. */
export const OBJECTIVES_PAGE_SIZE = 200;

/** Under the collection's key, so a save or a delete (which invalidate it) refreshes the progress too. */
export const objectiveKeys = {
  list: (query: ObjectiveQuery) => [...resourceKeys.list(OBJECTIVES_PATH, query)] as const,
  progress: (id: string) => [OBJECTIVES_PATH, 'progress', id] as const,
};

async function fetchObjectives(query: ObjectiveQuery) {
  return unwrap(await client.GET('/api/v1/objectives', { params: { query } }));
}

export function useObjectives(query: ObjectiveQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: objectiveKeys.list(query), queryFn: () => fetchObjectives(query), enabled: options.enabled });
}

/** One list per query (the objectives of each of my teams), merged in order, without duplicates. */
export function useObjectivesOf(queries: ObjectiveQuery[], options: { enabled?: boolean } = {}) {
  return useQueries({
    queries: queries.map((query) => ({ queryKey: objectiveKeys.list(query), queryFn: () => fetchObjectives(query), enabled: options.enabled })),
    combine: (results) => {
      const seen = new Set<string>();
      const items: Objective[] = [];
      for (const result of results) {
        for (const objective of result.data?.items ?? []) {
          if (seen.has(objective.id)) continue;
          seen.add(objective.id);
          items.push(objective);
        }
      }
      return {
        items,
        total: results.reduce((sum, result) => sum + (result.data?.total ?? 0), 0),
        isPending: results.some((result) => result.isPending),
        error: results.find((result) => result.error)?.error ?? null,
        refetch: () => results.forEach((result) => void result.refetch()),
      };
    },
  });
}

/** Target, actual and completion of each period and of the whole range, computed by the API from the records now. */
export function useObjectiveProgress(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: objectiveKeys.progress(id),
    queryFn: async () => unwrap(await client.GET('/api/v1/objectives/{id}/progress', { params: { path: { id } } })),
    enabled: options.enabled,
  });
}

/** Creates (POST) or changes (PATCH with the loaded version) an objective. */
export function useSaveObjective() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (save: { kind: 'update'; id: string; body: UpdateObjectiveBody } | { kind: 'create'; body: CreateObjectiveBody }): Promise<Objective> =>
      save.kind === 'update'
        ? unwrap(await client.PATCH('/api/v1/objectives/{id}', { params: { path: { id: save.id } }, body: save.body }))
        : unwrap(await client.POST('/api/v1/objectives', { body: save.body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(OBJECTIVES_PATH) }),
  });
}

/** Admins and managers set, change and delete objectives; a salesperson only reads (the API answers 403 anyway). */
export function useCanSetObjectives(): boolean {
  const role = useCurrentUser().data?.role;
  return role !== undefined && isManagerOrAdmin(role);
}
