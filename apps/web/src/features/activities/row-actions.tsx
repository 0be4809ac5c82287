import type { EventStatus } from '@crm/domain';
import { Badge, Button, Checkbox, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../api/problem';
import { eventKeys, writeEvent } from '../events/event-api';
import { EVENTS_PATH, type CalendarEvent } from '../events/event-types';

/** Every page of events in the cache (lists, the home panels, a record's events): the calendar's ranges are not pages. */
const LIST_KEY = [EVENTS_PATH, 'list'] as const;

type Row = Pick<CalendarEvent, 'id' | 'version' | 'type' | 'status' | 'subject' | 'recurrence'>;
type Page = { items: CalendarEvent[] };

/** A cached page with one row changed; the same page when the row is not on it. */
export function patchRow<P extends Page>(page: P | undefined, id: string, changes: Partial<CalendarEvent>): P | undefined {
  if (!page?.items.some((item) => item.id === id)) return page;
  return { ...page, items: page.items.map((item) => (item.id === id ? { ...item, ...changes } : item)) };
}

/** What the toast says once saved: "“Send the proposal” done". */
export function savedMessage(event: Pick<Row, 'type' | 'subject'>, status: EventStatus): string {
  if (status === 'planned') return `“${event.subject}” is open again`;
  return event.type === 'task' ? `“${event.subject}” done` : `“${event.subject}” marked held`;
}

/**
 * Ticks a task done or marks a call or meeting held (status realized), or
 * back: the row changes at once in every cached list, the PATCH carries the
 * version loaded. A refusal (a stale version: 409) puts the rows back and
 * says why; the lists are read again whatever the answer, so a done task
 * leaves the overdue list.
 */
export function useEventStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ event, status }: { event: Row; status: EventStatus }) =>
      writeEvent({ kind: 'event', id: event.id, body: { status, version: event.version } }),
    onMutate: async ({ event, status }) => {
      await queryClient.cancelQueries({ queryKey: LIST_KEY });
      const previous = queryClient.getQueriesData<Page>({ queryKey: LIST_KEY });
      queryClient.setQueriesData<Page>({ queryKey: LIST_KEY }, (page) => patchRow(page, event.id, { status }));
      return { previous };
    },
    onError: (error, { event }, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
      const message = isApiError(error, 409)
        ? `“${event.subject}” was changed by someone else meanwhile. The list is reloaded: try again.`
        : errorMessage(error);
      notifications.show({ color: 'red', title: 'Not saved', message });
    },
    onSuccess: (saved, { event, status }) => {
      // the new version, so a second click before the lists are read again is not refused as stale
      queryClient.setQueriesData<Page>({ queryKey: LIST_KEY }, (page) => patchRow(page, saved.id, { status: saved.status, version: saved.version }));
      notifications.show({ color: 'green', message: savedMessage(event, status) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

/** Whether a row has its one-click action: a task or a call/meeting of its own (a recurring series is changed from its form). */
export function hasStatusAction(event: Pick<Row, 'type' | 'status' | 'recurrence'>): boolean {
  if (event.recurrence || event.status === 'cancelled') return false;
  return event.type === 'task' || event.type === 'call' || event.type === 'meeting';
}

/**
 * A row's one-click action: a task's "done" box, a planned call's or
 * meeting's "Mark held" button; both reachable with Tab and named after the
 * event for screen readers.
 */
export function EventStatusAction({ event }: { event: Row }) {
  const change = useEventStatus();
  if (!hasStatusAction(event)) return null;
  if (event.type === 'task') {
    return (
      <Checkbox
        aria-label={`Done: ${event.subject}`}
        checked={event.status === 'realized'}
        // not disabled while saving: a disabled box would lose the keyboard focus
        onChange={(input) => {
          if (!change.isPending) change.mutate({ event, status: input.currentTarget.checked ? 'realized' : 'planned' });
        }}
      />
    );
  }
  if (event.status === 'realized')
    return (
      <Text size="sm" c="dimmed">
        Held
      </Text>
    );
  return (
    <Button
      size="compact-xs"
      variant="light"
      color="green"
      aria-label={`Mark held: ${event.subject}`}
      loading={change.isPending}
      onClick={() => change.mutate({ event, status: 'realized' })}
    >
      Mark held
    </Button>
  );
}

/** A badge's whole word, never cut to "Ove…" in a narrow column. */
export const NO_CLIP = { overflow: 'visible' } as const;

/** Overdue: in red, with an icon and the word, so it does not rest on the colour. */
export function OverdueFlag() {
  return (
    <Badge
      color="red"
      variant="light"
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      tt="none"
      miw="max-content"
      style={NO_CLIP}
      data-testid="overdue-flag"
    >
      Overdue
    </Badge>
  );
}
