import { Group, Paper, Text } from '@mantine/core';
import type { ObjectiveMeasure } from '@crm/domain';
import { Bar, CartesianGrid, ComposedChart, LabelList, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { MEASURES, type ChartPoint } from './objective-progress';

const ACTUAL_FILL = 'var(--mantine-color-indigo-6)';
const TARGET_STROKE = 'var(--mantine-color-gray-7)';

/** Axis ticks: short ("€50K", "1.2K"); the bars' labels, the tooltip and the table carry the exact figures. */
function tickFormat(measure: ObjectiveMeasure, currency: string): (value: number) => string {
  let format: Intl.NumberFormat;
  try {
    format =
      measure === 'amountWon'
        ? new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' })
        : new Intl.NumberFormat('en-US', { notation: 'compact' });
  } catch {
    format = new Intl.NumberFormat('en-US', { notation: 'compact' });
  }
  return (value) => format.format(value);
}

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <Paper withBorder shadow="sm" p="xs">
      <Text size="sm" fw={600}>
        {point.label}
      </Text>
      <Text size="sm">Actual: {point.actualText}</Text>
      <Text size="sm">Target: {point.targetText}</Text>
      <Text size="sm">Reached: {point.percentText}</Text>
    </Paper>
  );
}

/** The two marks, told apart by their shape (filled bar, dashed outline), not by colour alone. */
function ChartLegend() {
  return (
    <Group gap="lg" justify="center" mt="xs" aria-hidden>
      <Group gap={6}>
        <svg width="16" height="12">
          <rect x="1" y="1" width="14" height="10" fill={ACTUAL_FILL} />
        </svg>
        <Text size="sm">Actual (filled bar, labelled with the % reached)</Text>
      </Group>
      <Group gap={6}>
        <svg width="16" height="12">
          <rect x="1" y="1" width="14" height="10" fill="none" stroke={TARGET_STROKE} strokeWidth="2" strokeDasharray="4 2" />
        </svg>
        <Text size="sm">Target (dashed outline)</Text>
      </Group>
    </Group>
  );
}

interface ProgressChartProps {
  data: ChartPoint[];
  measure: ObjectiveMeasure;
  currency: string;
}

/** Target against actual of one measure, per period: the actual as a filled bar, the target as a dashed outline beside it. */
export function ProgressChart({ data, measure, currency }: ProgressChartProps) {
  const label = MEASURES[measure].label;
  const summary = data.map((point) => `${point.label}: ${point.actualText} of ${point.targetText}`).join('; ');
  return (
    <figure style={{ margin: 0 }} data-testid="objective-chart">
      <ComposedChart
        responsive
        data={data}
        style={{ width: '100%', height: 320 }}
        margin={{ top: 24, right: 16, bottom: 8, left: 8 }}
        title={`${label}: target and actual per period`}
        desc={summary}
        barGap={4}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval="preserveStartEnd" />
        <YAxis tickFormatter={tickFormat(measure, currency)} allowDecimals={measure === 'amountWon'} width={72} />
        <Tooltip content={PointTooltip} cursor={{ fillOpacity: 0.1 }} />
        <Bar dataKey="actual" name="Actual" fill={ACTUAL_FILL} isAnimationActive={false} maxBarSize={48}>
          <LabelList dataKey="barLabel" position="top" fontSize={12} fill="var(--mantine-color-text)" />
        </Bar>
        <Bar
          dataKey="target"
          name="Target"
          fill="transparent"
          stroke={TARGET_STROKE}
          strokeWidth={2}
          strokeDasharray="6 3"
          isAnimationActive={false}
          maxBarSize={48}
        />
      </ComposedChart>
      <ChartLegend />
      <figcaption>
        <Text size="xs" c="dimmed" ta="center">
          {label} per period. The table below gives every figure.
        </Text>
      </figcaption>
    </figure>
  );
}
