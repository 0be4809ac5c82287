import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeleteRecord } from '../../api/resources';
import type { CollectionPath, ListRow } from '../../api/resource-types';
import { useIsAdmin } from '../../api/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ListScreen } from '../../ui/list-screen/ListScreen';
import { PageHeader } from '../../ui/PageHeader';
import { RecordFormModal } from '../../ui/record-form/RecordFormModal';
import type { ConfigList } from './config-list';

type Editing = { mode: 'create' } | { mode: 'edit'; id: string } | null;

function idOf(row: unknown): string {
  return typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' ? row.id : '';
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * A configuration list (lead sources, users, teams...): the list, a modal
 * to create or edit, and delete with confirmation. Only admins see the
 * write actions; the API refuses the others (403) anyway.
 */
export function ConfigListPage<P extends CollectionPath>({ list }: { list: ConfigList<P> }) {
  const isAdmin = useIsAdmin();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ListRow<P> | null>(null);
  const remove = useDeleteRecord(list.path);

  const close = () => setEditing(null);
  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(idOf(deleting), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: `${capitalize(list.singular)} deleted` });
        setDeleting(null);
      },
    });
  };

  const rowActions = (row: ListRow<P>) => (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" aria-label={`Edit ${list.nameOf(row)}`} onClick={() => setEditing({ mode: 'edit', id: idOf(row) })}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Delete">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Delete ${list.nameOf(row)}`}
          onClick={() => {
            remove.reset();
            setDeleting(row);
          }}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  return (
    <>
      <PageHeader title={list.title} />
      <ListScreen
        path={list.path}
        columns={list.columns}
        filters={list.filters}
        defaultSort={list.defaultSort ?? 'name'}
        noun={list.title.toLowerCase()}
        newAction={isAdmin ? { label: `New ${list.singular}`, onClick: () => setEditing({ mode: 'create' }) } : undefined}
        onRowClick={isAdmin ? (row) => setEditing({ mode: 'edit', id: idOf(row) }) : undefined}
        rowActions={isAdmin ? rowActions : undefined}
      />
      <RecordFormModal
        opened={editing !== null}
        onClose={close}
        title={editing?.mode === 'edit' ? `Edit ${list.singular}` : `New ${list.singular}`}
        path={list.path}
        recordId={editing?.mode === 'edit' ? editing.id : undefined}
        fields={list.fields(editing?.mode ?? 'create')}
        defaults={list.defaults}
        savedMessage={`${capitalize(list.singular)} saved`}
        onSaved={close}
        size={list.modalSize}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${list.singular}`}
        message={deleting ? `Delete "${list.nameOf(deleting)}"? This cannot be undone.` : ''}
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
        loading={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
