import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLookup } from '../../api/lookups';
import { useDeleteRecord } from '../../api/resources';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ListScreen } from '../../ui/list-screen/ListScreen';
import type { ListColumn, ListFilter } from '../../ui/list-screen/types';
import { PageHeader } from '../../ui/PageHeader';
import { forWhomOf, FREQUENCY_LABELS, formatRange, targetsSummary, type Objective } from './objective-progress';
import { ObjectiveFormModal, type ObjectiveEditing } from './ObjectiveFormModal';
import { OBJECTIVES_PATH, useCanSetObjectives } from './objectives-api';

/**
 * Configuration > Objectives: every objective the user may read, with
 * search, filters and paging in the URL. Admins and managers create, edit
 * and delete; a salesperson reads, and opens an objective's progress.
 */
export function ObjectivesConfigPage() {
  const canSet = useCanSetObjectives();
  const navigate = useNavigate();
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const [editing, setEditing] = useState<ObjectiveEditing>(null);
  const [deleting, setDeleting] = useState<Objective | null>(null);
  const remove = useDeleteRecord(OBJECTIVES_PATH);

  const columns = useMemo<ListColumn<Objective>[]>(
    () => [
      { label: 'Name', field: 'name', sortable: true },
      {
        label: 'For',
        field: 'userId',
        render: (row) => forWhomOf(row, users, teams),
      },
      { label: 'Frequency', field: 'frequency', render: (row) => <Badge variant="light">{FREQUENCY_LABELS[row.frequency]}</Badge> },
      { label: 'Range', field: 'from', sortable: true, nowrap: true, render: (row) => formatRange(row.from, row.to) },
      {
        label: 'Targets per period',
        field: 'targets',
        render: (row) => (
          <Text size="sm" c="dimmed">
            {targetsSummary(row.targets, row.currency)}
          </Text>
        ),
      },
    ],
    [users, teams],
  );

  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'select', param: 'userId', label: 'Salesperson', options: users.options },
      { kind: 'select', param: 'teamId', label: 'Team', options: teams.options },
    ],
    [users, teams],
  );

  const rowActions = (row: Objective) => (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label="Progress">
        <ActionIcon variant="subtle" component={Link} to={`/objectives/${row.id}`} aria-label={`Progress of ${row.name}`}>
          <IconChartBar size={16} />
        </ActionIcon>
      </Tooltip>
      {canSet && (
        <>
          <Tooltip label="Edit">
            <ActionIcon variant="subtle" aria-label={`Edit ${row.name}`} onClick={() => setEditing({ mode: 'edit', id: row.id })}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${row.name}`}
              onClick={() => {
                remove.reset();
                setDeleting(row);
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </>
      )}
    </Group>
  );

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Objective deleted' });
        setDeleting(null);
      },
    });
  };

  return (
    <>
      <PageHeader title="Objectives" />
      <ListScreen
        path={OBJECTIVES_PATH}
        columns={columns}
        filters={filters}
        defaultSort="-from"
        noun="objectives"
        newAction={canSet ? { label: 'New objective', onClick: () => setEditing({ mode: 'create' }) } : undefined}
        onRowClick={(row) => (canSet ? setEditing({ mode: 'edit', id: row.id }) : void navigate(`/objectives/${row.id}`))}
        rowActions={rowActions}
      />
      <ObjectiveFormModal editing={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete objective"
        message={deleting ? `Delete "${deleting.name}"? Its progress is computed from the records, which stay. This cannot be undone.` : ''}
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
        loading={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
