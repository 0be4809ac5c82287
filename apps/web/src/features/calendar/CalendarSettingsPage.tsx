import { ActionIcon, Alert, Badge, Button, Card, ColorSwatch, Group, Modal, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { useCalendars, useDeleteCalendar, type CalendarConfig } from './calendar-api';
import { CalendarForm } from './CalendarForm';
import { FeedButton } from './FeedButton';

type Editing = { calendar: CalendarConfig | null } | null;

/** Calendar configurations (Axelor's calendar settings): named views of followed users' and teams' events, optionally in the menu. */
export function CalendarSettingsPage() {
  const me = useCurrentUser().data;
  const calendars = useCalendars();
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CalendarConfig | null>(null);
  const rows = calendars.data?.items ?? [];
  const owner = (calendar: CalendarConfig) =>
    calendar.ownerTeamId ? `Team ${teams.nameOf(calendar.ownerTeamId) ?? '…'}` : (users.nameOf(calendar.ownerUserId) ?? '…');
  const followed = (calendar: CalendarConfig) =>
    [...calendar.followedUserIds.map((id) => users.nameOf(id) ?? '…'), ...calendar.followedTeamIds.map((id) => `Team ${teams.nameOf(id) ?? '…'}`)].join(', ');

  return (
    <>
      <PageHeader title="Calendars">
        <FeedButton />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ calendar: null })}>
          New calendar
        </Button>
      </PageHeader>
      {calendars.error && <Alert color="red">{errorMessage(calendars.error)}</Alert>}
      <Card withBorder padding={0}>
        <Table highlightOnHover aria-label="Calendars">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Belongs to</Table.Th>
              <Table.Th>Follows</Table.Th>
              <Table.Th>Menu</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((calendar) => (
              <Table.Tr key={calendar.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ColorSwatch color={calendar.colour} size={12} />
                    {calendar.name}
                  </Group>
                </Table.Td>
                <Table.Td>{owner(calendar)}</Table.Td>
                <Table.Td>{followed(calendar)}</Table.Td>
                <Table.Td>{calendar.inMenu && <Badge variant="light">In menu</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Open">
                      <ActionIcon variant="subtle" component={Link} to={`/events?calendarId=${calendar.id}`} aria-label={`Open ${calendar.name}`}>
                        <IconCalendar size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Edit">
                      <ActionIcon variant="subtle" aria-label={`Edit ${calendar.name}`} onClick={() => setEditing({ calendar })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${calendar.name}`} onClick={() => (remove.reset(), setDeleting(calendar))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {calendars.data && rows.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            No calendars yet
          </Text>
        )}
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.calendar ? `Edit ${editing.calendar.name}` : 'New calendar'}
        size="lg"
        centered
      >
        {editing && me && (
          <CalendarForm
            key={editing.calendar ? `${editing.calendar.id}@${editing.calendar.version}` : 'new'}
            calendar={editing.calendar}
            meId={me.id}
            isAdmin={me.role === 'admin'}
            users={users.options}
            teams={teams.options}
            onDone={() => setEditing(null)}
            onReload={() => {
              setEditing(null);
              void calendars.refetch();
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete calendar"
        message={`Delete ${deleting?.name ?? ''}? The events stay; only this view goes.`}
        confirmLabel="Delete"
        loading={remove.isPending}
        error={remove.error}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: 'Calendar deleted' });
              setDeleting(null);
            },
          })
        }
      />
    </>
  );
}
