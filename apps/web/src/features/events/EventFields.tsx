import { CALL_DIRECTIONS, EVENT_PRIORITIES, EVENT_STATUSES, EVENT_TYPES, type EventType } from '@crm/domain';
import { Checkbox, Divider, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Switch, Textarea, TextInput, Input } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useList } from '../../api/resources';
import type { SelectOption } from '../../api/lookups';
import { RemoteSelect } from '../../ui/RemoteSelect';
import { contactName, CONTACTS_PATH } from '../contacts/contact-fields';
import { fullName } from '../leads/lead-fields';
import { partnerName } from '../partners/partner-fields';
import { AttendeeContactsInput } from './AttendeeContactsInput';
import type { EventFormValues } from './event-form-values';
import { RecurrenceInput } from './RecurrenceInput';
import { RemindersInput } from './RemindersInput';

export const TYPE_LABELS: Record<EventType, string> = { call: 'Call', meeting: 'Meeting', task: 'Task', event: 'Event' };
const STATUS_LABELS = { planned: 'Planned', realized: 'Realized', cancelled: 'Cancelled' } as const;
const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;
const DIRECTION_LABELS = { inbound: 'Inbound', outbound: 'Outbound' } as const;

function useCategories(type: EventType): SelectOption[] {
  const { data } = useList('/api/v1/event-categories', { sort: 'name', pageSize: 200 });
  return (data?.items ?? []).filter((category) => category.type === type).map((category) => ({ value: category.id, label: category.name }));
}

interface EventFieldsProps {
  form: UseFormReturnType<EventFormValues>;
  users: SelectOption[];
}

/** The event form's inputs; which ones show depends on the type (a call's direction, a task's priority and done box). */
export function EventFields({ form, users }: EventFieldsProps) {
  const values = form.values;
  const categories = useCategories(values.type);
  const setType = (type: EventType) => {
    form.setValues({
      type,
      // A category belongs to one type (Axelor clears it too); a call needs a direction, a task a priority.
      categoryId: null,
      callDirection: type === 'call' ? (values.callDirection ?? 'outbound') : null,
      priority: type === 'task' ? (values.priority ?? 'normal') : null,
    });
  };
  const dateType = values.allDay ? 'date' : 'datetime-local';

  return (
    <>
      <Input.Wrapper label="Type">
        <SegmentedControl
          fullWidth
          mt={4}
          value={values.type}
          onChange={(type) => setType(type)}
          data={EVENT_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type] }))}
        />
      </Input.Wrapper>
      <TextInput label="Subject" withAsterisk data-autofocus {...form.getInputProps('subject')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type={dateType} label={values.allDay ? 'First day' : 'Start'} withAsterisk {...form.getInputProps('start')} />
        <TextInput type={dateType} label={values.allDay ? 'Last day' : values.type === 'task' ? 'Due' : 'End'} withAsterisk {...form.getInputProps('end')} />
      </SimpleGrid>
      <Group gap="lg">
        <Switch
          label="All day"
          checked={values.allDay}
          onChange={(event) => {
            const allDay = event.currentTarget.checked;
            // Keep the days, switch the inputs' format.
            form.setValues({
              allDay,
              start: allDay ? values.start.slice(0, 10) : `${values.start.slice(0, 10)}T09:00`,
              end: allDay ? values.end.slice(0, 10) : `${values.end.slice(0, 10)}T10:00`,
            });
          }}
        />
        {values.type === 'task' && (
          <Checkbox
            label="Done"
            checked={values.status === 'realized'}
            onChange={(event) => form.setFieldValue('status', event.currentTarget.checked ? 'realized' : 'planned')}
          />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {values.type === 'call' && (
          <Select
            label="Direction"
            data={CALL_DIRECTIONS.map((value) => ({ value, label: DIRECTION_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('callDirection')}
          />
        )}
        {values.type === 'task' && (
          <Select
            label="Priority"
            data={EVENT_PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('priority')}
          />
        )}
        <Select
          label="Status"
          data={EVENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Select label="Category" data={categories} clearable searchable {...form.getInputProps('categoryId')} />
        <TextInput label="Location" {...form.getInputProps('location')} />
        <Select
          label="Assigned to"
          data={users}
          searchable
          description="Whose calendar it is on; you when empty"
          clearable
          {...form.getInputProps('assignedToId')}
        />
      </SimpleGrid>
      <Divider label="People and links" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label="Attending users" data={users} searchable clearable {...form.getInputProps('attendeeUserIds')} />
        <AttendeeContactsInput
          value={values.attendeeContactIds}
          onChange={(ids) => form.setFieldValue('attendeeContactIds', ids)}
          error={form.errors.attendeeContactIds as string | undefined}
        />
        <RemoteSelect
          label="Lead"
          path="/api/v1/leads"
          optionLabel={fullName}
          sort="lastName"
          clearable
          {...form.getInputProps('leadId')}
          value={values.leadId}
          onChange={(id) => form.setFieldValue('leadId', id)}
        />
        <RemoteSelect
          label="Customer"
          path="/api/v1/partners"
          optionLabel={partnerName}
          sort="name"
          clearable
          {...form.getInputProps('partnerId')}
          value={values.partnerId}
          onChange={(id) => form.setFieldValue('partnerId', id)}
        />
        <RemoteSelect
          label="Contact"
          path={CONTACTS_PATH}
          optionLabel={contactName}
          sort="lastName"
          query={values.partnerId ? { partnerId: values.partnerId } : undefined}
          clearable
          {...form.getInputProps('contactId')}
          value={values.contactId}
          onChange={(id) => form.setFieldValue('contactId', id)}
        />
        <RemoteSelect
          label="Opportunity"
          path="/api/v1/opportunities"
          sort="name"
          clearable
          {...form.getInputProps('opportunityId')}
          value={values.opportunityId}
          onChange={(id) => form.setFieldValue('opportunityId', id)}
        />
      </SimpleGrid>
      <Divider label="Reminders and repetition" labelPosition="left" />
      <RemindersInput form={form} />
      <RecurrenceInput form={form} />
      <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
    </>
  );
}
