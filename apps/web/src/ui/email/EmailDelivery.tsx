import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEmailStatus, type OutboundEmail } from '../../api/emails';

/** The body of the "email queued" notification: it follows the email until it is sent or fails. */
export function EmailDelivery({ email }: { email: OutboundEmail }) {
  const { data } = useEmailStatus(email.id);
  const current = data ?? email;
  switch (current.status) {
    case 'sent':
      return (
        <Group gap={6} wrap="nowrap">
          <IconCheck size={16} color="var(--mantine-color-green-6)" aria-hidden />
          <Text size="sm">Sent to {current.toAddress}</Text>
        </Group>
      );
    case 'failed':
      return (
        <Group gap={6} wrap="nowrap">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" aria-hidden />
          <Text size="sm">
            Not sent to {current.toAddress}: {current.lastError ?? 'the mail server refused it'}
          </Text>
        </Group>
      );
    default:
      return (
        <Group gap={6} wrap="nowrap">
          <Loader size={14} />
          <Text size="sm">Queued for {current.toAddress}; it is sent in the background.</Text>
        </Group>
      );
  }
}
