import { Table, Text } from '@mantine/core';
import { OBJECTIVE_MEASURES } from '@crm/domain';
import type { ReactNode } from 'react';
import { formatPercent, formatRange, MEASURES, type MeasureCell, type ProgressRow } from './objective-progress';

function Cell({ cell, others }: { cell: MeasureCell; others: ProgressRow['others'] }) {
  return (
    <>
      <Text size="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
        {cell.actual}
        {cell.target !== null && (
          <Text span c="dimmed" size="sm">
            {' / '}
            {cell.target}
          </Text>
        )}
      </Text>{' '}
      <Text span size="sm" fw={cell.percent !== null ? 600 : 400} c={cell.percent === null ? 'dimmed' : cell.percent >= 100 ? 'teal.8' : undefined}>
        ({formatPercent(cell.percent)})
      </Text>
      {cell.measure === 'amountWon' &&
        others.map((other) => (
          <Text key={other.currency} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {other.text}
          </Text>
        ))}
    </>
  );
}

function Row({ row, header }: { row: ProgressRow; header: ReactNode }) {
  return (
    <Table.Tr>
      {header}
      {row.cells.map((cell) => (
        <Table.Td key={cell.measure}>
          <Cell cell={cell} others={row.others} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** Rows are the periods, columns the five measures, each "actual / target (percent)"; the total of the range at the foot. */
export function ProgressTable({ rows, total }: { rows: ProgressRow[]; total: ProgressRow }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Progress by period" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            {OBJECTIVE_MEASURES.map((measure) => (
              <Table.Th key={measure}>{MEASURES[measure].label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Row
              key={row.key}
              row={row}
              header={
                <Table.Th scope="row" fw={500} title={formatRange(row.from, row.to)} style={{ whiteSpace: 'nowrap' }}>
                  {row.label}
                </Table.Th>
              }
            />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Row
            row={total}
            header={
              <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                Total
              </Table.Th>
            }
          />
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
