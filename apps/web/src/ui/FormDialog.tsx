import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

interface FormDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  loading?: boolean;
  /** What the API said that no field shows (a 422's detail). */
  problems?: string[];
  size?: string;
  /** Colour of the submit button: red for "Lose". */
  color?: string;
  children: ReactNode;
}

/** A modal form for an action: Enter submits, Esc or Cancel closes, the API's refusal on top. */
export function FormDialog({ opened, onClose, title, submitLabel, onSubmit, loading, problems = [], size = 'md', color, children }: FormDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {problems.length > 0 && (
            <Alert color="red" role="alert">
              {problems.map((message) => (
                <Text key={message} size="sm">
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} color={color}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
