/**
 * Recurrence arithmetic (rrule and luxon): for the API only, imported as
 * `@crm/domain/recurrence` so the SPA's bundle does not carry those libraries.
 */
import { DateTime, IANAZone } from 'luxon';
import { Frequency, RRule, Weekday as RRuleWeekday } from 'rrule';
import {
  MAX_RECURRENCE_COUNT,
  MAX_RECURRENCE_INTERVAL,
  RECURRENCE_FREQUENCIES,
  WEEKDAYS,
  type Occurrence,
  type Recurrence,
  type RecurrenceFrequency,
  type RecurringSeries,
  type Weekday,
} from './events.js';

const FREQUENCY: Record<RecurrenceFrequency, Frequency> = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthly: RRule.MONTHLY,
  yearly: RRule.YEARLY,
};
const RRULE_WEEKDAY: Record<Weekday, RRuleWeekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant at which the local wall-clock `day` (YYYY-MM-DD) `hour`:`minute` occurs in `zone`. */
export function localTimeToInstant(day: string, hour: number, minute: number, zone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return DateTime.fromObject({ year, month, day: date, hour, minute }, { zone }).toJSDate();
}

/** Whether `zone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  // an IANA name only: luxon's setZone also takes `local` and `system` (the server's zone, any case),
  // which the recurrence library then failed on (a 500)
  return IANAZone.isValidZone(zone);
}

/**
 * What is wrong with a recurrence (an empty list when nothing), as
 * `{field, message}` pairs relative to the recurrence object, so the API answers
 * 400 and the SPA shows the same messages. `startAt`, when given, checks `until`.
 */
export function recurrenceProblems(recurrence: Recurrence, startAt?: Date, timeZone = 'UTC'): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!RECURRENCE_FREQUENCIES.includes(recurrence.frequency)) {
    problems.push({ field: 'frequency', message: `frequency must be one of ${RECURRENCE_FREQUENCIES.join(', ')}` });
  }
  if (!Number.isInteger(recurrence.interval) || recurrence.interval < 1 || recurrence.interval > MAX_RECURRENCE_INTERVAL) {
    problems.push({ field: 'interval', message: `interval must be an integer from 1 to ${MAX_RECURRENCE_INTERVAL}` });
  }
  if (recurrence.byWeekday !== undefined) {
    if (recurrence.frequency !== 'weekly') {
      problems.push({ field: 'byWeekday', message: 'byWeekday applies to a weekly recurrence only' });
    } else if (recurrence.byWeekday.length === 0 || recurrence.byWeekday.some((day) => !WEEKDAYS.includes(day))) {
      problems.push({ field: 'byWeekday', message: `byWeekday must list one or more of ${WEEKDAYS.join(', ')}` });
    } else if (new Set(recurrence.byWeekday).size !== recurrence.byWeekday.length) {
      problems.push({ field: 'byWeekday', message: 'byWeekday must not repeat a day' });
    }
  }
  // RFC 5545 forbids both; an ending is one or the other.
  if (recurrence.count !== undefined && recurrence.until !== undefined) {
    problems.push({ field: 'until', message: 'a recurrence ends after count occurrences or on until, not both' });
  }
  if (recurrence.count !== undefined && (!Number.isInteger(recurrence.count) || recurrence.count < 1 || recurrence.count > MAX_RECURRENCE_COUNT)) {
    problems.push({ field: 'count', message: `count must be an integer from 1 to ${MAX_RECURRENCE_COUNT}` });
  }
  if (recurrence.until !== undefined) {
    const until = untilInstant(recurrence.until, timeZone);
    if (!until) problems.push({ field: 'until', message: 'until must be an ISO date (YYYY-MM-DD) or date-time' });
    else if (startAt && until.getTime() < startAt.getTime()) problems.push({ field: 'until', message: 'until must not be before the start' });
  }
  return problems;
}

/**
 * The occurrences of a series that overlap [from, to), oldest first. Each keeps
 * the first occurrence's wall-clock start and length in `timeZone`, so a weekly
 * 09:00 meeting in Europe/Paris stays at 09:00 local on both sides of a DST change.
 *
 * rrule works in "floating" time here: local wall-clock fields written as if UTC,
 * which makes its day/week arithmetic free of offsets; luxon then places each
 * local time in the zone (a time skipped by a DST gap moves forward, as calendars do).
 */
export function expandOccurrences(series: RecurringSeries, from: Date, to: Date): Occurrence[] {
  if (to.getTime() <= from.getTime()) return [];
  const { timeZone } = series;
  const floatingStart = toFloating(series.startAt, timeZone);
  const floatingLength = toFloating(series.endAt, timeZone).getTime() - floatingStart.getTime();
  // A day of margin on either side covers any zone offset between floating and real time.
  const windowStart = new Date(toFloating(from, timeZone).getTime() - floatingLength - DAY_MS);
  const windowEnd = new Date(toFloating(to, timeZone).getTime() + DAY_MS);
  const rule = buildRule(series.recurrence, floatingStart, timeZone, windowStart);
  if (!rule) return [];
  const occurrences: Occurrence[] = [];
  for (const floating of rule.between(windowStart, windowEnd, true)) {
    const startAt = fromFloating(floating, timeZone);
    let endAt = fromFloating(new Date(floating.getTime() + floatingLength), timeZone);
    // a start in a DST gap moves forward by the gap, an end in it may then fall before it: the occurrence keeps its length
    if (endAt.getTime() <= startAt.getTime()) endAt = new Date(startAt.getTime() + floatingLength);
    if (startAt.getTime() < to.getTime() && endAt.getTime() > from.getTime()) occurrences.push({ startAt, endAt });
  }
  return occurrences;
}

/**
 * Whether `startAt` is the start of one of the series' occurrences (an exception
 * row may only replace an occurrence that exists).
 */
export function isOccurrenceStart(series: RecurringSeries, startAt: Date): boolean {
  return occurrenceStartingAt(series, startAt) !== null;
}

/** The series' occurrence that starts at `startAt` (with its end), or null when none does. */
export function occurrenceStartingAt(series: RecurringSeries, startAt: Date): Occurrence | null {
  const at = startAt.getTime();
  return expandOccurrences(series, startAt, new Date(at + 1)).find((occurrence) => occurrence.startAt.getTime() === at) ?? null;
}

/** A series cut at one of its occurrences ("this and following"): how each part recurs. */
export interface RecurrenceCut {
  /** The series, from its start to the occurrence before the cut. */
  before: Recurrence;
  /** A new series that starts at the occurrence of the cut. */
  after: Recurrence;
}

/**
 * Cuts a series just before its occurrence starting at `at` (which must be
 * one: see occurrenceStartingAt). The first part ends on the local day
 * before that occurrence (`until`; occurrences start at most once a local
 * day, so no earlier one is lost); a series that ends after a count is cut
 * by count instead: the first part keeps the occurrences before `at`, the
 * second the rest, so the two have as many as the series had. The second
 * part otherwise keeps the series' end (its `until`, or none). Null when
 * `at` is the first occurrence: nothing comes before it, and "this and
 * following" is the whole series.
 */
export function cutRecurrence(series: RecurringSeries, at: Date): RecurrenceCut | null {
  const { recurrence, timeZone } = series;
  const rule = buildRule(recurrence, toFloating(series.startAt, timeZone), timeZone);
  // compared as instants: an occurrence moved forward by a DST gap has another wall-clock time than its rule's
  const startsBefore = (floating: Date) => fromFloating(floating, timeZone).getTime() < at.getTime();
  const first = rule?.all((_date, index) => index < 1)[0];
  if (!rule || !first || !startsBefore(first)) return null;
  const { count, until: _until, ...pattern } = recurrence;
  if (count === undefined) {
    const dayBefore = new Date(toFloating(at, timeZone).getTime() - DAY_MS).toISOString().slice(0, 10);
    return { before: { ...pattern, until: dayBefore }, after: recurrence };
  }
  const kept = rule.all((date) => startsBefore(date)).length;
  return { before: { ...pattern, count: kept }, after: { ...pattern, count: count - kept } };
}

/**
 * The end of the series' last occurrence, or null when it never ends; what the
 * `series_end_at` column stores so range queries can skip finished series.
 */
export function seriesEnd(series: RecurringSeries): Date | null {
  const { recurrence, timeZone } = series;
  if (recurrence.count === undefined && recurrence.until === undefined) return null;
  const floatingStart = toFloating(series.startAt, timeZone);
  const floatingLength = toFloating(series.endAt, timeZone).getTime() - floatingStart.getTime();
  const last = buildRule(recurrence, floatingStart, timeZone)?.all().at(-1);
  // No occurrence at all (until before the first): the series ends where it starts.
  if (!last) return series.endAt;
  return fromFloating(new Date(last.getTime() + floatingLength), timeZone);
}

/**
 * The RFC 5545 RRULE value of a recurrence (without the `RRULE:` name), for an
 * event whose DTSTART is written with TZID=`timeZone`: UNTIL is then a UTC
 * date-time (RFC 5545 3.3.10), or a DATE for an all-day event.
 */
export function toRRule(recurrence: Recurrence, startAt: Date, timeZone: string, options: { allDay?: boolean } = {}): string {
  const parts = [`FREQ=${recurrence.frequency.toUpperCase()}`, `INTERVAL=${recurrence.interval}`];
  if (recurrence.byWeekday?.length) parts.push(`BYDAY=${recurrence.byWeekday.join(',')}`);
  if (recurrence.count !== undefined) parts.push(`COUNT=${recurrence.count}`);
  if (recurrence.until !== undefined) {
    if (options.allDay) {
      const day = ISO_DATE.test(recurrence.until) ? recurrence.until : DateTime.fromISO(recurrence.until, { zone: timeZone }).toISODate();
      parts.push(`UNTIL=${(day ?? '').replaceAll('-', '')}`);
    } else {
      const until = untilInstant(recurrence.until, timeZone) ?? startAt;
      parts.push(`UNTIL=${DateTime.fromJSDate(until, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    }
  }
  return parts.join(';');
}

/**
 * The rule in floating time. rrule walks every period from DTSTART, which
 * costs milliseconds for a daily or weekly series started years before the
 * range asked; given `skipTo`, such a series starts instead a whole number of
 * periods later (at most one period before `skipTo`), which yields the same
 * occurrences from there on: a daily or weekly pattern repeats each period,
 * and a count drops by the occurrences skipped (one per period, or one per
 * listed weekday). Null when a count is used up before `skipTo`.
 */
function buildRule(recurrence: Recurrence, floatingStart: Date, timeZone: string, skipTo?: Date): RRule | null {
  const until = recurrence.until === undefined ? null : untilInstant(recurrence.until, timeZone);
  let dtstart = floatingStart;
  let count = recurrence.count ?? null;
  const periods = skipTo ? periodsBefore(recurrence, floatingStart, skipTo) : 0;
  if (periods > 0) {
    dtstart = shiftPeriods(recurrence, floatingStart, periods);
    const perPeriod = recurrence.frequency === 'weekly' && recurrence.byWeekday?.length ? recurrence.byWeekday.length : 1;
    if (count !== null) count -= periods * perPeriod;
    if (count !== null && count <= 0) return null;
  }
  return new RRule({
    freq: FREQUENCY[recurrence.frequency],
    interval: recurrence.interval,
    dtstart,
    byweekday: recurrence.byWeekday?.length ? recurrence.byWeekday.map((day) => RRULE_WEEKDAY[day]) : null,
    count,
    until: until ? toFloating(until, timeZone) : null,
  });
}

/**
 * Whole periods (of `interval` units) that can be skipped from the start and
 * still leave one before `skipTo`. Months and years are skipped only from a
 * day every month (or year) has: the 31st or 29 February recur irregularly.
 */
function periodsBefore(recurrence: Recurrence, start: Date, skipTo: Date): number {
  const { frequency, interval } = recurrence;
  if (frequency === 'daily' || frequency === 'weekly') {
    const periodMs = interval * (frequency === 'daily' ? 1 : 7) * DAY_MS;
    return Math.floor((skipTo.getTime() - start.getTime()) / periodMs) - 1;
  }
  if (start.getUTCDate() > 28) return 0;
  const months = (skipTo.getUTCFullYear() - start.getUTCFullYear()) * 12 + skipTo.getUTCMonth() - start.getUTCMonth();
  return Math.floor(months / (frequency === 'monthly' ? interval : 12 * interval)) - 1;
}

function shiftPeriods(recurrence: Recurrence, start: Date, periods: number): Date {
  const { frequency, interval } = recurrence;
  if (frequency === 'daily' || frequency === 'weekly') return new Date(start.getTime() + periods * interval * (frequency === 'daily' ? 1 : 7) * DAY_MS);
  const shifted = new Date(start.getTime());
  shifted.setUTCMonth(start.getUTCMonth() + periods * interval * (frequency === 'monthly' ? 1 : 12));
  return shifted;
}

/** The last instant an occurrence may start: a date means the end of that day in the zone. */
function untilInstant(until: string, timeZone: string): Date | null {
  // asked on every expansion of a series that ends on a date; luxon's zone arithmetic is the slow part
  const instant = cached(untilInstants, `${until}|${timeZone}`, () => {
    const parsed = ISO_DATE.test(until) ? DateTime.fromISO(until, { zone: timeZone }).endOf('day') : DateTime.fromISO(until, { zone: timeZone });
    return parsed.isValid ? parsed.toMillis() : null;
  });
  return instant === null ? null : new Date(instant);
}
const untilInstants = new Map<string, number | null>();

/** The wall-clock time of `instant` in `zone`, written as a UTC Date ("floating"). */
function toFloating(instant: Date, zone: string): Date {
  const ts = instant.getTime();
  return new Date(ts + offsetMinutes(zone, ts) * MINUTE_MS);
}

/**
 * The instant at which the floating wall-clock time occurs in `zone`: luxon's
 * own two-guess method (a time skipped by a DST gap moves forward; an
 * ambiguous one takes the earlier instant), on the cached offsets.
 */
function fromFloating(floating: Date, zone: string): Date {
  const local = floating.getTime();
  const first = offsetMinutes(zone, local);
  let guess = local - first * MINUTE_MS;
  const second = offsetMinutes(zone, guess);
  if (first === second) return new Date(guess);
  guess -= (second - first) * MINUTE_MS;
  const third = offsetMinutes(zone, guess);
  if (second === third) return new Date(guess);
  return new Date(local - Math.min(second, third) * MINUTE_MS);
}

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const CACHE_LIMIT = 100_000;

/** `key`'s value in `cache`, computed on first use (a full cache starts afresh: its values are cheap to compute again). */
function cached<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Per zone, per UTC day: the zone's offset all that day, or null for a day in which it changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** Offsets of the days with a change, per quarter of an hour. */
const changeDayOffsets = new Map<string, number>();

/**
 * The zone's UTC offset (minutes) at `ts`. Asking Intl costs tens of
 * microseconds and a calendar range asks thousands of times, so offsets are
 * cached per UTC day (a few thousand entries cover years of calendars); on
 * the rare day in which the offset changes, per quarter of an hour: zones
 * change offset only at such boundaries (even the :30 and :45 zones switch
 * on a quarter hour of UTC), and never twice in a day.
 */
function offsetMinutes(zone: string, ts: number): number {
  const days = cached(dayOffsets, zone, () => new Map<number, number | null>());
  const day = Math.floor(ts / DAY_MS);
  const offset = cached(days, day, () => {
    const atStart = IANAZone.create(zone).offset(day * DAY_MS);
    return atStart === IANAZone.create(zone).offset((day + 1) * DAY_MS - 1) ? atStart : null;
  });
  return offset ?? cached(changeDayOffsets, `${zone}|${Math.floor(ts / QUARTER_HOUR_MS)}`, () => IANAZone.create(zone).offset(ts));
}
