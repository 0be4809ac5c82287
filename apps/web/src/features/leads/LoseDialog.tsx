import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useList } from '../../api/resources';
import { FormDialog } from '../../ui/FormDialog';
import { describeProblem } from '../../ui/record-form/problem-errors';
import { fullName } from './lead-fields';
import { useLoseLead, type Lead } from './lead-actions';

interface LoseValues {
  lostReasonId: string | null;
  note: string;
}

const LOSE_FIELDS = [{ name: 'lostReasonId' }, { name: 'note' }];

/** Reasons, with whether each asks for an explanation (the names lookup does not carry that). */
function useLostReasons() {
  const { data } = useList('/api/v1/lost-reasons', { sort: 'name', pageSize: 200 });
  return data?.items ?? [];
}

interface LoseDialogProps {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
}

/** Marks the lead lost with a reason, and an explanation when the reason asks for one. */
export function LoseDialog({ lead, opened, onClose }: LoseDialogProps) {
  const reasons = useLostReasons();
  const lose = useLoseLead();
  const [problems, setProblems] = useState<string[]>([]);
  const asksForNote = (reasonId: string | null) => reasons.some((reason) => reason.id === reasonId && reason.freeText);
  const form = useForm<LoseValues>({
    initialValues: { lostReasonId: null, note: '' },
    validate: {
      lostReasonId: (value) => (value ? null : 'Choose why the lead was lost'),
      note: (value, values) => (asksForNote(values.lostReasonId) && !value.trim() ? 'This reason needs an explanation' : null),
    },
  });
  const close = () => {
    setProblems([]);
    form.reset();
    onClose();
  };
  const submit = (values: LoseValues) => {
    const note = values.note.trim();
    lose.mutate(
      { id: lead.id, body: { lostReasonId: values.lostReasonId!, ...(note ? { note } : {}) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'gray', message: `${fullName(lead)} marked as lost` });
          close();
        },
        onError: (error) => {
          const problem = describeProblem(error, LOSE_FIELDS);
          form.setErrors(problem.fieldErrors);
          setProblems(problem.summary);
        },
      },
    );
  };
  const withNote = asksForNote(form.values.lostReasonId);

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`Lose ${fullName(lead)}`}
      submitLabel="Mark as lost"
      color="red"
      onSubmit={form.onSubmit(submit)}
      loading={lose.isPending}
      problems={problems}
    >
      <Select
        label="Lost reason"
        withAsterisk
        data={reasons.map((reason) => ({ value: reason.id, label: reason.name }))}
        data-autofocus
        {...form.getInputProps('lostReasonId')}
      />
      {withNote && (
        <Textarea label="Note" description="This reason asks for an explanation." withAsterisk autosize minRows={3} {...form.getInputProps('note')} />
      )}
    </FormDialog>
  );
}
