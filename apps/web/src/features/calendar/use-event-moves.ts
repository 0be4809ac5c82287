import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { errorMessage } from '../../api/problem';
import { fetchEvent, useWriteEvent } from '../events/event-api';
import { isOccurrence, seriesIdOf, type CalendarItem } from '../events/event-types';
import { planChange } from '../events/event-writes';
import { useSeriesScopeQuestion } from '../events/SeriesScopeDialog';

/** Where an item was dragged or resized to. */
export interface EventMove {
  startAt: string;
  endAt: string;
  allDay: boolean;
}

/**
 * Saves a drag or a resize through the API: an occurrence of a series asks
 * "this one, this and following, or all?" first; a refusal (or backing out)
 * puts the item back with a message. `revert` is FullCalendar's.
 */
export function useEventMoves() {
  const write = useWriteEvent();
  const scope = useSeriesScopeQuestion();
  const { ask } = scope;
  const { mutateAsync } = write;
  const move = useCallback(
    async (item: CalendarItem, to: EventMove, revert: () => void) => {
      try {
        const chosen = isOccurrence(item) ? await ask('move') : null;
        if (isOccurrence(item) && chosen === null) return revert();
        const series = chosen === 'series' || chosen === 'following' ? await fetchEvent(seriesIdOf(item)) : undefined;
        await mutateAsync(planChange(item, { startAt: to.startAt, endAt: to.endAt, allDay: to.allDay }, chosen, series));
        notifications.show({ color: 'green', message: `${item.subject} moved` });
      } catch (error) {
        revert();
        notifications.show({ color: 'red', title: 'The event was not moved', message: errorMessage(error) });
      }
    },
    [ask, mutateAsync],
  );
  return { move, dialog: scope.dialog };
}
