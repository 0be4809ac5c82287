import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useList, useRecord } from '../api/resources';
import type { CollectionPath, ListQuery, ListRow } from '../api/resource-types';

const SEARCH_DELAY_MS = 250;
const OPTION_LIMIT = 20;

type Row = { id: string };

function defaultLabel(row: unknown): string {
  return typeof row === 'object' && row !== null && 'name' in row && typeof row.name === 'string' ? row.name : '';
}

export type RemoteSelectProps<P extends CollectionPath> = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  /** The collection searched with `?q=`, e.g. `/api/v1/partners`. */
  path: P;
  value: string | null;
  onChange: (id: string | null, row: ListRow<P> | null) => void;
  /** What an option says; the record's `name` when not given. */
  optionLabel?: (row: ListRow<P>) => string;
  /** Filters every search carries, e.g. `{ partnerId }` for one partner's contacts. */
  query?: ListQuery;
  sort?: string;
};

/**
 * A select over a collection too big to load whole (partners, contacts):
 * typing searches the API, and the chosen record keeps its name even when
 * it is not among the results.
 */
export function RemoteSelect<P extends CollectionPath>({ path, value, onChange, optionLabel, query, sort, ...selectProps }: RemoteSelectProps<P>) {
  const labelOf = (row: unknown): string => (optionLabel ? optionLabel(row as ListRow<P>) : defaultLabel(row));
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  // Nothing is searched until the list is opened: a form full of these asks for nothing up front.
  const [opened, setOpened] = useState(false);
  // Once chosen, the search box shows the record's name: that is not a search.
  const selectedLabel = chosen && chosen.id === value ? chosen.label : undefined;
  const [debounced] = useDebouncedValue(search === selectedLabel ? '' : search.trim(), SEARCH_DELAY_MS);
  const results = useList(path, { ...query, q: debounced || undefined, sort, pageSize: OPTION_LIMIT }, { enabled: opened });
  const rows = (results.data?.items ?? []) as (ListRow<P> & Row)[];
  const inResults = rows.some((row) => row.id === value);
  // A value set from outside (an edited record) is named by loading that record.
  const current = useRecord(path, value ?? '', { enabled: Boolean(value) && !inResults && !selectedLabel, staleTime: 60_000 });
  const currentLabel = value && current.data ? labelOf(current.data) : null;
  // Once loaded, that name is remembered as chosen, so that the name shown in the box is not taken for a search
  // when the list opens. Done while rendering when the value or its name changes, as React recommends.
  const [named, setNamed] = useState<{ value: string | null; label: string | null }>({ value: null, label: null });
  if (named.value !== value || named.label !== currentLabel) {
    setNamed({ value, label: currentLabel });
    if (value && currentLabel !== null) setChosen({ id: value, label: currentLabel });
  }

  const data = rows.map((row) => ({ value: row.id, label: labelOf(row) }));
  if (value && !inResults) data.unshift({ value, label: selectedLabel ?? currentLabel ?? '…' });

  return (
    <Select
      {...selectProps}
      data={data}
      value={value}
      searchable
      onDropdownOpen={() => setOpened(true)}
      searchValue={search}
      onSearchChange={setSearch}
      // The API already filtered by the search.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'Nothing found'}
      onChange={(id) => {
        const row = rows.find((candidate) => candidate.id === id) ?? null;
        setChosen(id ? { id, label: row ? labelOf(row) : (data.find((option) => option.value === id)?.label ?? '') } : null);
        onChange(id, row);
      }}
    />
  );
}
