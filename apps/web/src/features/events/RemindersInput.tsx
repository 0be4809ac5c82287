import { REMINDER_CHANNELS, type ReminderChannel } from '@crm/domain';
import { ActionIcon, Button, Group, Input, NumberInput, Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconBell, IconTrash } from '@tabler/icons-react';
import type { EventFormValues } from './event-form-values';

const CHANNEL_LABELS: Record<ReminderChannel, string> = { notification: 'In the CRM', email: 'By email' };

/** The event's reminders: minutes before the start, and how each one reaches the organiser. */
export function RemindersInput({ form }: { form: UseFormReturnType<EventFormValues> }) {
  const reminders = form.values.reminders;
  const error = Object.entries(form.errors).find(([key]) => key === 'reminders' || key.startsWith('reminders.'))?.[1];
  return (
    <Input.Wrapper label="Reminders" error={error}>
      <Stack gap={6} mt={4}>
        {reminders.map((_, index) => (
          <Group key={index} gap="xs" wrap="nowrap">
            <NumberInput
              aria-label={`Minutes before, reminder ${index + 1}`}
              min={0}
              allowDecimal={false}
              w={110}
              suffix=" min"
              {...form.getInputProps(`reminders.${index}.offsetMinutes`)}
            />
            <Select
              aria-label={`Channel, reminder ${index + 1}`}
              data={REMINDER_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
              allowDeselect={false}
              w={150}
              {...form.getInputProps(`reminders.${index}.channel`)}
            />
            <ActionIcon variant="subtle" color="red" aria-label={`Remove reminder ${index + 1}`} onClick={() => form.removeListItem('reminders', index)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconBell size={14} />}
            onClick={() => form.insertListItem('reminders', { offsetMinutes: 15, channel: 'notification' })}
          >
            Add reminder
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
