import { Group, Skeleton, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ListColumn } from './types';

interface ListTableProps<Row> {
  columns: ListColumn<Row>[];
  rows: Row[];
  sort: string;
  onSort: (field: string) => void;
  onRowClick?: (row: Row) => void;
  rowActions?: (row: Row) => ReactNode;
  /** Rows of skeletons instead of data while the first page loads. */
  loadingRows?: number;
  /** The rows shown are the previous page's while the next one loads. */
  stale?: boolean;
}

function isRecord(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null;
}

function recordId(row: unknown, index: number): string {
  return isRecord(row) && typeof row.id === 'string' ? row.id : String(index);
}

function cellText(row: unknown, field: string): ReactNode {
  const value = isRecord(row) ? row[field] : undefined;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function SortHeader({ label, field, sort, onSort }: { label: string; field: string; sort: string; onSort: (field: string) => void }) {
  const primary = sort.split(',')[0] ?? '';
  const direction = primary === field ? 'ascending' : primary === `-${field}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconSelector;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(field)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function ListTable<Row>({ columns, rows, sort, onSort, onRowClick, rowActions, loadingRows, stale }: ListTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table highlightOnHover={Boolean(onRowClick)} verticalSpacing="xs" style={{ opacity: stale ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              column.sortable ? (
                <SortHeader key={column.field} label={column.label} field={column.sortField ?? column.field} sort={sort} onSort={onSort} />
              ) : (
                <Table.Th key={column.field}>{column.label}</Table.Th>
              ),
            )}
            {rowActions && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loadingRows
            ? Array.from({ length: loadingRows }, (_, index) => (
                <Table.Tr key={index} data-testid="skeleton-row">
                  {columns.map((column) => (
                    <Table.Td key={column.field}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                  {rowActions && <Table.Td />}
                </Table.Tr>
              ))
            : rows.map((row, index) => (
                <Table.Tr
                  key={recordId(row, index)}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  onKeyDown={
                    onRowClick
                      ? (event) => {
                          if (event.key === 'Enter' && event.target === event.currentTarget) onRowClick(row);
                        }
                      : undefined
                  }
                  tabIndex={onRowClick ? 0 : undefined}
                  style={onRowClick ? { cursor: 'pointer' } : undefined}
                >
                  {columns.map((column) => (
                    <Table.Td key={column.field}>{column.render ? column.render(row) : cellText(row, column.field)}</Table.Td>
                  ))}
                  {rowActions && (
                    // Buttons in the row act on their own; the click must not also open the record.
                    <Table.Td onClick={(event) => event.stopPropagation()} style={{ textAlign: 'right' }}>
                      {rowActions(row)}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
