import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchNames, resourceKeys, type NamedRecord } from './resources';
import type { NamedListPath } from './resource-types';

export interface SelectOption {
  value: string;
  label: string;
}

export interface Lookup {
  options: SelectOption[];
  /** The name of a referenced record, or undefined while loading or when unknown. */
  nameOf: (id: string | null | undefined) => string | undefined;
  isLoading: boolean;
}

/**
 * Names of the records of a small list (users, teams, sources), for selects
 * and for showing references in lists. Shared through the query cache.
 */
export function useLookup(path: NamedListPath): Lookup {
  const { data, isLoading } = useQuery({
    queryKey: [...resourceKeys.all(path), 'names'],
    queryFn: () => fetchNames(path),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const records: NamedRecord[] = data ?? [];
    const names = new Map(records.map((record) => [record.id, record.name]));
    return {
      options: records.map((record) => ({ value: record.id, label: record.name })),
      nameOf: (id) => (id ? names.get(id) : undefined),
      isLoading,
    };
  }, [data, isLoading]);
}
