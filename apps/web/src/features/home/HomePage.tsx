import { Select, SimpleGrid, Skeleton } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { useCurrentUser, type User } from '../../api/session';
import { useCrmSettings } from '../../api/settings';
import { PageHeader } from '../../ui/PageHeader';
import { EVERYONE } from '../activities/activity-views';
import { dayIn, forWhomOf } from '../objectives/objective-progress';
import { canPickScope, parseHomeScope, SCOPE_PARAM, scopeValue, type HomeScope } from './home-scope';
import { ObjectivesPanel, OverdueTasksPanel, PipelinePanel, WeekPanel } from './HomePanels';

const TITLES: Record<HomeScope['kind'], { pipeline: string; objectives: string; week: string; overdue: string }> = {
  me: { pipeline: 'My pipeline', objectives: 'My objectives this month', week: 'My calls and meetings this week', overdue: 'My overdue tasks' },
  team: { pipeline: 'Team pipeline', objectives: 'Team objectives this month', week: 'Team calls and meetings this week', overdue: 'Team overdue tasks' },
  everyone: { pipeline: 'Pipeline', objectives: 'Objectives this month', week: 'Calls and meetings this week', overdue: 'Overdue tasks' },
};

/** A manager's (or an admin's) choice of whose figures: a team (theirs first), everyone, or their own; held in the URL. */
function ScopePicker({ scope, me }: { scope: HomeScope; me: User }) {
  const [, setParams] = useSearchParams();
  const teams = useLookup('/api/v1/teams');
  const mine = new Set(me.teamIds);
  const ordered = [...teams.options.filter((team) => mine.has(team.value)), ...teams.options.filter((team) => !mine.has(team.value))];
  const data = [
    ...ordered.map((team) => ({ value: team.value, label: `Team ${team.label}` })),
    { value: EVERYONE, label: 'Everyone' },
    { value: 'me', label: 'Just me' },
  ];
  const value = scopeValue(scope);
  // a team not loaded yet still shows as chosen
  if (!data.some((option) => option.value === value)) data.unshift({ value, label: 'Team …' });
  return (
    <Select
      aria-label="Show figures of"
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(next) =>
        setParams((previous) => {
          const params = new URLSearchParams(previous);
          if (next) params.set(SCOPE_PARAM, next);
          return params;
        })
      }
      w={220}
    />
  );
}

function Dashboard({ me }: { me: User }) {
  const [params] = useSearchParams();
  const scope = useMemo(() => parseHomeScope(params, me), [params, me]);
  const settings = useCrmSettings();
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  // the objectives' periods follow the CRM's calendar
  const today = dayIn(settings.data?.timeZone);
  const titles = TITLES[scope.kind];
  return (
    <>
      <PageHeader title={`Hello, ${me.name}`}>{canPickScope(me) && <ScopePicker scope={scope} me={me} />}</PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <PipelinePanel scope={scope} title={titles.pipeline} />
        <ObjectivesPanel scope={scope} title={titles.objectives} today={today} forWhom={(objective) => forWhomOf(objective, users, teams)} />
        <WeekPanel scope={scope} title={titles.week} today={today} />
        <OverdueTasksPanel scope={scope} title={titles.overdue} />
      </SimpleGrid>
    </>
  );
}

/**
 * Home: what a salesperson looks at first (their pipeline, objectives, this
 * week's calls and meetings, overdue tasks), or for a manager the same for
 * a team or everyone.
 */
export function HomePage() {
  const me = useCurrentUser().data;
  return me ? <Dashboard me={me} /> : <Skeleton height={400} />;
}
