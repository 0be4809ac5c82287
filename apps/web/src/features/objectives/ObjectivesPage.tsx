import { Alert, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconSettings } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import { useCrmSettings } from '../../api/settings';
import { PageHeader } from '../../ui/PageHeader';
import { MeasureBarsSkeleton } from './MeasureBars';
import { ObjectiveCard } from './ObjectiveCard';
import { dayIn, forWhomOf, type Timing } from './objective-progress';
import { OBJECTIVES_PAGE_SIZE, useCanSetObjectives, useObjectivesOf } from './objectives-api';
import { objectiveQueries, objectivesFor, parseObjectivesView, writeObjectivesView, type ObjectivesView, type Scope } from './objectives-view';

const TIMING_OPTIONS: { value: Timing; label: string }[] = [
  { value: 'current', label: 'Current' },
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'past', label: 'Past' },
];

const SCOPE_PHRASE: Record<Scope, string> = { mine: 'for you', teams: 'for your teams', everyone: 'matching these filters' };

function LoadingCards() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} data-testid="objective-cards-loading">
      {[0, 1, 2].map((index) => (
        <Card key={index} withBorder padding="md">
          <Skeleton height={20} width="50%" mb="xs" />
          <Skeleton height={12} width="70%" mb="md" />
          <MeasureBarsSkeleton />
        </Card>
      ))}
    </SimpleGrid>
  );
}

function EmptyState({ view, canSet, noTeam }: { view: ObjectivesView; canSet: boolean; noTeam: boolean }) {
  if (noTeam)
    return (
      <Stack align="center" gap="xs" py="xl">
        <Text fw={500}>You are not in any team</Text>
        <Text size="sm" c="dimmed">
          An administrator adds the members of a team in Configuration &gt; Teams.
        </Text>
      </Stack>
    );
  const when = TIMING_OPTIONS.find((option) => option.value === view.when)?.label.toLowerCase() ?? '';
  return (
    <Stack align="center" gap="xs" py="xl">
      <Text fw={500}>
        No {when} objective {SCOPE_PHRASE[view.scope]}
      </Text>
      <Text size="sm" c="dimmed" ta="center">
        {view.when === 'current' ? 'Upcoming and past ones are under the switch above. ' : ''}
        No objective yet — a manager sets them in Configuration &gt; Objectives.
      </Text>
      {canSet && (
        <Button component={Link} to="/configuration/objectives" variant="light">
          Set an objective
        </Button>
      )}
    </Stack>
  );
}

function ObjectiveCards({ view, me, today }: { view: ObjectivesView; me: { id: string; teamIds: string[] }; today: string }) {
  const canSet = useCanSetObjectives();
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const queries = useMemo(() => objectiveQueries(view, me, today, OBJECTIVES_PAGE_SIZE), [view, me, today]);
  const result = useObjectivesOf(queries);
  const shown = objectivesFor(result.items, view.when, today);

  if (result.error && result.items.length === 0)
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="The objectives could not be loaded">
        <Text size="sm">{errorMessage(result.error)}</Text>
        <Button size="xs" variant="white" color="red" mt="xs" onClick={result.refetch}>
          Retry
        </Button>
      </Alert>
    );
  if (queries.length > 0 && result.isPending) return <LoadingCards />;
  if (shown.length === 0) return <EmptyState view={view} canSet={canSet} noTeam={view.scope === 'teams' && me.teamIds.length === 0} />;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
        {shown.map((objective) => (
          <ObjectiveCard key={objective.id} objective={objective} forWhom={forWhomOf(objective, users, teams)} />
        ))}
      </SimpleGrid>
      {result.total > result.items.length && (
        <Text size="sm" c="dimmed">
          Showing the first {result.items.length} of {result.total}; narrow them with the filters.
        </Text>
      )}
    </Stack>
  );
}

function EveryoneFilters({ view, onChange }: { view: ObjectivesView; onChange: (view: ObjectivesView) => void }) {
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  return (
    <Group gap="sm">
      <Select
        aria-label="Salesperson"
        placeholder="Salesperson"
        data={users.options}
        value={view.userId}
        onChange={(userId) => onChange({ ...view, userId })}
        clearable
        searchable
        w={220}
      />
      <Select
        aria-label="Team"
        placeholder="Team"
        data={teams.options}
        value={view.teamId}
        onChange={(teamId) => onChange({ ...view, teamId })}
        clearable
        searchable
        w={220}
      />
    </Group>
  );
}

/**
 * The Objectives screen: my objectives, my teams', and (managers, admins)
 * everyone's, each as a card with the completion of every measure. The
 * current ones (whose range includes today) first; upcoming and past under
 * a switch. Everything chosen is in the URL.
 */
export function ObjectivesPage() {
  const me = useCurrentUser().data;
  const canSeeEveryone = useCanSetObjectives();
  const settings = useCrmSettings();
  const [params, setParams] = useSearchParams();
  const view = parseObjectivesView(params, canSeeEveryone);
  const setView = (next: ObjectivesView) => setParams(writeObjectivesView(next));
  // Periods follow the CRM's calendar: "today" is the day there.
  const today = dayIn(settings.data?.timeZone);
  const who = useMemo(() => (me ? { id: me.id, teamIds: me.teamIds } : null), [me]);

  return (
    <>
      <PageHeader title="Objectives">
        {canSeeEveryone && (
          <Button component={Link} to="/configuration/objectives" variant="default" leftSection={<IconSettings size={16} />}>
            Manage objectives
          </Button>
        )}
      </PageHeader>
      <Tabs value={view.scope} onChange={(scope) => setView({ ...view, scope: (scope as Scope | null) ?? 'mine', userId: null, teamId: null })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="mine">My objectives</Tabs.Tab>
          <Tabs.Tab value="teams">My teams’ objectives</Tabs.Tab>
          {canSeeEveryone && <Tabs.Tab value="everyone">Everyone</Tabs.Tab>}
        </Tabs.List>
        <Group justify="space-between" mb="md" gap="sm">
          <SegmentedControl aria-label="Which objectives" data={TIMING_OPTIONS} value={view.when} onChange={(when) => setView({ ...view, when })} />
          {view.scope === 'everyone' && <EveryoneFilters view={view} onChange={setView} />}
        </Group>
        {(['mine', 'teams', 'everyone'] as const).map((scope) => (
          <Tabs.Panel key={scope} value={scope}>
            {scope === view.scope && who && !settings.isPending && <ObjectiveCards view={view} me={who} today={today} />}
            {scope === view.scope && (!who || settings.isPending) && <LoadingCards />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
