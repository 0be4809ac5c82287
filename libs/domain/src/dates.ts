const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real day of the Gregorian calendar written `YYYY-MM-DD` (year 0001 to
 * 9999): `2028-02-29` is one, `2026-02-30` and `2026-13-01` are not. The
 * shape alone let impossible days through to PostgreSQL, which refused them
 * with an error the API answered as 500.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/**
 * ISO 8601 as the API takes it: a calendar day with a four-digit year,
 * optionally a time and an offset (`2027-03-22`, `2027-03-22T08:00`,
 * `2027-03-22T08:00:00.000Z`, `…+02:00`); with `instant`, the time and
 * its offset are required, since a time without one would mean the
 * server's zone. The usual validators took `+275760-09-13T00:00:00Z` (a
 * year JavaScript can still hold) and the recurrence library threw on it.
 */
export function isIsoDateTime(value: unknown, { instant = false } = {}): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match[1])) return false;
  const [, , hour, offset] = match;
  return !instant || (hour !== undefined && offset !== undefined);
}
