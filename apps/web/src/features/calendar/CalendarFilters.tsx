import { EVENT_TYPES } from '@crm/domain';
import { Group, MultiSelect, SegmentedControl, Select } from '@mantine/core';
import type { SelectOption } from '../../api/lookups';
import { TYPE_LABELS } from '../events/EventFields';
import type { CalendarState, UserFilter } from './calendar-state';

interface CalendarFiltersProps {
  state: CalendarState;
  meId: string | undefined;
  users: SelectOption[];
  teams: SelectOption[];
  /** Calendar configurations the user may open; none: the filter is not shown. */
  calendars: SelectOption[];
  onChange: (change: Partial<CalendarState>) => void;
}

/** Users chosen in the select, and back: the signed-in user alone is "mine", nobody is "everyone". */
function chosenUsers(filter: UserFilter, meId: string | undefined): string[] {
  if (filter.kind === 'some') return filter.ids;
  return filter.kind === 'mine' && meId ? [meId] : [];
}

function userFilter(ids: string[], meId: string | undefined): UserFilter {
  if (ids.length === 0) return { kind: 'all' };
  if (ids.length === 1 && ids[0] === meId) return { kind: 'mine' };
  return { kind: 'some', ids };
}

/** What the calendar shows (types, people, team, calendar) and how it colours events. */
export function CalendarFilters({ state, meId, users, teams, calendars, onChange }: CalendarFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <MultiSelect
        label="Types"
        placeholder={state.types.length ? undefined : 'All types'}
        data={EVENT_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type] }))}
        value={state.types}
        onChange={(types) => onChange({ types })}
        clearable
        w={240}
      />
      <MultiSelect
        label="People"
        placeholder={chosenUsers(state.users, meId).length ? undefined : state.teamId || state.calendarId ? 'Everyone in it' : 'Everyone'}
        data={users}
        value={chosenUsers(state.users, meId)}
        onChange={(ids) => onChange({ users: userFilter(ids, meId) })}
        searchable
        clearable
        w={280}
      />
      <Select
        label="Team"
        placeholder="Any team"
        data={teams}
        value={state.teamId}
        // A team is a set of people: choosing one shows the whole team unless people are picked too.
        onChange={(teamId) => onChange(teamId ? { teamId, users: state.users.kind === 'mine' ? { kind: 'all' } : state.users } : { teamId: null })}
        clearable
        searchable
        w={200}
      />
      {calendars.length > 0 && (
        <Select
          label="Calendar"
          placeholder="None"
          data={calendars}
          value={state.calendarId}
          // A calendar brings its own people.
          onChange={(calendarId) => onChange(calendarId ? { calendarId, users: { kind: 'all' } } : { calendarId: null, users: { kind: 'mine' } })}
          clearable
          searchable
          w={220}
        />
      )}
      <SegmentedControl
        aria-label="Colour by"
        value={state.colorBy}
        onChange={(colorBy) => onChange({ colorBy })}
        data={[
          { value: 'type', label: 'Colour by type' },
          { value: 'user', label: 'Colour by person' },
        ]}
      />
    </Group>
  );
}
