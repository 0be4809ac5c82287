import type { components, operations } from '../../api/schema';
import { formatMoney } from '../../ui/format';

export type ReportView = components['schemas']['ReportView'];
export type ReportName = operations['Reports_report']['parameters']['path']['name'];
export type ReportQuery = NonNullable<operations['Reports_report']['parameters']['query']>;
export type ReportUnit = ReportView['unit'];
export type ReportList = ReportView['list'];

/** One category (or month) of a chart: a number per series for the geometry, the API's figure as text, and the list behind each point. */
export interface ChartRow {
  x: string;
  label: string;
  values: Record<string, number | null>;
  texts: Record<string, string>;
  filters: Record<string, string>;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Stages, statuses and types as people read them; other categories (names, sources) are shown as given. */
const CATEGORY_LABELS: Record<string, string> = {
  new: 'New',
  qualification: 'Qualification',
  proposition: 'Proposition',
  negotiation: 'Negotiation',
  closed_won: 'Closed won',
  closed_lost: 'Closed lost',
  assigned: 'Assigned',
  in_progress: 'In progress',
  converted: 'Converted',
  lost: 'Lost',
  call: 'Call',
  meeting: 'Meeting',
  task: 'Task',
  event: 'Event',
};

/** "2026-03" → "Mar 2026"; a stage or status key → its name; anything else as given. */
export function categoryLabel(x: string): string {
  const month = MONTH.exec(x);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return CATEGORY_LABELS[x] ?? x;
}

/** Whether the categories of a report are months (`YYYY-MM`). */
export function isMonthly(view: Pick<ReportView, 'series'>): boolean {
  const points = view.series[0]?.points ?? [];
  return points.length > 0 && points.every((point) => MONTH.test(point.x));
}

/** A `y` as a number for the geometry: counts as they are, amounts parsed from their decimal string, null kept. */
export function numberOf(y: ReportView['series'][number]['points'][number]['y']): number | null {
  if (y === null || y === undefined) return null;
  const value = typeof y === 'number' ? y : Number(y);
  return Number.isFinite(value) ? value : null;
}

/** A `y` for people: an amount with its currency from the exact decimal string, a percentage with "%", a count; "—" for null. */
export function formatValue(y: ReportView['series'][number]['points'][number]['y'], unit: ReportUnit, currency?: string | null): string {
  if (y === null || y === undefined) return '—';
  if (unit === 'amount') return formatMoney(String(y), currency ?? null);
  const value = numberOf(y);
  if (value === null) return String(y);
  if (unit === 'percent') return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value)}%`;
  return new Intl.NumberFormat('en-US').format(value);
}

/** The answer as one row per category, every series side by side (the API gives every series the same `x`, in the same order). */
export function chartRows(view: ReportView): ChartRow[] {
  const first = view.series[0]?.points ?? [];
  return first.map((point, index) => {
    const row: ChartRow = { x: point.x, label: categoryLabel(point.x), values: {}, texts: {}, filters: {} };
    for (const series of view.series) {
      const at = series.points[index];
      row.values[series.key] = numberOf(at?.y ?? null);
      row.texts[series.key] = formatValue(at?.y ?? null, view.unit, view.currency);
      row.filters[series.key] = at?.filter ?? '';
    }
    return row;
  });
}

/** Whether there is anything to draw: some point above zero. */
export function hasData(view: ReportView): boolean {
  return view.series.some((series) => series.points.some((point) => (numberOf(point.y) ?? 0) !== 0));
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled), as RFC 4180 says. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The numbers of a chart as CSV: the category (or month, as `YYYY-MM`), then
 * one column per series with the values as the API gave them (amounts as
 * their exact decimal strings, null as an empty cell). Lines end with CRLF.
 */
export function reportCsv(view: ReportView): string {
  const header = [isMonthly(view) ? 'Month' : 'Category', ...view.series.map((series) => (view.currency ? `${series.name} (${view.currency})` : series.name))];
  const first = view.series[0]?.points ?? [];
  const lines = first.map((point, index) => [
    MONTH.test(point.x) ? point.x : categoryLabel(point.x),
    ...view.series.map((series) => {
      const y = series.points[index]?.y;
      return y === null || y === undefined ? '' : String(y);
    }),
  ]);
  return [header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The file name of a chart's CSV: `leads-by-source_2026-01-01_2026-12-31.csv`. */
export function csvFileName(view: Pick<ReportView, 'name' | 'from' | 'to'>): string {
  return [view.name, view.from, view.to].filter(Boolean).join('_') + '.csv';
}

const EVENT_LISTS: Record<string, string> = { call: '/events/calls', meeting: '/events/meetings', task: '/events/tasks' };

/**
 * The SPA list behind a point, from its `filter` (the API list's query,
 * whose names the SPA lists read from their URL). Events: the list of the
 * point's type, everyone's unless the point names whose (the events lists
 * show the user's own by default). Objectives: everyone's, narrowed to the
 * point's user or team.
 */
export function drillDownPath(list: ReportList, filter: string): string {
  const params = new URLSearchParams(filter);
  switch (list) {
    case 'leads':
      return withQuery('/leads', params);
    case 'opportunities':
      return withQuery('/opportunities/list', params);
    case 'events': {
      const type = params.get('type');
      const path = (type && EVENT_LISTS[type]) || '/events/all';
      if (path !== '/events/all') params.delete('type');
      if (!params.has('assignedToId')) params.set('assignedToId', 'all');
      return withQuery(path, params);
    }
    case 'objectives': {
      const scoped = new URLSearchParams({ scope: 'everyone' });
      for (const [key, value] of params) scoped.append(key, value);
      return withQuery('/objectives', scoped);
    }
  }
}

function withQuery(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The dashboards' period presets. */
export const PERIODS = [
  { value: 'month', label: 'This month' },
  { value: 'quarter', label: 'This quarter' },
  { value: 'year', label: 'This year' },
  { value: 'last12', label: 'Last 12 months' },
] as const;
export type Period = (typeof PERIODS)[number]['value'];

const pad = (value: number) => String(value).padStart(2, '0');
const day = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The days of a preset, given today (`YYYY-MM-DD` in the CRM's time zone):
 * the whole month, quarter or year it is in (so the months ahead show, for
 * the forecast), or the twelve months ending with the current one up to today.
 */
export function periodRange(period: Period, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  switch (period) {
    case 'month':
      return { from: day(year, month, 1), to: day(year, month, lastDay(year, month)) };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: day(year, first, 1), to: day(year, first + 2, lastDay(year, first + 2)) };
    }
    case 'year':
      return { from: day(year, 1, 1), to: day(year, 12, 31) };
    case 'last12': {
      const start = new Date(Date.UTC(year, month - 12, 1));
      return { from: day(start.getUTCFullYear(), start.getUTCMonth() + 1, 1), to: today };
    }
  }
}

/** The preset a range is, if any. */
export function periodOf(range: { from?: string | null; to?: string | null }, today: string): Period | null {
  return (
    PERIODS.find(({ value }) => {
      const preset = periodRange(value, today);
      return preset.from === range.from && preset.to === range.to;
    })?.value ?? null
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;
const CURRENCY = /^[A-Z]{3}$/;

/** The dashboards' filters from the URL (what is not well formed is left out, the API's defaults apply). */
export function reportQueryOf(params: URLSearchParams): ReportQuery {
  const query: ReportQuery = {};
  const from = params.get('from');
  const to = params.get('to');
  const userId = params.get('userId');
  const teamId = params.get('teamId');
  const currency = params.get('currency')?.toUpperCase();
  if (from && DAY.test(from)) query.from = from;
  if (to && DAY.test(to)) query.to = to;
  if (userId && ID.test(userId)) query.userId = userId;
  if (teamId && ID.test(teamId)) query.teamId = teamId;
  if (currency && CURRENCY.test(currency)) query.currency = currency;
  return query;
}
