import { Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useSendEmail, type EmailBody } from '../../api/emails';
import type { EmailPath } from '../../api/resource-types';
import { ActionButton } from '../ActionButton';
import { FormDialog } from '../FormDialog';
import { describeProblem } from '../record-form/problem-errors';
import { EmailDelivery } from './EmailDelivery';

const EMAIL_FIELDS = [{ name: 'subject' }, { name: 'body' }];

interface SendEmailDialogProps {
  path: EmailPath;
  id: string;
  to: string;
  opened: boolean;
  onClose: () => void;
}

function SendEmailDialog({ path, id, to, opened, onClose }: SendEmailDialogProps) {
  const send = useSendEmail(path, id);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<EmailBody>({
    initialValues: { subject: '', body: '' },
    validate: {
      subject: (value) => (value.trim() ? null : 'Subject is required'),
      body: (value) => (value.trim() ? null : 'Message is required'),
    },
  });
  const close = () => {
    form.reset();
    setProblems([]);
    onClose();
  };
  const submit = (values: EmailBody) => {
    setProblems([]);
    send.mutate(
      { subject: values.subject.trim(), body: values.body },
      {
        onSuccess: (email) => {
          // The notification's body follows the delivery by itself.
          notifications.show({ id: `email-${email.id}`, color: 'blue', title: 'Email queued', message: <EmailDelivery email={email} />, autoClose: 10_000 });
          close();
        },
        onError: (error) => {
          const problem = describeProblem(error, EMAIL_FIELDS);
          form.setErrors(problem.fieldErrors);
          setProblems(problem.summary);
        },
      },
    );
  };
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`Email ${to}`}
      submitLabel="Send"
      onSubmit={form.onSubmit(submit)}
      loading={send.isPending}
      problems={problems}
      size="lg"
    >
      <TextInput label="Subject" withAsterisk data-autofocus {...form.getInputProps('subject')} />
      <Textarea label="Message" withAsterisk autosize minRows={6} maxRows={16} {...form.getInputProps('body')} />
    </FormDialog>
  );
}

interface SendEmailActionProps {
  path: EmailPath;
  id: string;
  email: string | null;
  /** The recipient refuses emails (leads and contacts). */
  doNotEmail?: boolean;
}

/** "Send email…" and its dialog; disabled, saying why, when there is no one to write to. */
export function SendEmailAction({ path, id, email, doNotEmail }: SendEmailActionProps) {
  const [opened, setOpened] = useState(false);
  const reason = doNotEmail ? 'Does not want to receive emails (Do not email).' : !email ? 'There is no email address to write to.' : null;
  return (
    <>
      <ActionButton variant="default" leftSection={<IconMail size={16} />} disabledReason={reason} onClick={() => setOpened(true)}>
        Send email…
      </ActionButton>
      {email && !reason && <SendEmailDialog path={path} id={id} to={email} opened={opened} onClose={() => setOpened(false)} />}
    </>
  );
}
