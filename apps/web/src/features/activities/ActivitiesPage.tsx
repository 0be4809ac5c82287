import { CALL_DIRECTIONS, EVENT_PRIORITIES, EVENT_STATUSES, EVENT_TYPES } from '@crm/domain';
import { Alert, Anchor, Badge, Button, Card, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle, IconCalendarPlus, IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import { useCrmSettings } from '../../api/settings';
import { formatDate, formatDateTime } from '../../ui/format';
import { ListFooter } from '../../ui/list-screen/ListFooter';
import { ListTable } from '../../ui/list-screen/ListTable';
import { ListToolbar } from '../../ui/list-screen/ListToolbar';
import { useListState, type ListState } from '../../ui/list-screen/list-state';
import type { ListColumn, ListFilter } from '../../ui/list-screen/types';
import { PageHeader } from '../../ui/PageHeader';
import { useEventList } from '../events/event-api';
import { newEventValues } from '../events/event-form-values';
import type { CalendarEvent } from '../events/event-types';
import { TYPE_LABELS } from '../events/EventFields';
import { dayIn } from '../objectives/objective-progress';
import { EventFormDialog, type EventFormTarget } from '../events/EventFormDialog';
import { EventStatusAction, NO_CLIP, OverdueFlag } from './row-actions';
import {
  ACTIVITY_PARAMS,
  activeQuickView,
  activitiesQuery,
  calendarLink,
  EVERYONE,
  isOverdue,
  KINDS,
  QUICK_VIEWS,
  quickViewPath,
  resolveDay,
  type ActivityKind,
  type ActivityValues,
} from './activity-views';
import { LinkedRecord, LinkedRecordFilter } from './LinkedRecord';

const SKELETON_ROWS = 8;
const STATUS_LABELS = { planned: 'Planned', realized: 'Done', cancelled: 'Cancelled' } as const;
const STATUS_COLORS = { planned: 'blue', realized: 'green', cancelled: 'gray' } as const;
const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;
const PRIORITY_COLORS = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;
const NEW_LABELS: Record<ActivityKind, string> = { calls: 'New call', meetings: 'New meeting', tasks: 'New task', all: 'New event' };

/** Every URL parameter of the lists, for the list state (clearing filters clears them all); the toolbar shows some of them. */
const URL_FILTERS: ListFilter[] = ACTIVITY_PARAMS.map((param) => ({ kind: 'text', param, label: param }));

function statusLabel(event: Pick<CalendarEvent, 'type' | 'status'>): string {
  if (event.status === 'realized' && event.type !== 'task') return 'Held';
  return STATUS_LABELS[event.status];
}

function TypeCell({ event }: { event: CalendarEvent }) {
  if (event.type === 'call' && event.callDirection) {
    const Icon = event.callDirection === 'inbound' ? IconPhoneIncoming : IconPhoneOutgoing;
    return (
      <Group gap={4} wrap="nowrap">
        <Icon size={14} aria-hidden />
        <Text size="sm">{event.callDirection === 'inbound' ? 'Inbound' : 'Outbound'}</Text>
      </Group>
    );
  }
  if (event.type === 'task' && event.priority)
    return (
      <Badge variant="outline" color={PRIORITY_COLORS[event.priority]} tt="none" miw="max-content" style={NO_CLIP}>
        {PRIORITY_LABELS[event.priority]}
      </Badge>
    );
  return <Text size="sm">{TYPE_LABELS[event.type]}</Text>;
}

function when(iso: string, allDay: boolean): string {
  return allDay ? formatDate(iso) : formatDateTime(iso);
}

function columnsFor(kind: ActivityKind, nameOf: (id: string) => string | undefined, now: Date): ListColumn<CalendarEvent>[] {
  const tasks = kind === 'tasks';
  return [
    {
      label: 'Subject',
      field: 'subject',
      sortable: true,
      render: (event) => (
        <Anchor component={Link} to={calendarLink(event)} size="sm">
          {event.subject}
        </Anchor>
      ),
    },
    {
      label: kind === 'calls' ? 'Direction' : tasks ? 'Priority' : 'Type',
      field: tasks ? 'priority' : 'type',
      sortable: kind === 'all' || tasks,
      nowrap: true,
      render: (event) => <TypeCell event={event} />,
    },
    {
      label: tasks ? 'Due' : 'Start',
      field: tasks ? 'endAt' : 'startAt',
      sortable: true,
      nowrap: true,
      render: (event) => (
        <Group gap="xs" wrap="nowrap">
          <span>{when(tasks ? event.endAt : event.startAt, event.allDay)}</span>
          {isOverdue(event, now) && <OverdueFlag />}
        </Group>
      ),
    },
    { label: 'Linked to', field: 'leadId', render: (event) => <LinkedRecord event={event} /> },
    { label: 'Assigned to', field: 'assignedToId', render: (event) => nameOf(event.assignedToId) ?? '' },
    {
      label: 'Status',
      field: 'status',
      sortable: true,
      nowrap: true,
      render: (event) => (
        <Badge variant="light" color={STATUS_COLORS[event.status]} tt="none" miw="max-content" style={NO_CLIP}>
          {statusLabel(event)}
        </Badge>
      ),
    },
  ];
}

function toolbarFilters(kind: ActivityKind, teams: { value: string; label: string }[]): ListFilter[] {
  const filters: ListFilter[] = [
    { kind: 'select', param: 'status', label: 'Status', options: EVENT_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })) },
  ];
  if (kind === 'all')
    filters.push({ kind: 'select', param: 'type', label: 'Type', options: EVENT_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type] })) });
  if (kind === 'calls')
    filters.push({
      kind: 'select',
      param: 'callDirection',
      label: 'Direction',
      options: CALL_DIRECTIONS.map((direction) => ({ value: direction, label: direction === 'inbound' ? 'Inbound' : 'Outbound' })),
    });
  if (kind === 'tasks') {
    filters.push({
      kind: 'select',
      param: 'priority',
      label: 'Priority',
      options: EVENT_PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABELS[priority] })),
    });
    filters.push({ kind: 'boolean', param: 'overdue', label: 'Overdue' });
  }
  filters.push({ kind: 'select', param: 'teamId', label: 'Team', options: teams });
  return filters;
}

function QuickViews({ kind }: { kind: ActivityKind }) {
  const [params] = useSearchParams();
  const active = activeQuickView(kind, params);
  return (
    <Group gap="xs" role="navigation" aria-label="Quick views">
      {QUICK_VIEWS.map((view) => {
        const current = active?.id === view.id;
        return (
          <Button
            key={view.id}
            component={Link}
            to={quickViewPath(view)}
            size="xs"
            radius="xl"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
            leftSection={view.id === 'overdue' ? <IconAlertTriangle size={14} aria-hidden /> : undefined}
          >
            {view.label}
          </Button>
        );
      })}
    </Group>
  );
}

/** Whose events, the day range and the linked record: the filters the generic toolbar has no input for. */
function MoreFilters({ state, meName, users }: { state: ListState; meName: string; users: { value: string; label: string }[] }) {
  const values = state.filterValues as ActivityValues;
  const today = dayIn(useCrmSettings().data?.timeZone);
  const assignees = [{ value: 'me', label: `Me (${meName})` }, { value: EVERYONE, label: 'Everyone' }, ...users];
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <Select
        aria-label="Assigned to"
        data={assignees}
        value={values.assignedToId ?? 'me'}
        allowDeselect={false}
        searchable
        onChange={(value) => state.setFilter('assignedToId', value === 'me' ? null : value)}
        w={220}
      />
      <DateInput
        aria-label="From"
        placeholder="From"
        valueFormat="MMM D, YYYY"
        clearable
        value={resolveDay(values.startFrom, today) ?? null}
        onChange={(value) => state.setFilter('startFrom', value)}
        w={150}
      />
      <DateInput
        aria-label="To"
        placeholder="To"
        valueFormat="MMM D, YYYY"
        clearable
        value={resolveDay(values.startTo, today) ?? null}
        onChange={(value) => state.setFilter('startTo', value)}
        w={150}
      />
      <LinkedRecordFilter values={values} onChange={(param, id) => state.setFilter(param, id)} />
    </Group>
  );
}

function EmptyState({ kind, state, onNew }: { kind: ActivityKind; state: ListState; onNew: () => void }) {
  const { noun } = KINDS[kind];
  if (state.filterValues.overdue === 'true' && Object.keys(state.filterValues).length === 1 && !state.q)
    return (
      <Stack align="center" gap="xs" py="xl">
        <Text fw={500}>No overdue tasks</Text>
        <Text size="sm" c="dimmed">
          Everything due so far is done. Tasks whose due time passes while still planned show up here.
        </Text>
      </Stack>
    );
  if (state.hasFilters)
    return (
      <Stack align="center" gap="xs" py="xl">
        <Text fw={500}>No {noun} match these filters</Text>
        <Text size="sm" c="dimmed">
          Widen the dates, pick “Everyone” under Assigned to, or clear the filters.
        </Text>
        <Button variant="light" onClick={state.clearFilters}>
          Clear filters
        </Button>
      </Stack>
    );
  return (
    <Stack align="center" gap="xs" py="xl">
      <Text fw={500}>You have no {noun} yet</Text>
      <Text size="sm" c="dimmed">
        Plan one here or on the calendar; pick “Everyone” under Assigned to for your colleagues’.
      </Text>
      <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={onNew}>
        {NEW_LABELS[kind]}
      </Button>
    </Stack>
  );
}

function ActivitiesList({ kind, me }: { kind: ActivityKind; me: { id: string; name: string } }) {
  const info = KINDS[kind];
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const state = useListState(URL_FILTERS, info.defaultSort);
  const [creating, setCreating] = useState<EventFormTarget | null>(null);
  // `today` as the API reads days: in the CRM's time zone
  const today = dayIn(useCrmSettings().data?.timeZone);
  // the API's filters from the URL's values (whose events, days, ...), with the list's search, sort and page
  const query = useMemo(() => {
    const { q, page, pageSize } = state.query;
    return { ...activitiesQuery(kind, state.filterValues, { meId: me.id, today }), q, page, pageSize, sort: state.sort };
  }, [kind, state.filterValues, state.query, state.sort, me.id, today]);
  const { data, error, isPending, isError, isPlaceholderData, refetch } = useEventList(query);
  // One clock for the page, so every row is flagged against the same "now".
  const now = useMemo(() => new Date(), []);
  const columns = useMemo(() => columnsFor(kind, (id) => users.nameOf(id), now), [kind, users, now]);
  const filters = useMemo(() => toolbarFilters(kind, teams.options), [kind, teams.options]);
  const rows = data?.items ?? [];
  const openNew = () => setCreating({ kind: 'new', values: newEventValues({ type: info.type ?? 'meeting', assignedToId: me.id }) });

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <QuickViews kind={kind} />
        <Button leftSection={<IconCalendarPlus size={16} />} onClick={openNew}>
          {NEW_LABELS[kind]}
        </Button>
      </Group>
      <ListToolbar state={state} filters={filters} />
      <MoreFilters state={state} meName={me.name} users={users.options.filter((option) => option.value !== me.id)} />
      {isError && !data ? (
        <Alert color="red" icon={<IconAlertTriangle />} title={`The ${info.noun} could not be loaded`}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(error)}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => void refetch()}>
              Retry
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Card withBorder padding={0}>
          <ListTable
            columns={columns}
            rows={rows}
            sort={state.sort}
            onSort={state.toggleSort}
            rowActions={(event) => <EventStatusAction event={event} />}
            rowColor={(event) => (isOverdue(event, now) ? 'red' : null)}
            loadingRows={isPending ? SKELETON_ROWS : undefined}
            stale={isPlaceholderData}
          />
          {data && rows.length === 0 && <EmptyState kind={kind} state={state} onNew={openNew} />}
        </Card>
      )}
      {data && rows.length > 0 && <ListFooter state={state} shown={rows.length} total={data.total} totalExact={data.totalExact} />}
      <EventFormDialog target={creating} onClose={() => setCreating(null)} />
    </Stack>
  );
}

/**
 * Events > Calls, Meetings, Tasks, All events: the events of one type as a
 * list (the calendar shows them by day), the signed-in user's unless the
 * filters say whose, with quick views, and a one-click "done" / "held".
 */
export function ActivitiesPage({ kind }: { kind: ActivityKind }) {
  const me = useCurrentUser().data;
  return (
    <>
      <PageHeader title={KINDS[kind].title} />
      {me ? <ActivitiesList key={kind} kind={kind} me={me} /> : <Skeleton height={320} />}
    </>
  );
}
