import { Alert, Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { useList } from '../../api/resources';
import type { ListPath, ListQuery, ListRow } from '../../api/resource-types';
import { rangeLabel } from './format-count';
import { ListTable } from './ListTable';
import { nextSort } from './list-state';
import type { ListColumn } from './types';

const PAGE_SIZE = 25;

interface RelatedListProps<P extends ListPath> {
  path: P;
  /** The link to the record the list belongs to: `{ partnerId }`. */
  query: ListQuery;
  columns: ListColumn<ListRow<P>>[];
  defaultSort: string;
  /** Plural noun for the empty state: "No contacts yet". */
  noun: string;
  onRowClick?: (row: ListRow<P>) => void;
}

/**
 * The records linked to another one (a partner's contacts), inside its page.
 * Same table as the list screens, but its sort and page stay out of the URL,
 * which belongs to the page around it.
 */
export function RelatedList<P extends ListPath>({ path, query, columns, defaultSort, noun, onRowClick }: RelatedListProps<P>) {
  const [sort, setSort] = useState(defaultSort);
  const [page, setPage] = useState(1);
  const { data, error, isPending, isPlaceholderData } = useList(path, { ...query, sort, page, pageSize: PAGE_SIZE });
  if (error && !data) return <Alert color="red">{errorMessage(error)}</Alert>;
  const rows: ListRow<P>[] = data?.items ?? [];
  const pages = data ? Math.ceil(data.total / PAGE_SIZE) : 1;

  return (
    <Stack gap="sm">
      <Card withBorder padding={0}>
        <ListTable
          columns={columns}
          rows={rows}
          sort={sort}
          onSort={(field) => {
            setSort(nextSort(sort, field));
            setPage(1);
          }}
          onRowClick={onRowClick}
          loadingRows={isPending ? 3 : undefined}
          stale={isPlaceholderData}
        />
        {data && rows.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            No {noun} yet
          </Text>
        )}
      </Card>
      {data && rows.length > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {rangeLabel(page, PAGE_SIZE, rows.length, data.total, data.totalExact)}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
        </Group>
      )}
    </Stack>
  );
}
