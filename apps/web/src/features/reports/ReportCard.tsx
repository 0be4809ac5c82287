import { Alert, Anchor, Button, Card, Group, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconTable } from '@tabler/icons-react';
import { useId, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Funnel,
  FunnelChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type PieLabelRenderProps,
} from 'recharts';
import { errorMessage } from '../../api/problem';
import { useReport } from './report-api';
import { chartRows, csvFileName, drillDownPath, hasData, reportCsv, type ChartRow, type ReportName, type ReportQuery, type ReportView } from './report-data';

/** How a report is drawn. */
export type ChartKind = 'bar' | 'stacked' | 'donut' | 'funnel' | 'line' | 'percent';

/**
 * The series' (and slices') looks, told apart by more than colour: a fill
 * pattern for bars and slices, a dash pattern and a marker shape for lines.
 */
const STYLES = [
  { color: 'indigo', pattern: 'solid', dash: undefined, marker: 'circle' },
  { color: 'orange', pattern: 'diagonal', dash: '8 4', marker: 'square' },
  { color: 'teal', pattern: 'dots', dash: '2 3', marker: 'triangle' },
  { color: 'grape', pattern: 'cross', dash: '12 4 2 4', marker: 'diamond' },
  { color: 'gray', pattern: 'horizontal', dash: '4 4', marker: 'circle' },
  { color: 'cyan', pattern: 'vertical', dash: '1 3', marker: 'square' },
] as const;
type Style = (typeof STYLES)[number];
const styleAt = (index: number): Style => STYLES[index % STYLES.length];
const colorOf = (style: Style) => `var(--mantine-color-${style.color}-6)`;

/** The fill patterns, once per card (ids must be unique in the document). */
function Patterns({ prefix }: { prefix: string }) {
  return (
    <svg width={0} height={0} style={{ position: 'absolute' }} aria-hidden focusable={false}>
      <defs>
        {STYLES.map((style, index) => (
          <pattern key={index} id={`${prefix}-${index}`} patternUnits="userSpaceOnUse" width={8} height={8}>
            <rect width={8} height={8} fill={colorOf(style)} />
            {style.pattern === 'diagonal' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="white" strokeWidth={1.5} />}
            {style.pattern === 'dots' && <circle cx={4} cy={4} r={1.5} fill="white" />}
            {style.pattern === 'cross' && <path d="M0,4 h8 M4,0 v8" stroke="white" strokeWidth={1} />}
            {style.pattern === 'horizontal' && <path d="M0,2 h8 M0,6 h8" stroke="white" strokeWidth={1} />}
            {style.pattern === 'vertical' && <path d="M2,0 v8 M6,0 v8" stroke="white" strokeWidth={1} />}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** Axis ticks, short ("€50K", "1.2K", "80%"); labels, tooltips and the table carry the exact figures. */
function tickFormat(unit: ReportView['unit'], currency?: string): (value: number) => string {
  try {
    if (unit === 'amount') {
      const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency ?? 'EUR', notation: 'compact' });
      return (value) => format.format(value);
    }
  } catch {
    // an unknown currency: plain numbers
  }
  const format = new Intl.NumberFormat('en-US', { notation: 'compact' });
  return unit === 'percent' ? (value) => `${format.format(value)}%` : (value) => format.format(value);
}

function Marker({
  shape,
  cx,
  cy,
  color,
  onClick,
  label,
}: {
  shape: Style['marker'];
  cx: number;
  cy: number;
  color: string;
  onClick: () => void;
  label: string;
}) {
  const common = { fill: color, stroke: 'white', strokeWidth: 1, cursor: 'pointer', onClick, className: 'report-point', role: 'link', 'aria-label': label };
  if (shape === 'square') return <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} {...common} />;
  if (shape === 'triangle') return <path d={`M${cx},${cy - 6} L${cx + 5.5},${cy + 4} L${cx - 5.5},${cy + 4} Z`} {...common} />;
  if (shape === 'diamond') return <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} {...common} />;
  return <circle cx={cx} cy={cy} r={5} {...common} />;
}

/** A tooltip's figure: the API's, as text (the series are told by their name, their dataKey being a function). */
function seriesText(view: ReportView) {
  return (value: unknown, name: unknown, item: { payload?: unknown }) => {
    const key = view.series.find((series) => series.name === name)?.key;
    const row = item.payload as ChartRow | undefined;
    return key && row ? row.texts[key] : String(value);
  };
}

/** The legend in the series' order (Recharts sorts it by name otherwise). */
function legendOrder(view: ReportView) {
  return (item: { value?: unknown }) => view.series.findIndex((series) => series.name === item.value);
}

interface ChartProps {
  view: ReportView;
  rows: ChartRow[];
  kind: ChartKind;
  patterns: string;
  open: (filter: string) => void;
}

function CartesianBars({ view, rows, kind, patterns, open }: ChartProps) {
  const stacked = kind === 'stacked';
  const percent = kind === 'percent';
  const horizontal = percent && rows.length > 0;
  const height = horizontal ? Math.max(220, rows.length * (view.series.length * 14 + 24) + 60) : 280;
  const ticks = tickFormat(view.unit, view.currency);
  const single = view.series.length === 1;
  return (
    <BarChart
      responsive
      data={rows}
      layout={horizontal ? 'vertical' : 'horizontal'}
      style={{ width: '100%', height }}
      margin={{ top: 20, right: horizontal ? 56 : 16, bottom: 4, left: 8 }}
      barGap={2}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" tickFormatter={ticks} domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} interval={0} />
          <ReferenceLine x={100} stroke="var(--mantine-color-gray-7)" strokeDasharray="4 2" label={{ value: '100%', position: 'top', fontSize: 11 }} />
        </>
      ) : (
        <>
          <XAxis
            dataKey="label"
            interval={0}
            tick={{ fontSize: 12 }}
            height={rows.length > 6 ? 60 : 30}
            angle={rows.length > 6 ? -30 : 0}
            textAnchor={rows.length > 6 ? 'end' : 'middle'}
          />
          <YAxis tickFormatter={ticks} width={64} tick={{ fontSize: 12 }} allowDecimals={view.unit !== 'count'} />
        </>
      )}
      <Tooltip formatter={seriesText(view)} />
      {!single && <Legend itemSorter={legendOrder(view)} />}
      {view.series.map((series, index) => (
        <Bar
          key={series.key}
          name={series.name}
          dataKey={(row: ChartRow) => row.values[series.key]}
          stackId={stacked ? 'stack' : undefined}
          fill={`url(#${patterns}-${index})`}
          stroke={colorOf(styleAt(index))}
          cursor="pointer"
          isAnimationActive={false}
          maxBarSize={56}
          onClick={(_, at) => open(rows[at].filters[series.key])}
        >
          <LabelList
            dataKey={(row: ChartRow) => (stacked && !row.values[series.key] ? '' : row.values[series.key] === null ? '' : row.texts[series.key])}
            position={stacked ? 'center' : horizontal ? 'right' : 'top'}
            fontSize={11}
            fill="var(--mantine-color-black)"
            fontWeight={stacked ? 600 : undefined}
            stroke={stacked ? 'white' : undefined}
            strokeWidth={stacked ? 3 : undefined}
            paintOrder="stroke"
          />
        </Bar>
      ))}
    </BarChart>
  );
}

function Lines({ view, rows, open }: ChartProps) {
  const ticks = tickFormat(view.unit, view.currency);
  return (
    <LineChart responsive data={rows} style={{ width: '100%', height: 280 }} margin={{ top: 20, right: 16, bottom: 4, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
      <YAxis tickFormatter={ticks} width={64} tick={{ fontSize: 12 }} allowDecimals={view.unit !== 'count'} />
      <Tooltip formatter={seriesText(view)} />
      <Legend itemSorter={legendOrder(view)} />
      {view.series.map((series, index) => {
        const style = styleAt(index);
        const color = colorOf(style);
        return (
          <Line
            key={series.key}
            name={series.name}
            dataKey={(row: ChartRow) => row.values[series.key]}
            stroke={color}
            strokeWidth={2}
            strokeDasharray={style.dash}
            isAnimationActive={false}
            connectNulls={false}
            activeDot={false}
            legendType={style.marker === 'triangle' ? 'triangle' : style.marker === 'diamond' ? 'diamond' : style.marker === 'square' ? 'square' : 'circle'}
            dot={(props: { cx?: number; cy?: number; index?: number }) => {
              const at = props.index ?? 0;
              const row = rows[at];
              if (props.cx === undefined || props.cy === undefined || !row || row.values[series.key] === null) return <g key={`${series.key}-${at}`} />;
              return (
                <Marker
                  key={`${series.key}-${at}`}
                  shape={style.marker}
                  cx={props.cx}
                  cy={props.cy}
                  color={color}
                  label={`${series.name}, ${row.label}: ${row.texts[series.key]}`}
                  onClick={() => open(row.filters[series.key])}
                />
              );
            }}
          />
        );
      })}
    </LineChart>
  );
}

/** One slice or funnel step (fields of their own: the shapes take `x`, `name` and `label` from their data). */
interface Part {
  id: string;
  name: string;
  value: number;
  text: string;
  caption: string;
  /** The list's query (not `filter`: the shapes spread their data on the SVG, where `filter` means something). */
  drill: string;
}

function partsOf(view: ReportView, rows: ChartRow[]): Part[] {
  const key = view.series[0]?.key ?? '';
  return rows.map((row) => ({
    id: row.x,
    name: row.label,
    value: row.values[key] ?? 0,
    text: row.texts[key],
    caption: `${row.label}: ${row.texts[key]}`,
    drill: row.filters[key],
  }));
}

const partText = (_value: unknown, _name: unknown, item: { payload?: unknown }) => (item.payload as Part | undefined)?.text ?? '';

function Donut({ view, rows, patterns, open }: ChartProps) {
  const slices = partsOf(view, rows).filter((part) => part.value > 0);
  return (
    <PieChart responsive style={{ width: '100%', height: 300 }} margin={{ top: 16, right: 16, bottom: 16, left: 16 }}>
      <Tooltip formatter={partText} />
      <Pie
        data={slices}
        dataKey="value"
        nameKey="name"
        innerRadius="40%"
        outerRadius="62%"
        paddingAngle={slices.length > 1 ? 1 : 0}
        isAnimationActive={false}
        cursor="pointer"
        startAngle={90}
        endAngle={-270}
        label={(props: PieLabelRenderProps) => (
          <text x={props.x} y={props.y} textAnchor={props.textAnchor} dominantBaseline="central" fill="var(--mantine-color-text)" fontSize={12}>
            {props.index === undefined ? '' : slices[props.index]?.caption}
          </text>
        )}
        onClick={(_, at) => open(slices[at].drill)}
      >
        {slices.map((part, index) => (
          <Cell key={part.id} fill={`url(#${patterns}-${index % STYLES.length})`} stroke="white" />
        ))}
      </Pie>
    </PieChart>
  );
}

function FunnelView({ view, rows, patterns, open }: ChartProps) {
  const steps = partsOf(view, rows);
  return (
    <FunnelChart responsive style={{ width: '100%', height: 280 }} margin={{ top: 8, right: 150, bottom: 8, left: 8 }}>
      <Tooltip formatter={partText} />
      <Funnel dataKey="value" nameKey="name" data={steps} isAnimationActive={false} cursor="pointer" onClick={(_, at) => open(steps[at].drill)}>
        {steps.map((part, index) => (
          <Cell key={part.id} fill={`url(#${patterns}-${index % STYLES.length})`} stroke="white" />
        ))}
        <LabelList dataKey="caption" position="right" fill="var(--mantine-color-text)" stroke="none" fontSize={12} />
      </Funnel>
    </FunnelChart>
  );
}

function ReportChart(props: ChartProps) {
  switch (props.kind) {
    case 'line':
      return <Lines {...props} />;
    case 'donut':
      return <Donut {...props} />;
    case 'funnel':
      return <FunnelView {...props} />;
    default:
      return <CartesianBars {...props} />;
  }
}

/** The numbers of the chart, each a link to its records. */
function ReportTable({ view, rows }: { view: ReportView; rows: ChartRow[] }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped verticalSpacing={4} aria-label={`${view.title}: the numbers`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rows.every((row) => /^\d{4}-\d{2}$/.test(row.x)) && rows.length > 0 ? 'Month' : 'Category'}</Table.Th>
            {view.series.map((series) => (
              <Table.Th key={series.key} ta="right">
                {series.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.x}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              {view.series.map((series) => (
                <Table.Td key={series.key} ta="right">
                  {row.values[series.key] === null ? (
                    '—'
                  ) : (
                    <Anchor component={Link} to={drillDownPath(view.list, row.filters[series.key])} size="sm">
                      {row.texts[series.key]}
                    </Anchor>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Saves the chart's numbers as a CSV file, built here from the answer. */
function downloadCsv(view: ReportView) {
  const blob = new Blob([reportCsv(view)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(view);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface ReportCardViewProps {
  /** The card's title until the answer (which names it) is there. */
  title: string;
  kind: ChartKind;
  view: ReportView | undefined;
  isPending: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** What to do when there is nothing to show: "No call in this period — log calls from Events > Calls". */
  empty: ReactNode;
  onCurrencyChange?: (currency: string) => void;
  /** True while newer filters are loading (the previous answer stays shown). */
  stale?: boolean;
}

/** One chart card: title, chart (or table), empty state, CSV export and drill-down to the list behind each mark. */
export function ReportCardView({ title, kind, view, isPending, error, onRetry, empty, onCurrencyChange, stale }: ReportCardViewProps) {
  const navigate = useNavigate();
  const [asTable, setAsTable] = useState(false);
  const patterns = `pattern${useId().replaceAll(':', '')}`;
  const rows = useMemo(() => (view ? chartRows(view) : []), [view]);
  const shownTitle = view?.title ?? title;
  const open = (filter: string) => {
    if (view) void navigate(drillDownPath(view.list, filter));
  };

  let body: ReactElement;
  if (error && !view)
    body = (
      <Alert color="red" icon={<IconAlertTriangle />} title="Could not be loaded">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" mt="xs" onClick={onRetry}>
            Retry
          </Button>
        )}
      </Alert>
    );
  else if (isPending || !view) body = <Skeleton height={260} data-testid="report-skeleton" />;
  else if (!hasData(view) && !asTable)
    body = (
      <Stack gap={4} py="xl" align="center" data-testid="report-empty">
        <Text size="sm" c="dimmed" ta="center">
          {empty}
        </Text>
      </Stack>
    );
  else if (asTable) body = <ReportTable view={view} rows={rows} />;
  else
    body = (
      <figure style={{ margin: 0 }} aria-label={shownTitle}>
        <Patterns prefix={patterns} />
        <ReportChart view={view} rows={rows} kind={kind} patterns={patterns} open={open} />
        <figcaption>
          <Text size="xs" c="dimmed" ta="center">
            {view.currency ? `Amounts in ${view.currency}. ` : ''}Click a {kind === 'donut' ? 'slice' : kind === 'line' ? 'point' : 'bar'} to open its records.
          </Text>
        </figcaption>
      </figure>
    );

  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-label={shownTitle}
      data-testid="report-card"
      data-report={view?.name}
      style={{ opacity: stale ? 0.6 : 1 }}
    >
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs" align="center">
        <Title order={3} size="h5">
          {shownTitle}
        </Title>
        <Group gap={6} wrap="nowrap">
          {view?.currencies && view.currencies.length > 1 && onCurrencyChange && (
            <Select
              aria-label="Currency"
              size="xs"
              w={90}
              data={view.currencies}
              value={view.currency ?? null}
              allowDeselect={false}
              onChange={(value) => value && onCurrencyChange(value)}
            />
          )}
          <Button
            size="xs"
            variant={asTable ? 'filled' : 'default'}
            aria-pressed={asTable}
            leftSection={<IconTable size={14} />}
            onClick={() => setAsTable((shown) => !shown)}
            disabled={!view}
          >
            Table
          </Button>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => view && downloadCsv(view)} disabled={!view}>
            Export CSV
          </Button>
        </Group>
      </Group>
      {body}
    </Card>
  );
}

export interface ReportCardProps {
  name: ReportName;
  title: string;
  kind: ChartKind;
  query: ReportQuery;
  empty: ReactNode;
  onCurrencyChange?: (currency: string) => void;
}

/** A report of the API as a chart card. */
export function ReportCard({ name, title, kind, query, empty, onCurrencyChange }: ReportCardProps) {
  const { data, error, isPending, isPlaceholderData, refetch } = useReport(name, query);
  return (
    <ReportCardView
      title={title}
      kind={kind}
      view={data}
      isPending={isPending}
      error={error}
      onRetry={() => void refetch()}
      empty={empty}
      onCurrencyChange={onCurrencyChange}
      stale={isPlaceholderData}
    />
  );
}
