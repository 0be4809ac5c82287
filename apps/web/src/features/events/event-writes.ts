import type { EventRemoval, EventWrite } from './event-api';
import { occurrenceChanges, shiftSeries, type EventBody } from './event-form-values';
import { isOccurrence, originalStartOf, seriesIdOf, type CalendarEvent } from './event-types';
import type { SeriesScope } from './SeriesScopeDialog';

type Item = Pick<CalendarEvent, 'id' | 'version' | 'startAt' | 'endAt' | 'seriesId' | 'originalStartAt' | 'occurrenceId'>;
type Series = Pick<CalendarEvent, 'id' | 'version' | 'startAt' | 'endAt'>;

/**
 * The request that saves `changes` made to a calendar item: the event itself
 * (with its version), one occurrence of a series (its own exception), this
 * occurrence and the following ones (a new series from here, with the
 * occurrence's new times as they are), or the whole series, whose first
 * occurrence moves by as much as this one did.
 */
export function planChange(item: Item, changes: EventBody, scope: SeriesScope | null, series?: Series): EventWrite {
  if (!isOccurrence(item) || scope === null) return { kind: 'event', id: item.id, body: { ...changes, version: item.version } };
  if (scope === 'occurrence') {
    // The version loaded: the edited occurrence's own, or the series' for one not edited yet.
    return {
      kind: 'occurrence',
      seriesId: seriesIdOf(item),
      originalStartAt: originalStartOf(item),
      body: { ...occurrenceChanges(changes), version: item.version },
    };
  }
  if (!series) throw new Error('The series must be loaded to change it from this occurrence on or whole.');
  if (scope === 'following') {
    // The series' version: an edited occurrence carries its own.
    return { kind: 'following', seriesId: seriesIdOf(item), originalStartAt: originalStartOf(item), body: { ...changes, version: series.version } };
  }
  const body: EventBody = { ...changes, version: series.version };
  if ('startAt' in changes || 'endAt' in changes) {
    const moved = { startAt: String(changes.startAt ?? item.startAt), endAt: String(changes.endAt ?? item.endAt) };
    Object.assign(body, shiftSeries(series, item, moved));
  }
  return { kind: 'event', id: series.id, body };
}

/** Deleting an item: the event, the whole series, the series from this occurrence on, or (cancelling) just this occurrence. */
export function planRemoval(item: Item, scope: SeriesScope | null): EventRemoval {
  if (!isOccurrence(item) || scope === null) return { kind: 'event', id: item.id };
  if (scope === 'series') return { kind: 'event', id: seriesIdOf(item) };
  return { kind: scope, seriesId: seriesIdOf(item), originalStartAt: originalStartOf(item) };
}
