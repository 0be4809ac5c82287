import { OBJECTIVE_MEASURES, type ObjectiveFrequency, type ObjectiveMeasure } from '@crm/domain';
import dayjs from 'dayjs';
import type { components } from '../../api/schema';

/**
 * Pure helpers of the objectives screens: how targets, actuals and
 * completions read, and the progress turned into table rows and chart data.
 * Amounts stay the API's decimal strings: Intl formats them exactly (it
 * takes the string), they become numbers only for the chart's geometry.
 */

export type Objective = components['schemas']['Objective'];
export type ObjectiveTargets = components['schemas']['ObjectiveTargets'];
export type ObjectiveProgress = components['schemas']['ObjectiveProgress'];
export type PeriodProgress = components['schemas']['ObjectivePeriodProgress'];
export type ObjectiveActuals = components['schemas']['ObjectiveActuals'];
export type { ObjectiveFrequency, ObjectiveMeasure };

export { OBJECTIVE_MEASURES };

interface MeasureInfo {
  /** Column and bar title: "Amount won". */
  label: string;
  /** What a count is of, for the summaries: "calls". */
  noun: string;
  /** How it counts, for the form's descriptions. */
  description: string;
}

export const MEASURES: Record<ObjectiveMeasure, MeasureInfo> = {
  amountWon: { label: 'Amount won', noun: 'won', description: 'Deals won in the period (on the day they were won), in the objective’s currency' },
  opportunitiesCreated: { label: 'Opportunities created', noun: 'created', description: 'Opportunities created in the period' },
  opportunitiesWon: { label: 'Opportunities won', noun: 'deals won', description: 'Opportunities won in the period (on the day they were won)' },
  callsMade: { label: 'Calls made', noun: 'calls', description: 'Outgoing calls held (status realized)' },
  meetings: { label: 'Meetings held', noun: 'meetings', description: 'Meetings held (status realized)' },
};

export const FREQUENCY_LABELS: Record<ObjectiveFrequency, string> = {
  none: 'Whole range',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
};

const counts = new Intl.NumberFormat('en-US');
const percents = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const moneyFormats = new Map<string, Intl.NumberFormat>();
const plainFormats = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, currency: string, options: Intl.NumberFormatOptions): Intl.NumberFormat | null {
  let format = map.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { currency, ...options });
    } catch {
      return null;
    }
    map.set(currency, format);
  }
  return format;
}

/** "€12,500.00" from the decimal string "12500.00", exactly (Intl reads the string, no float on the way). */
export function formatAmount(amount: string, currency: string): string {
  const format = cached(moneyFormats, currency, { style: 'currency' });
  return format ? format.format(amount as Intl.StringNumericLiteral) : `${amount} ${currency}`;
}

/** "300.00 USD": an amount in another currency, with its code, so it is not mistaken for the objective's. */
export function formatAmountWithCode(amount: string, currency: string): string {
  const digits = cached(moneyFormats, currency, { style: 'currency' })?.resolvedOptions().maximumFractionDigits ?? 2;
  const format = cached(plainFormats, currency, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${format ? format.format(amount as Intl.StringNumericLiteral) : amount} ${currency}`;
}

/** "62.5%", or "no target" when the measure is not aimed at. */
export function formatPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? 'no target' : `${percents.format(percent)}%`;
}

function hasTarget(value: string | number | null | undefined): value is string | number {
  return value !== null && value !== undefined;
}

/** A measure's value as read: an amount with the currency, a count with its thousands. */
export function formatValue(measure: ObjectiveMeasure, value: string | number, currency: string): string {
  return measure === 'amountWon' ? formatAmount(String(value), currency) : counts.format(Number(value));
}

export interface MeasureCell {
  measure: ObjectiveMeasure;
  actual: string;
  /** null: not aimed at. */
  target: string | null;
  percent: number | null;
  /** "€1,200.00 / €5,000.00 (24%)", or "3 (no target)". */
  text: string;
}

export function measureCell(measure: ObjectiveMeasure, period: PeriodProgress, currency: string): MeasureCell {
  const actual = formatValue(measure, period.actual[measure], currency);
  const aimed = period.target[measure];
  const target = hasTarget(aimed) ? formatValue(measure, aimed, currency) : null;
  const percent = period.percent[measure];
  const text = target === null ? `${actual} (no target)` : `${actual} / ${target} (${formatPercent(percent)})`;
  return { measure, actual, target, percent, text };
}

export interface OtherAmount {
  currency: string;
  amount: string;
  /** "+ 300.00 USD not counted". */
  text: string;
}

/** Deals won in other currencies than the objective's: shown apart, never added in. Zero amounts are left out. */
export function otherCurrencyAmounts(actual: ObjectiveActuals, currency: string): OtherAmount[] {
  return Object.entries(actual.amountWonByCurrency)
    .filter(([code, amount]) => code !== currency && Number(amount) !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, amount]) => ({ currency: code, amount, text: `+ ${formatAmountWithCode(amount, code)} not counted` }));
}

const day = (text: string) => dayjs(text);

/** "Jan 1 – Mar 31, 2027"; the year once when both ends share it. */
export function formatRange(from: string, to: string): string {
  const start = day(from);
  const end = day(to);
  if (from === to) return end.format('MMM D, YYYY');
  return start.year() === end.year()
    ? `${start.format('MMM D')} – ${end.format('MMM D, YYYY')}`
    : `${start.format('MMM D, YYYY')} – ${end.format('MMM D, YYYY')}`;
}

/** What a period is called: "Jan 2027" for a whole calendar month, "Mar 3" for a day, the range otherwise. */
export function periodLabel(period: { from: string; to: string }, frequency: ObjectiveFrequency): string {
  const start = day(period.from);
  const end = day(period.to);
  if (frequency === 'daily' || period.from === period.to) return start.format('MMM D');
  const wholeMonth = start.date() === 1 && end.isSame(start.endOf('month'), 'day');
  if (frequency === 'monthly' && wholeMonth) return start.format('MMM YYYY');
  return start.year() === end.year()
    ? `${start.format('MMM D')} – ${end.format(start.month() === end.month() ? 'D' : 'MMM D')}`
    : formatRange(period.from, period.to);
}

export interface ProgressRow {
  key: string;
  label: string;
  from: string;
  to: string;
  cells: MeasureCell[];
  /** Amounts won in other currencies in the period, not counted. */
  others: OtherAmount[];
}

function progressRow(period: PeriodProgress, label: string, currency: string): ProgressRow {
  return {
    key: `${period.from}..${period.to}`,
    label,
    from: period.from,
    to: period.to,
    cells: OBJECTIVE_MEASURES.map((measure) => measureCell(measure, period, currency)),
    others: otherCurrencyAmounts(period.actual, currency),
  };
}

/** The progress table: one row per period, in order, and the total of the whole range. */
export function progressTable(progress: ObjectiveProgress, frequency: ObjectiveFrequency): { rows: ProgressRow[]; total: ProgressRow } {
  return {
    rows: progress.periods.map((period) => progressRow(period, periodLabel(period, frequency), progress.currency)),
    total: progressRow(progress.total, 'Total', progress.currency),
  };
}

export interface ChartPoint {
  label: string;
  /** Numbers for the chart's geometry only; the texts are exact. */
  actual: number;
  target: number | null;
  actualText: string;
  targetText: string;
  percentText: string;
  /** Above the actual bar: the completion, or the actual without a target. */
  barLabel: string;
}

/** Target against actual of one measure, one point per period. */
export function chartData(progress: ObjectiveProgress, measure: ObjectiveMeasure, frequency: ObjectiveFrequency): ChartPoint[] {
  return progress.periods.map((period) => {
    const cell = measureCell(measure, period, progress.currency);
    const aimed = period.target[measure];
    return {
      label: periodLabel(period, frequency),
      actual: Number(period.actual[measure]),
      target: hasTarget(aimed) ? Number(aimed) : null,
      actualText: cell.actual,
      targetText: cell.target ?? 'no target',
      percentText: formatPercent(cell.percent),
      barLabel: cell.target === null ? cell.actual : formatPercent(cell.percent),
    };
  });
}

/** The measures an objective aims at, in the contract's order. */
export function aimedMeasures(targets: ObjectiveTargets): ObjectiveMeasure[] {
  return OBJECTIVE_MEASURES.filter((measure) => hasTarget(targets[measure]));
}

/** The list's summary of the targets per period: "€50,000.00 won · 20 created · 120 calls". */
export function targetsSummary(targets: ObjectiveTargets, currency: string): string {
  const parts = OBJECTIVE_MEASURES.flatMap((measure) => {
    const aimed = targets[measure];
    return hasTarget(aimed) ? [`${formatValue(measure, aimed, currency)} ${MEASURES[measure].noun}`] : [];
  });
  return parts.length ? parts.join(' · ') : 'No target';
}

type NameOf = { nameOf: (id: string | null | undefined) => string | undefined };

/** For whom an objective is: the salesperson's name, or "Team Direct sales". */
export function forWhomOf(objective: { userId: string | null; teamId: string | null }, users: NameOf, teams: NameOf): string {
  return objective.teamId ? `Team ${teams.nameOf(objective.teamId) ?? '…'}` : (users.nameOf(objective.userId) ?? '…');
}

/** Today in a time zone (the CRM's, whose calendar the periods follow), as YYYY-MM-DD. */
export function dayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return dayjs(now).format('YYYY-MM-DD');
  }
}

export type Timing = 'current' | 'upcoming' | 'past';

/** Whether an objective's range includes the day, is still to come, or is over. */
export function timingOf(objective: { from: string; to: string }, today: string): Timing {
  if (objective.to < today) return 'past';
  if (objective.from > today) return 'upcoming';
  return 'current';
}

/** A progress bar's fill: a completion over 100% fills it. */
export function barValue(percent: number | null): number {
  return percent === null ? 0 : Math.max(0, Math.min(100, percent));
}
