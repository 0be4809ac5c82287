import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseCalendarState, writeCalendarState, type CalendarState } from './calendar-state';

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** The calendar's state, read from and written to the URL (replacing the entry, so Back leaves the calendar). */
export function useCalendarState(): [CalendarState, (change: Partial<CalendarState>) => void] {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const state = useMemo(() => parseCalendarState(params, today), [params, today]);
  const update = useCallback(
    (change: Partial<CalendarState>) =>
      setParams((previous) => writeCalendarState({ ...parseCalendarState(previous, today), ...change }, today), { replace: true }),
    [setParams, today],
  );
  return [state, update];
}
