import { Alert, Button, Card, Loader } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import { PageHeader } from '../../ui/PageHeader';
import { useCalendarEvents } from '../events/event-api';
import { newEventValues } from '../events/event-form-values';
import { EventFormDialog, type EventFormTarget } from '../events/EventFormDialog';
import { calendarQuery, type VisibleRange } from './calendar-state';
import { CalendarFilters } from './CalendarFilters';
import { CalendarLegend } from './CalendarLegend';
import { CalendarView } from './CalendarView';
import { FeedButton } from './FeedButton';
import { useCalendarOptions } from './calendar-api';
import { useCalendarState } from './use-calendar-state';
import { useEventMoves } from './use-event-moves';
import { useOpenedEvent } from './use-opened-event';

/** The calendar: month, week, day and list views of the events in range, filtered and coloured as the URL says. */
export function CalendarPage() {
  const me = useCurrentUser().data;
  const [state, update] = useCalendarState();
  const [range, setRange] = useState<VisibleRange | null>(null);
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const calendars = useCalendarOptions();
  const people = { meId: me?.id, everyone: users.options.map((user) => user.value) };
  const events = useCalendarEvents(range ? calendarQuery(range, state, people) : null);
  const moves = useEventMoves();
  const [creating, setCreating] = useState<EventFormTarget | null>(null);
  // the event the URL opens (clicked, a notification's, a shared link's), until the form closes
  const opened = useOpenedEvent(state.opened, update);
  const editing: EventFormTarget | null = opened.item ? { kind: 'edit', item: opened.item } : null;
  const closeForm = () => {
    setCreating(null);
    opened.close();
  };
  const create = (slot: { start?: Date; end?: Date; allDay?: boolean } = {}) =>
    setCreating({ kind: 'new', values: newEventValues({ ...slot, assignedToId: me?.id ?? null }) });

  return (
    <>
      <PageHeader title="Calendar">
        {(events.isFetching || opened.query.isFetching) && <Loader size="sm" aria-label="Loading events" />}
        <FeedButton />
        <Button leftSection={<IconPlus size={16} />} onClick={() => create()}>
          New event
        </Button>
      </PageHeader>
      <CalendarFilters state={state} meId={me?.id} users={users.options} teams={teams.options} calendars={calendars} onChange={update} />
      {events.error && (
        <Alert color="red" mb="md">
          {errorMessage(events.error)}
        </Alert>
      )}
      {state.opened && (opened.query.error || opened.query.data === null) && (
        <Alert color="orange" mb="md" title="This event cannot be opened" withCloseButton closeButtonLabel="Dismiss" onClose={() => update({ opened: null })}>
          {opened.query.error ? errorMessage(opened.query.error) : 'This occurrence is no longer on the calendar: it was cancelled, or moved to another time.'}
        </Alert>
      )}
      <CalendarLegend colorBy={state.colorBy} events={events.data ?? []} users={users} />
      <Card withBorder padding="sm" data-testid="calendar">
        <CalendarView
          state={state}
          events={events.data ?? []}
          onRange={(next, view, date) => {
            setRange(next);
            // always written (the same URL changes nothing): compared with `state`, a second view change before this
            // render caught up with the first was taken for no change, and the URL then pulled the calendar back
            update({ view, date });
          }}
          onSelect={create}
          onOpen={opened.open}
          onMove={(item, to, revert) => void moves.move(item, to, revert)}
        />
      </Card>
      <EventFormDialog target={creating ?? editing} onClose={closeForm} />
      {moves.dialog}
    </>
  );
}
