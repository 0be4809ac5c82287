import { Alert, Center, Loader, Modal } from '@mantine/core';
import { errorMessage } from '../../api/problem';
import { useRecord } from '../../api/resources';
import type { CollectionPath, RecordOf } from '../../api/resource-types';
import { RecordForm, type EditedRecord, type RecordFormProps } from './RecordForm';

type RecordFormModalProps<P extends CollectionPath> = Omit<RecordFormProps<P>, 'record' | 'onCancel'> & {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The record to edit, loaded fresh so the form sends its current `version`; none: create. */
  recordId?: string;
  size?: string;
};

function isEditable<R>(record: R): record is R & EditedRecord {
  return typeof record === 'object' && record !== null && 'id' in record && 'version' in record && typeof record.version === 'number';
}

function EditForm<P extends CollectionPath>({ recordId, ...props }: RecordFormProps<P> & { recordId: string }) {
  const { data, error, isPending } = useRecord(props.path, recordId);
  if (isPending)
    return (
      <Center h={120}>
        <Loader />
      </Center>
    );
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  const record: RecordOf<P> = data;
  return isEditable(record) ? <RecordForm {...props} record={record} /> : null;
}

/** A record form in a modal: Esc or Cancel closes it, Enter submits. */
export function RecordFormModal<P extends CollectionPath>({ opened, onClose, title, recordId, size = 'md', ...formProps }: RecordFormModalProps<P>) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      {recordId ? <EditForm {...formProps} recordId={recordId} onCancel={onClose} /> : <RecordForm {...formProps} onCancel={onClose} />}
    </Modal>
  );
}
