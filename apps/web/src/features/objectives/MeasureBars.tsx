import { Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { OBJECTIVE_MEASURES } from '@crm/domain';
import { barValue, formatPercent, MEASURES, measureCell, otherCurrencyAmounts, type PeriodProgress } from './objective-progress';

/** The completion of each measure over a range: a bar with the percent written beside it, or "no target". */
export function MeasureBars({ period, currency }: { period: PeriodProgress; currency: string }) {
  const others = otherCurrencyAmounts(period.actual, currency);
  return (
    <Stack gap="sm">
      {OBJECTIVE_MEASURES.map((measure) => {
        const cell = measureCell(measure, period, currency);
        const reached = cell.percent !== null && cell.percent >= 100;
        return (
          <div key={measure} data-measure={measure}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500}>
                {MEASURES[measure].label}
              </Text>
              <Text size="sm" fw={cell.target === null ? 400 : 600} c={cell.target === null ? 'dimmed' : undefined}>
                {formatPercent(cell.percent)}
                {reached ? ' ✓' : ''}
              </Text>
            </Group>
            {cell.target !== null && (
              <Progress
                value={barValue(cell.percent)}
                color={reached ? 'teal' : 'indigo'}
                size="md"
                radius="sm"
                mt={4}
                aria-label={`${MEASURES[measure].label}: ${cell.text}`}
              />
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {cell.target === null ? cell.actual : `${cell.actual} of ${cell.target}`}
              {measure === 'amountWon' && others.length > 0 ? ` (${others.map((other) => other.text).join(', ')})` : ''}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}

export function MeasureBarsSkeleton() {
  return (
    <Stack gap="sm" data-testid="measure-bars-skeleton">
      {OBJECTIVE_MEASURES.map((measure) => (
        <div key={measure}>
          <Skeleton height={12} width="60%" radius="sm" />
          <Skeleton height={8} mt={6} radius="sm" />
        </div>
      ))}
    </Stack>
  );
}
