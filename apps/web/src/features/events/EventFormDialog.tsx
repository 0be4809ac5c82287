import { Alert, Button, Center, Group, Loader, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { describeProblem, type FormProblem } from '../../ui/record-form/problem-errors';
import { ProblemAlert } from '../../ui/record-form/ProblemAlert';
import { fetchEvent, useDeleteEvent, useEvent, useWriteEvent } from './event-api';
import { API_FIELDS, changesBody, createBody, eventToForm, formFieldOf, validateEvent, type EventFormValues } from './event-form-values';
import { isOccurrence, seriesIdOf, type CalendarEvent, type CalendarItem } from './event-types';
import { planChange, planRemoval } from './event-writes';
import { EventFields } from './EventFields';
import { useSeriesScopeQuestion, type SeriesScope } from './SeriesScopeDialog';

/** What the dialog opens on: a new event's starting values, or an event or calendar item (an event or one occurrence of a series). */
export type EventFormTarget = { kind: 'new'; values: EventFormValues } | { kind: 'edit'; item: CalendarItem | CalendarEvent };

/** The user's zone, the one the form's wall-clock times are in and a series keeps across DST. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const API_FIELD_DEFS = API_FIELDS.map((name) => ({ name }));

/** What a deletion did, by what it applied to; a single event (no scope asked) is deleted as a whole series is. */
const REMOVED: Record<SeriesScope, string> = {
  occurrence: 'Occurrence cancelled',
  following: 'This and the following occurrences deleted',
  series: 'Event deleted',
};

interface EventFormProps {
  /** The event as loaded (edit), or none (create). */
  item: CalendarEvent | null;
  initial: EventFormValues;
  onDone: () => void;
  onReload: () => void;
}

function EventForm({ item, initial, onDone, onReload }: EventFormProps) {
  const users = useLookup('/api/v1/users');
  const write = useWriteEvent();
  const remove = useDeleteEvent();
  const scope = useSeriesScopeQuestion();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const form = useForm<EventFormValues>({ mode: 'controlled', initialValues: initial, validate: validateEvent });
  const recurring = item !== null && isOccurrence(item);

  const fail = (error: unknown) => {
    const described = describeProblem(error, API_FIELD_DEFS);
    form.setErrors(Object.fromEntries(Object.entries(described.fieldErrors).map(([field, message]) => [formFieldOf(field), message])));
    setProblem(described.summary.length > 0 ? described : null);
  };

  const submit = async (values: EventFormValues) => {
    setProblem(null);
    const zone = userTimeZone();
    try {
      if (!item) {
        await write.mutateAsync({ kind: 'create', body: createBody(values, zone) });
        notifications.show({ color: 'green', message: 'Event created' });
        return onDone();
      }
      const changes = changesBody(values, initial, zone);
      if (Object.keys(changes).length === 0) return onDone();
      // An occurrence asks what the change is for, as calendar apps do; a new repetition cannot be that occurrence's alone.
      const chosen = recurring ? await scope.ask('recurrence' in changes ? 'repeat' : 'save') : null;
      if (recurring && chosen === null) return;
      const series = chosen === 'series' || chosen === 'following' ? await fetchEvent(seriesIdOf(item)) : undefined;
      await write.mutateAsync(planChange(item, changes, chosen, series));
      notifications.show({ color: 'green', message: 'Event saved' });
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  const deleteEvent = async () => {
    if (!item) return;
    const chosen = recurring ? await scope.ask('delete') : null;
    if (recurring && chosen === null) return;
    if (!recurring && !confirmingDelete) return setConfirmingDelete(true);
    try {
      await remove.mutateAsync(planRemoval(item, chosen));
      notifications.show({ color: 'gray', message: REMOVED[chosen ?? 'series'] });
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="sm">
        {problem && <ProblemAlert problem={problem} onReload={onReload} />}
        <EventFields form={form} users={users.options} />
        <Group justify="space-between" gap="sm" mt="xs">
          <Group gap="xs">
            {item && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={remove.isPending} onClick={() => void deleteEvent()}>
                {confirmingDelete ? 'Click again to delete' : 'Delete'}
              </Button>
            )}
          </Group>
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={write.isPending}>
              {item ? 'Save' : 'Create'}
            </Button>
          </Group>
        </Group>
      </Stack>
      {scope.dialog}
    </form>
  );
}

/**
 * The event loaded fresh before editing (a calendar item carries only what
 * the grid draws), so the form shows every field and sends the current
 * version. An occurrence of a series is its series' row (or its own, once
 * edited) at the occurrence's times, repeating as the series does.
 */
function EditEvent({ item, onDone }: { item: CalendarItem | CalendarEvent; onDone: () => void }) {
  const loaded = useEvent(item.id);
  // an occurrence edited on its own is a row that does not repeat: the form shows its series' repetition
  const editedOccurrenceOf = isOccurrence(item) && seriesIdOf(item) !== item.id ? seriesIdOf(item) : null;
  const series = useEvent(editedOccurrenceOf);
  if (loaded.isPending || (editedOccurrenceOf && series.isPending))
    return (
      <Center h={120}>
        <Loader />
      </Center>
    );
  if (loaded.error || series.error) return <Alert color="red">{errorMessage(loaded.error ?? series.error)}</Alert>;
  const event = atOccurrence(loaded.data, item, series.data);
  return <EventForm key={`${event.id}@${event.version}`} item={event} initial={eventToForm(event)} onDone={onDone} onReload={() => void loaded.refetch()} />;
}

/**
 * The loaded row as the occurrence the calendar item stands for (its own
 * start, end and keys, the series' recurrence: the series' own row, or
 * `series` for an occurrence edited on its own); a single event as loaded.
 */
function atOccurrence(event: CalendarEvent, item: CalendarItem | CalendarEvent, series = event): CalendarEvent {
  if (!isOccurrence(item)) return event;
  return {
    ...event,
    startAt: item.startAt,
    endAt: item.endAt,
    recurrence: series.recurrence,
    seriesId: item.seriesId,
    originalStartAt: item.originalStartAt,
    occurrenceId: item.occurrenceId,
  };
}

interface EventFormDialogProps {
  target: EventFormTarget | null;
  onClose: () => void;
}

/** The event form in a modal: Esc or Cancel closes it, Enter submits, the API's refusals next to the fields. */
export function EventFormDialog({ target, onClose }: EventFormDialogProps) {
  const title = target?.kind === 'edit' ? `Edit ${target.item.subject}` : 'New event';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl" centered>
      {target?.kind === 'new' && <EventForm item={null} initial={target.values} onDone={onClose} onReload={() => undefined} />}
      {target?.kind === 'edit' && <EditEvent item={target.item} onDone={onClose} />}
    </Modal>
  );
}
