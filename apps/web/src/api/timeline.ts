import { useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from './problem';
import { generic, resourceKeys } from './resources';
import type { Page, TimelinePath } from './resource-types';
import type { components } from './schema';

export type TimelineEntry = components['schemas']['HistoryEntry'];

const TIMELINE_PAGE_SIZE = 20;

/** A record's timeline, newest first, one page more at each `fetchNextPage`. */
export function useTimeline(path: TimelinePath, id: string) {
  return useInfiniteQuery({
    // Under the collection's key, so whatever refreshes the record refreshes its timeline.
    queryKey: resourceKeys.timeline(path, id),
    initialPageParam: 1,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await generic.GET(`${path}/{id}/timeline`, { params: { path: { id }, query: { page: pageParam, pageSize: TIMELINE_PAGE_SIZE } } }),
      ) as Page<TimelineEntry>,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}
