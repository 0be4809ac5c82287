import type { EntityManager } from 'typeorm';
import type { DefaultEnd, ReportRange } from './report-range';

/** What a report's `y` is. */
export const REPORT_UNITS = ['count', 'amount', 'percent'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

/** The lists a report's points drill down to (`GET /api/v1/<list>?<filter>`). */
export const REPORT_LISTS = ['opportunities', 'leads', 'events', 'objectives'] as const;
export type ReportList = (typeof REPORT_LISTS)[number];

export interface ChartPoint {
  x: string;
  y: number | string | null;
  filter: string;
}

export interface ChartSeries {
  key: string;
  name: string;
  points: ChartPoint[];
}

/** A report request once validated: its days and instants, and the narrowing asked. */
export interface ReportRequest {
  range: ReportRange;
  userId?: string;
  teamId?: string;
  currency?: string;
}

/** What a report builds: its series and, for amounts, the currency shown and those there are. */
export interface ReportBody {
  series: ChartSeries[];
  currency?: string;
  currencies?: string[];
}

/** Names to label categories with (unknown ids are left out of the maps). */
export interface ReportLabels {
  users(ids: readonly string[]): Promise<Map<string, string>>;
  sources(ids: readonly string[]): Promise<Map<string, string>>;
  teams(ids: readonly string[]): Promise<Map<string, string>>;
}

/** One objective in course, as the objectives reports chart it: whose it is and the completion (%) of its current period. */
export interface ObjectiveCompletionRow {
  objectiveId: string;
  name: string;
  ownerId: string;
  percent: Record<string, number | null>;
}

/** What reports read through other modules' services, with the caller's rights. */
export interface ReportData {
  objectives(kind: 'user' | 'team', request: ReportRequest): Promise<ObjectiveCompletionRow[]>;
}

export interface ReportDefinition {
  title: string;
  unit: ReportUnit;
  list: ReportList;
  /** What the chart shows, for the API documentation. */
  description: string;
  /** `to` when not given; `none`: the report shows what stands now and takes no range. */
  range: DefaultEnd | 'none';
  build(manager: EntityManager, request: ReportRequest, labels: ReportLabels, data: ReportData): Promise<ReportBody>;
}

/** List filters, by name; undefined ones are left out. */
export type ListFilter = Record<string, string | undefined>;

/** The query string of a list: the filters in the order given, undefined ones left out. */
export function filterOf(...filters: ListFilter[]): string {
  const params = new URLSearchParams();
  for (const filter of filters) {
    for (const [name, value] of Object.entries(filter)) if (value !== undefined && !params.has(name)) params.set(name, value);
  }
  return params.toString();
}

/** One category of a chart (a column): what it shows as `x` and the list filters that pick its records. */
export interface Category {
  key: string;
  x: string;
  filter: ListFilter;
}

/** One series of a chart and the list filters that pick its records within a category. */
export interface SeriesSpec {
  key: string;
  name: string;
  filter: ListFilter;
}

/**
 * Series over the same categories, in order: the value of each (category,
 * series), and each point's filter the category's, the series' and the
 * report's (range, narrowing, currency) together.
 */
export function chart(
  categories: Category[],
  series: SeriesSpec[],
  value: (category: string, series: string) => number | string | null,
  common: ListFilter,
): ChartSeries[] {
  return series.map((spec) => ({
    key: spec.key,
    name: spec.name,
    points: categories.map((category) => ({
      x: category.x,
      y: value(category.key, spec.key),
      filter: filterOf(category.filter, spec.filter, common),
    })),
  }));
}

/** Counts by (category, series) key, summed, for `chart`. */
export class CountGrid {
  private readonly cells = new Map<string, number>();

  add(category: string, series: string, count: number): void {
    const key = `${category}\u0000${series}`;
    this.cells.set(key, (this.cells.get(key) ?? 0) + count);
  }

  get(category: string, series: string): number {
    return this.cells.get(`${category}\u0000${series}`) ?? 0;
  }
}

/**
 * The currency an amount report shows: the one asked, else the one most
 * records have (ties: alphabetical), else EUR; and every one there is.
 */
export function chooseCurrency(counts: { currency?: string; count: number }[], asked: string | undefined): { currency: string; currencies: string[] } {
  const byCurrency = new Map<string, number>();
  for (const { currency, count } of counts) if (currency) byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + count);
  const currencies = [...byCurrency.keys()].sort();
  const most = [...currencies].sort((a, b) => byCurrency.get(b)! - byCurrency.get(a)! || a.localeCompare(b))[0];
  return { currency: asked ?? most ?? 'EUR', currencies };
}

/** Categories for the ids present, labelled by name (sorted by name; the id when the name is unknown), each with its list filter. */
export function namedCategories(ids: readonly string[], names: Map<string, string>, filter: (id: string) => ListFilter): Category[] {
  return [...new Set(ids)]
    .map((id) => ({ key: id, x: names.get(id) ?? id, filter: filter(id) }))
    .sort((a, b) => a.x.localeCompare(b.x) || a.key.localeCompare(b.key));
}
