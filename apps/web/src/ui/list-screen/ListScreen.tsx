import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/problem';
import { useList } from '../../api/resources';
import type { ListPath, ListRow } from '../../api/resource-types';
import { ListFooter } from './ListFooter';
import { ListTable } from './ListTable';
import { ListToolbar, type NewAction } from './ListToolbar';
import { useListState } from './list-state';
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
export function ListScreen<P extends ListPath>({ path, columns, filters = NO_FILTERS, defaultSort, noun, onRowClick, newAction, rowActions }: ListScreenProps<P>) {
  const state = useListState(filters, defaultSort);
  const { data, error, isPending, isError, isPlaceholderData, refetch } = useList(path, state.query);
  const rows: ListRow<P>[] = data?.items ?? [];

  return (
    <Stack gap="md">
      <ListToolbar state={state} filters={filters} newAction={newAction} />
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
