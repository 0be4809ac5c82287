import { Group, Skeleton, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
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
  /** A Mantine colour that marks the row (left border and tint), or none. */
  rowColor?: (row: Row) => string | null;
  /** A text colour for rows that rules mark by text rather than tint (Mantine colour name). */
  rowTextColor?: (row: Row) => string | null;
}

/** A marked row: a coloured bar on its first cell and a light tint, so the colour never carries the text's contrast. */
function markStyles(color: string | null | undefined): { row?: CSSProperties; first?: CSSProperties } {
  if (!color) return {};
  return {
    row: { backgroundColor: `var(--mantine-color-${color}-0)` },
    first: { boxShadow: `inset 4px 0 0 var(--mantine-color-${color}-filled)` },
  };
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
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  // lists and objects have a render of their column; without one, their JSON says more than "[object Object]"
  return JSON.stringify(value);
}

function SortHeader({ label, field, sort, onSort }: { label: string; field: string; sort: string; onSort: (field: string) => void }) {
  const primary = sort.split(',')[0] ?? '';
  const direction = primary === field ? 'ascending' : primary === `-${field}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconSelector;
  return (
    <Table.Th aria-sort={direction} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(field)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

interface DataRowProps<Row> {
  row: Row;
  columns: ListColumn<Row>[];
  onRowClick?: (row: Row) => void;
  rowActions?: (row: Row) => ReactNode;
  color: string | null;
  textColor?: string | null;
}

function DataRow<Row>({ row, columns, onRowClick, rowActions, color, textColor }: DataRowProps<Row>) {
  const mark = markStyles(color);
  return (
    <Table.Tr
      data-highlight={color ?? undefined}
      data-text-color={textColor ?? undefined}
      onClick={onRowClick ? () => onRowClick(row) : undefined}
      onKeyDown={
        onRowClick
          ? (event) => {
              if (event.key === 'Enter' && event.target === event.currentTarget) onRowClick(row);
            }
          : undefined
      }
      tabIndex={onRowClick ? 0 : undefined}
      style={{ ...mark.row, color: textColor ? `var(--mantine-color-${textColor}-text)` : undefined, cursor: onRowClick ? 'pointer' : undefined }}
    >
      {columns.map((column, index) => (
        <Table.Td key={column.field} style={{ ...(index === 0 ? mark.first : undefined), whiteSpace: column.nowrap ? 'nowrap' : undefined }}>
          {column.render ? column.render(row) : cellText(row, column.field)}
        </Table.Td>
      ))}
      {rowActions && (
        // Buttons in the row act on their own; the click must not also open the record.
        <Table.Td onClick={(event) => event.stopPropagation()} style={{ textAlign: 'right' }}>
          {rowActions(row)}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function ListTable<Row>({ columns, rows, sort, onSort, onRowClick, rowActions, loadingRows, stale, rowColor, rowTextColor }: ListTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table highlightOnHover={Boolean(onRowClick)} verticalSpacing="xs" style={{ opacity: stale ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              column.sortable ? (
                <SortHeader key={column.field} label={column.label} field={column.sortField ?? column.field} sort={sort} onSort={onSort} />
              ) : (
                <Table.Th key={column.field} style={{ whiteSpace: 'nowrap' }}>
                  {column.label}
                </Table.Th>
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
                <DataRow
                  key={recordId(row, index)}
                  row={row}
                  columns={columns}
                  onRowClick={onRowClick}
                  rowActions={rowActions}
                  color={rowColor?.(row) ?? null}
                  textColor={rowTextColor?.(row) ?? null}
                />
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
