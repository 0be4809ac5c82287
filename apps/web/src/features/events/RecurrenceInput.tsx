import { RECURRENCE_FREQUENCIES, WEEKDAYS, type RecurrenceFrequency, type Weekday } from '@crm/domain';
import { Checkbox, Chip, Group, Input, NumberInput, Radio, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { EventFormValues } from './event-form-values';

const FREQUENCY_LABELS: Record<RecurrenceFrequency, { label: string; unit: string }> = {
  daily: { label: 'Daily', unit: 'days' },
  weekly: { label: 'Weekly', unit: 'weeks' },
  monthly: { label: 'Monthly', unit: 'months' },
  yearly: { label: 'Yearly', unit: 'years' },
};
const WEEKDAY_LABELS: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** Repeats: how often (every N days/weeks/...), on which weekdays for a weekly series, and until when. */
export function RecurrenceInput({ form, disabled }: { form: UseFormReturnType<EventFormValues>; disabled?: boolean }) {
  const recurrence = form.values.recurrence;
  return (
    <Stack gap="xs">
      <Checkbox label="Repeats" disabled={disabled} {...form.getInputProps('recurrence.repeats', { type: 'checkbox' })} />
      {recurrence.repeats && (
        <Stack gap="xs" pl="lg">
          <Group grow align="flex-start">
            <Select
              label="Frequency"
              data={RECURRENCE_FREQUENCIES.map((value) => ({ value, label: FREQUENCY_LABELS[value].label }))}
              allowDeselect={false}
              {...form.getInputProps('recurrence.frequency')}
            />
            <NumberInput
              label={`Every (${FREQUENCY_LABELS[recurrence.frequency].unit})`}
              min={1}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('recurrence.interval')}
            />
          </Group>
          {recurrence.frequency === 'weekly' && (
            <Input.Wrapper label="On" error={form.errors['recurrence.byWeekday']}>
              <Chip.Group multiple value={recurrence.byWeekday} onChange={(days) => form.setFieldValue('recurrence.byWeekday', days)}>
                <Group gap={6} mt={4} role="group" aria-label="Weekdays">
                  {WEEKDAYS.map((day) => (
                    <Chip key={day} value={day} size="xs">
                      {WEEKDAY_LABELS[day]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
          )}
          <Radio.Group label="Ends" value={recurrence.ends} onChange={(value) => form.setFieldValue('recurrence.ends', value)}>
            <Stack gap={6} mt={4}>
              <Radio value="never" label="Never" />
              <Group gap="xs">
                <Radio value="count" label="After" />
                <NumberInput
                  aria-label="Number of occurrences"
                  w={90}
                  min={1}
                  max={1000}
                  allowDecimal={false}
                  disabled={recurrence.ends !== 'count'}
                  {...form.getInputProps('recurrence.count')}
                />
                <span>occurrences</span>
              </Group>
              <Group gap="xs" align="flex-start">
                <Radio value="until" label="On" mt={8} />
                <TextInput type="date" aria-label="Last day" disabled={recurrence.ends !== 'until'} {...form.getInputProps('recurrence.until')} />
              </Group>
            </Stack>
          </Radio.Group>
        </Stack>
      )}
    </Stack>
  );
}
