import { Select } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useLookup } from '../../api/lookups';
import { describeProblem } from '../../ui/record-form/problem-errors';
import { FormDialog } from '../../ui/FormDialog';
import { fullName } from './lead-fields';
import { useAssignLead, type Lead } from './lead-actions';

interface AssignDialogProps {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
}

/** Hands the lead to a user of the CRM. */
export function AssignDialog({ lead, opened, onClose }: AssignDialogProps) {
  const users = useLookup('/api/v1/users');
  const assign = useAssignLead();
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<{ userId: string | null }>({
    initialValues: { userId: lead.assignedToId },
    validate: { userId: (value) => (value ? null : 'Choose who takes the lead') },
  });
  const close = () => {
    setProblems([]);
    form.reset();
    onClose();
  };
  const submit = ({ userId }: { userId: string | null }) =>
    assign.mutate(
      { id: lead.id, userId: userId ?? undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `${fullName(lead)} assigned to ${users.nameOf(userId) ?? 'the user'}` });
          close();
        },
        onError: (error) => {
          const problem = describeProblem(error, [{ name: 'userId' }]);
          form.setErrors(problem.fieldErrors);
          setProblems(problem.summary);
        },
      },
    );

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`Assign ${fullName(lead)}`}
      submitLabel="Assign"
      onSubmit={form.onSubmit(submit)}
      loading={assign.isPending}
      problems={problems}
    >
      <Select label="Assign to" withAsterisk searchable data={users.options} data-autofocus {...form.getInputProps('userId')} />
    </FormDialog>
  );
}
