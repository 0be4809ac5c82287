import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseCalendarState, writeCalendarState, type CalendarState } from './calendar-state';

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** Changes the calendar's state in the URL: in place, or (`push`) as a new history entry that Back undoes. */
export type CalendarUpdate = (change: Partial<CalendarState>, options?: { push?: boolean }) => void;

/**
 * The calendar's state, read from and written to the URL: a change replaces
 * the entry (so Back leaves the calendar) unless it is pushed (an event
 * opened by a click, which Back closes).
 */
export function useCalendarState(): [CalendarState, CalendarUpdate] {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const state = useMemo(() => parseCalendarState(params, today), [params, today]);
  const update = useCallback<CalendarUpdate>(
    (change, { push = false } = {}) =>
      setParams((previous) => writeCalendarState({ ...parseCalendarState(previous, today), ...change }, today), { replace: !push }),
    [setParams, today],
  );
  return [state, update];
}
