/**
 * SQL: the first instant of a calendar day (`YYYY-MM-DD`, given as a query
 * parameter's placeholder) in the organisation's time zone, `plusDays` days
 * later. A list filter `createdFrom=2026-03-01` means from local midnight of
 * that day; `createdTo=2026-03-31` means before the start of 1 April
 * (`plusDays` 1). As a sub-select it is computed once per statement, so an
 * index range on the compared column serves the condition.
 */
export function localDayStart(dayPlaceholder: string, plusDays = 0): string {
  const day = plusDays ? `CAST(${dayPlaceholder} AS date) + ${plusDays}` : `CAST(${dayPlaceholder} AS date)`;
  return `(SELECT (${day})::timestamp AT TIME ZONE time_zone FROM crm_settings WHERE id = 1)`;
}

/** SQL condition: the instant `column` falls on or after the local day. */
export const onOrAfterLocalDay = (column: string) => (dayPlaceholder: string) => `${column} >= ${localDayStart(dayPlaceholder)}`;

/** SQL condition: the instant `column` falls on or before the local day (before the next one starts). */
export const onOrBeforeLocalDay = (column: string) => (dayPlaceholder: string) => `${column} < ${localDayStart(dayPlaceholder, 1)}`;
