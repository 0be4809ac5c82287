import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';

/** Why there is nothing about events yet: they are built with the calendar. */
export const EVENTS_LATER = 'Events arrive with the calendar';

export function EventsPlaceholder() {
  return (
    <Group gap="sm" py="md">
      <ThemeIcon variant="light" color="gray" radius="xl">
        <IconCalendarEvent size={16} />
      </ThemeIcon>
      <Text c="dimmed">{EVENTS_LATER}</Text>
    </Group>
  );
}
