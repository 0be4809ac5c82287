import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from './client';
import { unwrap } from './problem';
import type { CollectionPath, CreateBody, ListPath, ListQuery, ListRow, Page, NamedListPath, RecordOf, UpdateBody } from './resource-types';

interface UntypedResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The calls the generic list screen and record form make. openapi-fetch
 * types each call from a literal path and cannot follow a path that is a
 * type parameter, so these helpers check the path against the document
 * (ListPath, CollectionPath) and type the result from it, and go through
 * this untyped view of the same client (same middleware, same cookie).
 * The generic timeline, email and file calls (api/timeline, emails, files) use it too.
 */
interface GenericClient {
  GET(path: string, init: { params: { query?: ListQuery; path?: { id: string } } }): Promise<UntypedResult>;
  POST(path: string, init: { body: unknown; params?: { query?: ListQuery; path?: { id: string } } }): Promise<UntypedResult>;
  PATCH(path: string, init: { params: { path: { id: string } }; body: unknown }): Promise<UntypedResult>;
  DELETE(path: string, init: { params: { path: { id: string } } }): Promise<UntypedResult>;
}
export const generic = client as unknown as GenericClient;

/** Query keys start with the collection path, so one invalidation refreshes its lists and records. */
export const resourceKeys = {
  all: (path: ListPath) => [path] as const,
  list: (path: ListPath, query: ListQuery) => [path, 'list', query] as const,
  record: (path: ListPath, id: string) => [path, 'record', id] as const,
  timeline: (path: ListPath, id: string) => [path, 'timeline', id] as const,
};

export async function fetchList<P extends ListPath>(path: P, query: ListQuery): Promise<Page<ListRow<P>>> {
  return unwrap(await generic.GET(path, { params: { query } })) as Page<ListRow<P>>;
}

export function useList<P extends ListPath>(path: P, query: ListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: resourceKeys.list(path, query),
    queryFn: () => fetchList(path, query),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export async function fetchRecord<P extends CollectionPath>(path: P, id: string): Promise<RecordOf<P>> {
  return unwrap(await generic.GET(`${path}/{id}`, { params: { path: { id } } })) as RecordOf<P>;
}

export function useRecord<P extends CollectionPath>(path: P, id: string, options: { enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({
    queryKey: resourceKeys.record(path, id),
    enabled: options.enabled,
    staleTime: options.staleTime,
    queryFn: () => fetchRecord(path, id),
  });
}

export function useCreateRecord<P extends CollectionPath>(path: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateBody<P>) => unwrap(await generic.POST(path, { body })) as RecordOf<P>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(path) }),
  });
}

export function useUpdateRecord<P extends CollectionPath>(path: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateBody<P> }) =>
      unwrap(await generic.PATCH(`${path}/{id}`, { params: { path: { id } }, body })) as RecordOf<P>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(path) }),
  });
}

export function useDeleteRecord<P extends CollectionPath>(path: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await generic.DELETE(`${path}/{id}`, { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(path) }),
  });
}

export interface NamedRecord {
  id: string;
  name: string;
}

/** The most a select offers at once; the API's page limit. */
const LOOKUP_LIMIT = 200;

export async function fetchNames(path: NamedListPath): Promise<NamedRecord[]> {
  const page = unwrap(await generic.GET(path, { params: { query: { pageSize: LOOKUP_LIMIT, sort: 'name' } } })) as { items: NamedRecord[] };
  return page.items;
}
