import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListQuery } from '../../api/resource-types';
import type { ListFilter } from './types';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface ListState {
  q: string;
  /** The sort in the URL, or the screen's default when the URL has none. */
  sort: string;
  page: number;
  pageSize: number;
  filterValues: Record<string, string>;
  hasFilters: boolean;
  /** What the API is asked for. */
  query: ListQuery;
  setQ: (q: string) => void;
  toggleSort: (field: string) => void;
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  setFilter: (param: string, value: string | null) => void;
  clearFilters: () => void;
}

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The next sort after a click on a column header: ascending first, then it flips. */
export function nextSort(current: string, field: string): string {
  return current === field ? `-${field}` : field;
}

/**
 * The list's search, filters, sort and paging, held in the URL search
 * parameters so a view can be bookmarked and shared. Any change other than
 * the page goes back to page 1.
 */
export function useListState(filters: ListFilter[], defaultSort: string): ListState {
  const [params, setParams] = useSearchParams();

  const update = useCallback(
    (changes: Record<string, string | null>, keepPage = false) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!keepPage) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  return useMemo(() => {
    const q = params.get('q') ?? '';
    const urlSort = params.get('sort');
    const sort = urlSort ?? defaultSort;
    const page = positiveInt(params.get('page'), 1);
    const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
    const filterValues: Record<string, string> = {};
    for (const filter of filters) {
      const value = params.get(filter.param);
      if (value) filterValues[filter.param] = value;
    }
    const query: ListQuery = { ...filterValues, page, pageSize };
    if (q) query.q = q;
    if (urlSort) query.sort = urlSort;

    return {
      q,
      sort,
      page,
      pageSize,
      filterValues,
      hasFilters: q !== '' || Object.keys(filterValues).length > 0,
      query,
      setQ: (value) => update({ q: value.trim() }),
      toggleSort: (field) => update({ sort: nextSort(sort, field) }),
      setPage: (value) => update({ page: value === 1 ? null : String(value) }, true),
      setPageSize: (value) => update({ pageSize: value === DEFAULT_PAGE_SIZE ? null : String(value) }),
      setFilter: (param, value) => update({ [param]: value }),
      clearFilters: () => update(Object.fromEntries(['q', ...filters.map((f) => f.param)].map((key) => [key, null]))),
    };
  }, [params, filters, defaultSort, update]);
}
