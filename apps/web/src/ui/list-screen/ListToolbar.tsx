import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { RemoteSelect } from '../RemoteSelect';
import type { ListState } from './list-state';
import type { ListFilter } from './types';

const SEARCH_DELAY_MS = 300;

const BOOLEAN_OPTIONS = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

export interface NewAction {
  label: string;
  onClick: () => void;
}

interface ListToolbarProps {
  state: ListState;
  filters: ListFilter[];
  newAction?: NewAction;
  /** More buttons beside "New" (import, export, toggles). */
  extra?: ReactNode;
}

/** A text box that writes to the URL once the user pauses typing, and follows the URL when it changes. */
function DebouncedTextInput(props: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  withIcon?: boolean;
}) {
  const { value, onChange, label, placeholder, inputRef, withIcon } = props;
  const [text, setText] = useState(value);
  // Follows the URL when it changes: adjusted while rendering, as React recommends for state that follows a prop.
  const [followed, setFollowed] = useState(value);
  if (followed !== value) {
    setFollowed(value);
    setText(value);
  }
  const commit = useDebouncedCallback(onChange, SEARCH_DELAY_MS);
  return (
    <TextInput
      ref={inputRef}
      aria-label={label}
      placeholder={placeholder ?? label}
      leftSection={withIcon ? <IconSearch size={16} /> : undefined}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
      w={withIcon ? 260 : 180}
    />
  );
}

function FilterInput({ filter, state }: { filter: ListFilter; state: ListState }) {
  const value = state.filterValues[filter.param] ?? '';
  const onChange = (next: string | null) => state.setFilter(filter.param, next);
  if (filter.kind === 'text') return <DebouncedTextInput label={filter.label} value={value} onChange={onChange} />;
  if (filter.kind === 'reference')
    return <RemoteSelect path={filter.path} aria-label={filter.label} placeholder={filter.label} value={value || null} onChange={onChange} clearable w={220} />;
  return (
    <Select
      aria-label={filter.label}
      placeholder={filter.label}
      data={filter.kind === 'boolean' ? BOOLEAN_OPTIONS : filter.options}
      value={value || null}
      onChange={onChange}
      clearable
      searchable={filter.kind === 'select' && filter.options.length > 10}
      w={180}
    />
  );
}

/** Search box, filters and the "New" button above a list. "/" focuses the search box. */
export function ListToolbar({ state, filters, newAction, extra }: ListToolbarProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="wrap">
        <DebouncedTextInput inputRef={searchRef} label="Search" placeholder="Search (press /)" value={state.q} onChange={state.setQ} withIcon />
        {filters.map((filter) => (
          <FilterInput key={filter.param} filter={filter} state={state} />
        ))}
      </Group>
      <Group gap="sm" wrap="wrap">
        {extra}
        {newAction && (
          <Button leftSection={<IconPlus size={16} />} onClick={newAction.onClick}>
            {newAction.label}
          </Button>
        )}
      </Group>
    </Group>
  );
}
