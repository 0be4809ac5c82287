import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { FormProblem } from './problem-errors';

/** A refused save above a form: the API's messages, and "Reload" when the record changed meanwhile (409). */
export function ProblemAlert({ problem, onReload }: { problem: FormProblem; onReload: () => void }) {
  return (
    <Alert color={problem.stale ? 'yellow' : 'red'} icon={<IconAlertTriangle />} role="alert">
      <Stack gap={4} align="flex-start">
        {problem.summary.map((message) => (
          <Text key={message} size="sm">
            {message}
          </Text>
        ))}
        {problem.stale && (
          <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onReload}>
            Reload
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
