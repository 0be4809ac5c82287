import { Alert, Badge, Button, Card, CloseButton, Group, Stack, Text } from '@mantine/core';
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
  /**
   * Filters of the API the toolbar has no input for, read from the URL and
   * passed on as they are (a report's drill-down: `createdFrom`, `ofTeamId`),
   * each shown as a removable chip: URL parameter → label.
   */
  moreFilters?: Record<string, string>;
  /** How a chip shows a value of `moreFilters` (an id as a name). */
  moreFilterValue?: (param: string, value: string) => string;
}

const NO_MORE_FILTERS: Record<string, string> = {};

/** The active filters without an input of their own, each removable. */
function MoreFilterChips({ state, labels, valueOf }: { state: ListState; labels: Record<string, string>; valueOf?: (param: string, value: string) => string }) {
  const active = Object.keys(labels).filter((param) => state.filterValues[param]);
  if (active.length === 0) return null;
  return (
    <Group gap="xs" aria-label="More filters" role="group">
      <Text size="sm" c="dimmed">
        Also filtered by
      </Text>
      {active.map((param) => (
        <Badge
          key={param}
          variant="light"
          color="gray"
          tt="none"
          size="lg"
          rightSection={<CloseButton size="xs" aria-label={`Remove ${labels[param]}`} onClick={() => state.setFilter(param, null)} />}
        >
          {labels[param]}: {valueOf?.(param, state.filterValues[param]) ?? state.filterValues[param]}
        </Badge>
      ))}
    </Group>
  );
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
    moreFilters = NO_MORE_FILTERS,
    moreFilterValue,
  } = props;
  const stateFilters = useMemo<ListFilter[]>(
    () => [...filters, ...Object.entries(moreFilters).map(([param, label]): ListFilter => ({ kind: 'text', param, label }))],
    [filters, moreFilters],
  );
  const urlState = useListState(stateFilters, defaultSort);
  const state = useMemo(() => (baseQuery ? { ...urlState, query: { ...baseQuery, ...urlState.query } } : urlState), [urlState, baseQuery]);
  const { data, error, isPending, isError, isPlaceholderData, refetch } = useList(path, state.query);
  const rows: ListRow<P>[] = data?.items ?? [];

  return (
    <Stack gap="md">
      <ListToolbar state={state} filters={filters} newAction={newAction} extra={toolbarExtra?.(state)} />
      <MoreFilterChips state={state} labels={moreFilters} valueOf={moreFilterValue} />
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
