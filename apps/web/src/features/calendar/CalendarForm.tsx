import { Alert, Button, Checkbox, ColorInput, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SelectOption } from '../../api/lookups';
import { describeProblem, type FormProblem } from '../../ui/record-form/problem-errors';
import { useSaveCalendar, type CalendarChanges, type CalendarConfig } from './calendar-api';

interface CalendarValues {
  name: string;
  owner: 'user' | 'team';
  ownerUserId: string | null;
  ownerTeamId: string | null;
  followedUserIds: string[];
  followedTeamIds: string[];
  colour: string;
  inMenu: boolean;
}

const FIELDS = ['name', 'ownerUserId', 'ownerTeamId', 'followedUserIds', 'followedTeamIds', 'colour', 'inMenu'].map((name) => ({ name }));

function toValues(calendar: CalendarConfig | null, meId: string): CalendarValues {
  return {
    name: calendar?.name ?? '',
    owner: calendar?.ownerTeamId ? 'team' : 'user',
    ownerUserId: calendar ? calendar.ownerUserId : meId,
    ownerTeamId: calendar?.ownerTeamId ?? null,
    followedUserIds: calendar?.followedUserIds ?? [],
    followedTeamIds: calendar?.followedTeamIds ?? [],
    colour: calendar?.colour ?? '#3b82f6',
    inMenu: calendar?.inMenu ?? true,
  };
}

/** The request body: owned by a user or a team (the other one null), and on edit only what changed plus the version. */
export function calendarBody(values: CalendarValues, initial: CalendarValues, calendar: CalendarConfig | null): CalendarChanges {
  const body: CalendarChanges = {
    name: values.name.trim(),
    ownerUserId: values.owner === 'user' ? values.ownerUserId : null,
    ownerTeamId: values.owner === 'team' ? values.ownerTeamId : null,
    followedUserIds: values.followedUserIds,
    followedTeamIds: values.followedTeamIds,
    colour: values.colour,
    inMenu: values.inMenu,
  };
  if (!calendar) return body;
  const before: CalendarChanges = calendarBody(initial, initial, null);
  const changes = Object.fromEntries(
    Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof CalendarChanges])),
  );
  return { ...changes, version: calendar.version };
}

interface CalendarFormProps {
  calendar: CalendarConfig | null;
  meId: string;
  isAdmin: boolean;
  users: SelectOption[];
  teams: SelectOption[];
  onDone: () => void;
  onReload: () => void;
}

/** A calendar configuration: its name, whose it is, whom it follows, its colour, and whether it is in the menu. */
export function CalendarForm({ calendar, meId, isAdmin, users, teams, onDone, onReload }: CalendarFormProps) {
  const [initial] = useState(() => toValues(calendar, meId));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useSaveCalendar();
  const form = useForm<CalendarValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() ? null : 'Name is required'),
      ownerTeamId: (value, values) => (values.owner === 'team' && !value ? 'Choose the team' : null),
    },
  });
  const submit = (values: CalendarValues) => {
    setProblem(null);
    save.mutate(
      { id: calendar?.id, body: calendarBody(values, initial, calendar) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: calendar ? 'Calendar saved' : 'Calendar created' });
          onDone();
        },
        onError: (error) => {
          const described = describeProblem(error, FIELDS);
          form.setErrors(described.fieldErrors);
          setProblem(described.summary.length ? described : null);
        },
      },
    );
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        {problem && (
          <Alert color={problem.stale ? 'yellow' : 'red'} role="alert">
            {problem.summary.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
            {problem.stale && (
              <Button size="xs" variant="light" mt="xs" onClick={onReload}>
                Reload
              </Button>
            )}
          </Alert>
        )}
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Belongs to"
            data={[
              { value: 'user', label: 'A user' },
              { value: 'team', label: 'A team' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('owner')}
          />
          {form.values.owner === 'user' ? (
            // Only an admin gives a calendar to someone else.
            <Select label="Owner" data={users} searchable disabled={!isAdmin} allowDeselect={false} {...form.getInputProps('ownerUserId')} />
          ) : (
            <Select label="Team" data={teams} searchable withAsterisk {...form.getInputProps('ownerTeamId')} />
          )}
        </SimpleGrid>
        <MultiSelect label="Followed users" description="Whose events it shows" data={users} searchable clearable {...form.getInputProps('followedUserIds')} />
        <MultiSelect label="Followed teams" description="Their members' events" data={teams} searchable clearable {...form.getInputProps('followedTeamIds')} />
        <ColorInput label="Colour" format="hex" {...form.getInputProps('colour')} />
        <Checkbox
          label="Show in the menu"
          description="For the users it belongs to (the team's members)"
          {...form.getInputProps('inMenu', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {calendar ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
