import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { PageHeader } from './PageHeader';

/** Stands in for a section that a later issue builds. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl">
        <Stack align="center" gap="xs">
          <ThemeIcon size="xl" variant="light" radius="xl">
            <IconTools />
          </ThemeIcon>
          <Text fw={500}>Coming soon</Text>
          <Text c="dimmed" size="sm">
            {title} is not available in this version of the CRM yet.
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
