import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useList } from '../../api/resources';
import { FormDialog } from '../../ui/FormDialog';
import { describeProblem } from '../../ui/record-form/problem-errors';

export interface LostReasonValues {
  lostReasonId: string;
  note?: string;
}

const FIELDS = [{ name: 'lostReasonId' }, { name: 'note' }];

interface LostReasonDialogProps {
  opened: boolean;
  /** The deal's name, for the title. */
  name: string;
  onClose: () => void;
  /** Does the call; a rejection shows the API's problem in the dialog. */
  onSubmit: (values: LostReasonValues) => Promise<unknown>;
  /** The note is offered when the action takes one (closing does, a kanban move does not). */
  withNote?: boolean;
}

/** Asks why a deal was lost, then closes it (or moves it to Closed lost). */
export function LostReasonDialog({ opened, name, onClose, onSubmit, withNote = true }: LostReasonDialogProps) {
  const { data } = useList('/api/v1/lost-reasons', { sort: 'name', pageSize: 200 });
  const reasons = data?.items ?? [];
  const [problems, setProblems] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const form = useForm<{ lostReasonId: string | null; note: string }>({
    initialValues: { lostReasonId: null, note: '' },
    validate: { lostReasonId: (value) => (value ? null : 'Choose why the deal was lost') },
  });
  const close = () => {
    setProblems([]);
    form.reset();
    onClose();
  };
  const submit = async (values: { lostReasonId: string | null; note: string }) => {
    setLoading(true);
    try {
      const note = values.note.trim();
      await onSubmit({ lostReasonId: values.lostReasonId!, ...(note && withNote ? { note } : {}) });
      close();
    } catch (error) {
      const problem = describeProblem(error, FIELDS);
      form.setErrors(problem.fieldErrors);
      setProblems(problem.summary);
    } finally {
      setLoading(false);
    }
  };
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`Lose ${name}`}
      submitLabel="Mark as lost"
      color="red"
      onSubmit={form.onSubmit((values) => void submit(values))}
      loading={loading}
      problems={problems}
    >
      <Select
        label="Lost reason"
        withAsterisk
        data={reasons.map((reason) => ({ value: reason.id, label: reason.name }))}
        data-autofocus
        {...form.getInputProps('lostReasonId')}
      />
      {withNote && <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />}
    </FormDialog>
  );
}
