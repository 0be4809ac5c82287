import { Alert, Badge, Button, Card, Checkbox, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import { formatDate, formatDateTime } from '../../ui/format';
import { useEventList, useWriteEvent } from './event-api';
import { newEventValues } from './event-form-values';
import type { CalendarEvent, EventLink } from './event-types';
import { TYPE_LABELS } from './EventFields';
import { EventFormDialog, type EventFormTarget } from './EventFormDialog';

const PAGE_SIZE = 20;
const STATUS_COLORS = { planned: 'blue', realized: 'green', cancelled: 'red' } as const;

function when(event: CalendarEvent): string {
  return event.allDay ? formatDate(event.startAt) : formatDateTime(event.startAt);
}

/** A task's done box: ticking it marks the task realized. */
function DoneBox({ event }: { event: CalendarEvent }) {
  const write = useWriteEvent();
  return (
    <Checkbox
      aria-label={`Done: ${event.subject}`}
      checked={event.status === 'realized'}
      disabled={write.isPending || event.status === 'cancelled'}
      onClick={(click) => click.stopPropagation()}
      onChange={(change) =>
        write.mutate(
          { kind: 'event', id: event.id, body: { status: change.currentTarget.checked ? 'realized' : 'planned', version: event.version } },
          { onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }) },
        )
      }
    />
  );
}

/** "New event" already linked to the record, opened from its page. */
export function NewEventButton({ link, label = 'New event' }: { link: EventLink; label?: string }) {
  const me = useCurrentUser().data;
  const [target, setTarget] = useState<EventFormTarget | null>(null);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCalendarPlus size={16} />}
        onClick={() => setTarget({ kind: 'new', values: newEventValues({ link, assignedToId: me?.id ?? null }) })}
      >
        {label}
      </Button>
      <EventFormDialog target={target} onClose={() => setTarget(null)} />
    </>
  );
}

/**
 * The events linked to a lead, partner, contact or opportunity (`link`, also
 * the list's filter), newest first, with "New event" linked to it and to
 * `prefill`'s records (a contact's partner).
 */
export function RecordEvents({ link, prefill }: { link: EventLink; prefill?: EventLink }) {
  const users = useLookup('/api/v1/users');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<EventFormTarget | null>(null);
  const { data, error, isPending } = useEventList({ ...link, sort: '-startAt', page, pageSize: PAGE_SIZE });
  const rows = data?.items ?? [];
  const pages = data ? Math.ceil(data.total / PAGE_SIZE) : 1;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <NewEventButton link={{ ...prefill, ...link }} />
      </Group>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <Card withBorder padding={0}>
        <Table highlightOnHover aria-label="Events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Assigned to</Table.Th>
              <Table.Th>Done</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((event) => (
              <Table.Tr key={event.id} style={{ cursor: 'pointer' }} onClick={() => setEditing({ kind: 'edit', item: event })}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(event)}</Table.Td>
                <Table.Td>{TYPE_LABELS[event.type]}</Table.Td>
                <Table.Td>
                  {event.subject}
                  {event.recurrence && (
                    <Badge ml="xs" size="xs" variant="outline" color="gray">
                      Repeats
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[event.status]}>
                    {event.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{users.nameOf(event.assignedToId) ?? ''}</Table.Td>
                <Table.Td>{event.type === 'task' ? <DoneBox event={event} /> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!isPending && rows.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            No events yet
          </Text>
        )}
      </Card>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      <EventFormDialog target={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
