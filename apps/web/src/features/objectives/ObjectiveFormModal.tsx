import { Alert, Center, Loader, Modal } from '@mantine/core';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { useRecord } from '../../api/resources';
import { ObjectiveForm } from './ObjectiveForm';
import type { Objective } from './objective-progress';
import { OBJECTIVES_PATH } from './objectives-api';

/** What the modal is doing: a new objective, or editing one by id. */
export type ObjectiveEditing = { mode: 'create' } | { mode: 'edit'; id: string } | null;

interface FormProps {
  onSaved: (saved: Objective) => void;
  onClose: () => void;
}

function EditObjective({ id, onSaved, onClose }: FormProps & { id: string }) {
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  // Loaded fresh, so the form sends the current version.
  const record = useRecord(OBJECTIVES_PATH, id);
  if (record.isPending)
    return (
      <Center h={160}>
        <Loader />
      </Center>
    );
  if (record.isError) return <Alert color="red">{errorMessage(record.error)}</Alert>;
  return (
    <ObjectiveForm
      key={`${record.data.id}@${record.data.version}`}
      objective={record.data}
      users={users.options}
      teams={teams.options}
      onDone={onSaved}
      onCancel={onClose}
      onReload={() => void record.refetch()}
    />
  );
}

function NewObjective({ onSaved, onClose }: FormProps) {
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  return <ObjectiveForm objective={null} users={users.options} teams={teams.options} onDone={onSaved} onCancel={onClose} onReload={onClose} />;
}

/** The objective form in a modal: Esc or Cancel closes it, Enter submits. */
export function ObjectiveFormModal({ editing, onClose, onSaved }: { editing: ObjectiveEditing; onClose: () => void; onSaved?: (saved: Objective) => void }) {
  const saved = (objective: Objective) => {
    onClose();
    onSaved?.(objective);
  };
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing?.mode === 'edit' ? 'Edit objective' : 'New objective'} size="xl" centered>
      {editing?.mode === 'edit' && <EditObjective id={editing.id} onSaved={saved} onClose={onClose} />}
      {editing?.mode === 'create' && <NewObjective onSaved={saved} onClose={onClose} />}
    </Modal>
  );
}
