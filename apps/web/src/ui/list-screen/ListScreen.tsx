import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { errorMessage } from '../../api/problem';
import { useList } from '../../api/resources';
import type { ListPath, ListQuery, ListRow } from '../../api/resource-types';
import { ListFooter } from './ListFooter';
import { ListTable } from './ListTable';
import { ListToolbar, type NewAction } from './ListToolbar';
import { useListState, type ListState } from './list-state';
import type { ListColumn, ListFilter } from './types';

const SKELETON_ROWS = 8;
const NO_FILTERS: ListFilter[] = [];

export interface ListScreenProps<P extends ListPath> {
  /** The API list, e.g. `/api/v1/leads`. */
  path: P;
  columns: ListColumn<ListRow<P>>[];
  filters?: ListFilter[];
  /** The API's own default sort, shown on the headers while the URL has no `sort`. */
  defaultSort: string;
  /** Plural noun for messages: "No leads match these filters". */
  noun: string;
  onRowClick?: (row: ListRow<P>) => void;
  newAction?: NewAction;
  rowActions?: (row: ListRow<P>) => ReactNode;
  /** A Mantine colour marking a row (the lead colour codes), or null. */
  rowColor?: (row: ListRow<P>) => string | null;
  /** Text colour of a row, for rules that colour the text rather than tint the row. */
  rowTextColor?: (row: ListRow<P>) => string | null;
  /** Buttons beside "New", given the list's state (an export takes its filters). */
  toolbarExtra?: (state: ListState) => ReactNode;
  /** Filters the screen always applies, outside the URL's (the Customers menu's customers-or-prospects). */
  baseQuery?: ListQuery;
  /** Sits between the toolbar and the table (a colour legend). */
  children?: ReactNode;
}

function EmptyState({ noun, filtered, onClear }: { noun: string; filtered: boolean; onClear: () => void }) {
  return (
    <Stack align="center" gap="xs" py="xl">
      <Text fw={500}>{filtered ? `No ${noun} match these filters` : `No ${noun} yet`}</Text>
      {filtered && (
        <Button variant="light" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Stack>
  );
}

function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="The list could not be loaded">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button size="xs" variant="white" color="red" onClick={onRetry}>
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * One screen for every list: search, filters, sortable headers and paging,
 * all held in the URL, over an API list path.
 */
export function ListScreen<P extends ListPath>(props: ListScreenProps<P>) {
  const {
    path,
    columns,
    filters = NO_FILTERS,
    defaultSort,
    noun,
    onRowClick,
    newAction,
    rowActions,
    rowColor,
    rowTextColor,
    toolbarExtra,
    baseQuery,
    children,
  } = props;
  const urlState = useListState(filters, defaultSort);
  const state = useMemo(() => (baseQuery ? { ...urlState, query: { ...baseQuery, ...urlState.query } } : urlState), [urlState, baseQuery]);
  const { data, error, isPending, isError, isPlaceholderData, refetch } = useList(path, state.query);
  const rows: ListRow<P>[] = data?.items ?? [];

  return (
    <Stack gap="md">
      <ListToolbar state={state} filters={filters} newAction={newAction} extra={toolbarExtra?.(state)} />
      {children}
      {isError && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Card withBorder padding={0}>
          <ListTable
            columns={columns}
            rows={rows}
            sort={state.sort}
            onSort={state.toggleSort}
            onRowClick={onRowClick}
            rowActions={rowActions}
            rowColor={rowColor}
            rowTextColor={rowTextColor}
            loadingRows={isPending ? SKELETON_ROWS : undefined}
            stale={isPlaceholderData}
          />
          {data && rows.length === 0 && <EmptyState noun={noun} filtered={state.hasFilters} onClear={state.clearFilters} />}
        </Card>
      )}
      {data && rows.length > 0 && <ListFooter state={state} shown={rows.length} total={data.total} totalExact={data.totalExact} />}
    </Stack>
  );
}
