import { Group, Pagination, Select, Text } from '@mantine/core';
import { rangeLabel } from './format-count';
import { PAGE_SIZES, type ListState } from './list-state';

interface ListFooterProps {
  state: ListState;
  shown: number;
  total: number;
  totalExact: boolean;
}

const PAGE_SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} per page` }));

export function ListFooter({ state, shown, total, totalExact }: ListFooterProps) {
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {rangeLabel(state.page, state.pageSize, shown, total, totalExact)}
      </Text>
      <Group gap="sm">
        <Select
          aria-label="Rows per page"
          data={PAGE_SIZE_OPTIONS}
          value={String(state.pageSize)}
          onChange={(value) => value && state.setPageSize(Number(value))}
          allowDeselect={false}
          w={140}
        />
        <Pagination total={pages} value={state.page} onChange={state.setPage} size="sm" />
      </Group>
    </Group>
  );
}
