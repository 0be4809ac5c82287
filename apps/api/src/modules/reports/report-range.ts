import { DateTime } from 'luxon';
import { invalidInput } from '../../platform/errors/domain-error';
import type { InstantRange } from '../../platform/database/range-sums';

/** A report covers at most this many years. */
export const MAX_REPORT_YEARS = 5;

/** Calendar days `from`..`to` (inclusive) of a time zone, and the instants they span. */
export interface ReportRange extends InstantRange {
  from: string;
  to: string;
  timeZone: string;
}

/** What `to` is when not given: today, or the end of the current year (a forecast looks ahead). */
export type DefaultEnd = 'today' | 'end-of-year';

/**
 * The days a report counts, in the organisation's time zone: `from` default
 * 1 January of the current year, `to` default today (or 31 December); 400
 * when `from` is after `to` or the range is longer than five years.
 */
export function reportRange(query: { from?: string; to?: string }, timeZone: string, defaultEnd: DefaultEnd, now = new Date()): ReportRange {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const from = query.from ?? today.startOf('year').toISODate()!;
  const to = query.to ?? (defaultEnd === 'today' ? today : today.endOf('year')).toISODate()!;
  if (from > to) throw invalidInput([{ field: query.to ? 'to' : 'from', message: `from (${from}) must be on or before to (${to})` }]);
  const first = DateTime.fromISO(from, { zone: timeZone });
  const last = DateTime.fromISO(to, { zone: timeZone });
  if (last >= first.plus({ years: MAX_REPORT_YEARS })) {
    throw invalidInput([
      { field: 'to', message: `a report covers at most ${MAX_REPORT_YEARS} years: to must be before ${first.plus({ years: MAX_REPORT_YEARS }).toISODate()}` },
    ]);
  }
  return { from, to, timeZone, start: first.toJSDate(), end: last.plus({ days: 1 }).toJSDate() };
}

/** One month of a range's axis: `YYYY-MM`, and its days inside the range (the first and last months may be partial). */
export interface RangeMonth {
  month: string;
  from: string;
  to: string;
}

/** Every month from the range's first day to its last, in order. */
export function monthsOf(range: { from: string; to: string }): RangeMonth[] {
  const months: RangeMonth[] = [];
  const last = DateTime.fromISO(range.to, { zone: 'UTC' });
  for (let start = DateTime.fromISO(range.from, { zone: 'UTC' }).startOf('month'); start <= last; start = start.plus({ months: 1 })) {
    const from = start.toISODate()!;
    const to = start.endOf('month').toISODate()!;
    months.push({ month: from.slice(0, 7), from: from < range.from ? range.from : from, to: to > range.to ? range.to : to });
  }
  return months;
}
