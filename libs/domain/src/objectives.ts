/** How an objective is split into periods (contract: `frequency`). */
export const OBJECTIVE_FREQUENCIES = ['none', 'daily', 'weekly', 'monthly'] as const;
export type ObjectiveFrequency = (typeof OBJECTIVE_FREQUENCIES)[number];

/** What an objective can aim at (contract: `targets`). */
export const OBJECTIVE_MEASURES = ['amountWon', 'opportunitiesCreated', 'opportunitiesWon', 'callsMade', 'meetings'] as const;
export type ObjectiveMeasure = (typeof OBJECTIVE_MEASURES)[number];

/** Calendar days, `YYYY-MM-DD`, both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** An objective may not be split into more periods than this (a daily one over about a year). */
export const MAX_OBJECTIVE_PERIODS = 400;

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const text = (date: Date) => date.toISOString().slice(0, 10);

/** `date` plus `months` calendar months, the day clamped to the month's last (31 January + 1 month = 28 or 29 February). */
function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/**
 * The periods of an objective, as Axelor walks them: from its first day, one
 * day, week or month at a time (a monthly objective starting on the 1st
 * follows the calendar months), the last one cut at its end; `none`: one
 * period. Each step counts from the first day, so months starting on the 31st
 * stay on the last day of shorter months instead of drifting. Axelor adds an
 * extra one-day period when the end falls on a period's start: not here.
 * Answers at most `limit` periods (null when there would be more).
 */
export function objectivePeriods(range: DayRange, frequency: ObjectiveFrequency, limit = MAX_OBJECTIVE_PERIODS): DayRange[] | null {
  if (frequency === 'none') return [range];
  const start = day(range.from);
  const end = day(range.to);
  const stepStart = (k: number) => (frequency === 'monthly' ? addMonths(start, k) : addDays(start, k * (frequency === 'weekly' ? 7 : 1)));
  const periods: DayRange[] = [];
  for (let k = 0; stepStart(k) <= end; k++) {
    if (periods.length === limit) return null;
    const last = addDays(stepStart(k + 1), -1);
    periods.push({ from: text(stepStart(k)), to: text(last < end ? last : end) });
  }
  return periods;
}

/** How much of the target is reached, in percent with one decimal; null without a positive target. */
export function completion(actual: number, target: number | null | undefined): number | null {
  if (!target || target <= 0) return null;
  return Math.round((actual * 1000) / target) / 10;
}
