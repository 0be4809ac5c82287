import { OBJECTIVE_MEASURES } from '@crm/domain';
import { Alert, Anchor, Button, Card, Group, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../../api/problem';
import { formatDate, formatMoney } from '../../ui/format';
import { calendarLink, KINDS, weekOf } from '../activities/activity-views';
import { EventStatusAction, OverdueFlag } from '../activities/row-actions';
import { LinkedRecord } from '../activities/LinkedRecord';
import { useEventList } from '../events/event-api';
import { barValue, MEASURES, measureCell, periodLabel, type Objective, type PeriodProgress } from '../objectives/objective-progress';
import { useObjectiveProgress, useObjectives } from '../objectives/objectives-api';
import { usePipeline } from '../opportunities/opportunity-actions';
import { STAGES } from '../opportunities/opportunity-stage';
import { listPath, scopeEventsQuery, scopeObjectivesQuery, scopePipelineQuery, stageListPath, type HomeScope } from './home-scope';
import { pipelineChart } from './pipeline-chart';

/** The most objectives the panel shows (each is one progress request); the objectives page has them all. */
const OBJECTIVES_SHOWN = 6;
const OVERDUE_SHOWN = 5;

function Panel({ title, link, children, testId }: { title: string; link?: { to: string; label: string }; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="baseline">
        <Title order={3} size="h4">
          {title}
        </Title>
        {link && (
          <Anchor component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        )}
      </Group>
      {children}
    </Card>
  );
}

function PanelError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="Could not be loaded">
      <Text size="sm">{errorMessage(error)}</Text>
      <Button size="xs" variant="white" color="red" mt="xs" onClick={onRetry}>
        Retry
      </Button>
    </Alert>
  );
}

function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} py="md" align="center">
      <Text fw={500}>{title}</Text>
      <Text size="sm" c="dimmed" ta="center">
        {children}
      </Text>
    </Stack>
  );
}

function compactMoney(currency: string): (value: number) => string {
  try {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' });
    return (value) => format.format(value);
  } catch {
    return (value) => String(value);
  }
}

/** Weighted open pipeline by stage: a bar per stage (a click opens the opportunities at that stage), and the same as links for the keyboard. */
export function PipelinePanel({ scope, title }: { scope: HomeScope; title: string }) {
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = usePipeline({ groupBy: 'stage', closed: false, ...scopePipelineQuery(scope) });
  const board = { to: '/opportunities', label: 'Open the pipeline' };
  if (error && !data)
    return (
      <Panel title={title} link={board} testId="home-pipeline">
        <PanelError error={error} onRetry={() => void refetch()} />
      </Panel>
    );
  if (isPending)
    return (
      <Panel title={title} link={board} testId="home-pipeline">
        <Skeleton height={200} data-testid="panel-skeleton" />
      </Panel>
    );
  const chart = pipelineChart(data.groups);
  if (!chart.currency)
    return (
      <Panel title={title} link={board} testId="home-pipeline">
        <Empty title="No open opportunities">Convert a qualified lead, or add one from Opportunities, to see the pipeline fill up here.</Empty>
      </Panel>
    );
  const currency = chart.currency;
  const points = chart.bars.map((bar) => ({ ...bar, label: STAGES[bar.stage].title, to: stageListPath(bar.stage, scope) }));
  const summary = points.map((point) => `${point.label}: ${formatMoney(point.weightedAmount, currency)} weighted, ${point.count} opportunities`).join('; ');
  return (
    <Panel title={title} link={board} testId="home-pipeline">
      <figure style={{ margin: 0 }}>
        <BarChart
          responsive
          data={points}
          style={{ width: '100%', height: 200 }}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          title={`Weighted pipeline by stage, in ${currency}`}
          desc={summary}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={compactMoney(currency)} width={56} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatMoney(String(value), currency)} />
          <Bar dataKey="weighted" name="Weighted amount" cursor="pointer" onClick={(_, index) => void navigate(points[index].to)}>
            {points.map((point) => (
              <Cell key={point.stage} fill={`var(--mantine-color-${STAGES[point.stage].color}-6)`} />
            ))}
          </Bar>
        </BarChart>
      </figure>
      <Table verticalSpacing={4} mt="xs" aria-label="Weighted pipeline by stage">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Stage</Table.Th>
            <Table.Th ta="right">Opportunities</Table.Th>
            <Table.Th ta="right">Weighted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr key={point.stage}>
              <Table.Td>
                <Anchor component={Link} to={point.to} size="sm">
                  {point.label}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{point.count}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={500}>
                  {formatMoney(point.weightedAmount, currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {chart.others.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Not counted above: {chart.others.map((other) => `${other.count} in ${other.currency}`).join(', ')}.
        </Text>
      )}
    </Panel>
  );
}

/** The period of an objective that contains today, else its whole range. */
export function currentPeriod(periods: PeriodProgress[], total: PeriodProgress, today: string): PeriodProgress {
  return periods.find((period) => period.from <= today && today <= period.to) ?? total;
}

function ObjectiveBars({ objective, today }: { objective: Objective; today: string }) {
  const { data, error, isPending } = useObjectiveProgress(objective.id);
  if (isPending) return <Skeleton height={48} />;
  if (error || !data)
    return (
      <Text size="sm" c="red">
        {errorMessage(error)}
      </Text>
    );
  const period = currentPeriod(data.periods, data.total, today);
  const measures = OBJECTIVE_MEASURES.filter((measure) => period.target[measure] !== null && period.target[measure] !== undefined);
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {periodLabel(period, objective.frequency)}
      </Text>
      {measures.length === 0 && (
        <Text size="sm" c="dimmed">
          No target in this period
        </Text>
      )}
      {measures.map((measure) => {
        const cell = measureCell(measure, period, data.currency);
        const reached = cell.percent !== null && cell.percent >= 100;
        return (
          <div key={measure}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{MEASURES[measure].label}</Text>
              <Text size="sm" fw={600}>
                {cell.actual} / {cell.target}
                {reached ? ' ✓' : ''}
              </Text>
            </Group>
            <Progress
              value={barValue(cell.percent)}
              color={reached ? 'teal' : 'indigo'}
              size="md"
              radius="sm"
              mt={2}
              aria-label={`${MEASURES[measure].label}: ${cell.text}`}
            />
          </div>
        );
      })}
    </Stack>
  );
}

/** The objectives running today, each with the current period's completion per measure. */
export function ObjectivesPanel({
  scope,
  title,
  today,
  forWhom,
}: {
  scope: HomeScope;
  title: string;
  today: string;
  forWhom: (objective: Objective) => string;
}) {
  const { data, error, isPending, refetch } = useObjectives(scopeObjectivesQuery(scope, today, OBJECTIVES_SHOWN));
  const link = { to: '/objectives', label: 'All objectives' };
  let body: ReactNode;
  if (error && !data) body = <PanelError error={error} onRetry={() => void refetch()} />;
  else if (isPending) body = <Skeleton height={120} data-testid="panel-skeleton" />;
  else if (data.items.length === 0)
    body = (
      <Empty title="No objective for this month">
        A manager sets objectives in Configuration &gt; Objectives; the current ones show here with how far along they are.
      </Empty>
    );
  else
    body = (
      <Stack gap="md">
        {data.items.map((objective) => (
          <div key={objective.id} data-testid="home-objective">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/objectives/${objective.id}`} fw={600} size="sm">
                {objective.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {forWhom(objective)}
              </Text>
            </Group>
            <ObjectiveBars objective={objective} today={today} />
          </div>
        ))}
        {data.total > data.items.length && (
          <Text size="sm" c="dimmed">
            And {data.total - data.items.length} more under All objectives.
          </Text>
        )}
      </Stack>
    );
  return (
    <Panel title={title} link={link} testId="home-objectives">
      {body}
    </Panel>
  );
}

/** How many events of a type and status the scope has this week: only the count is read. */
function useWeekCount(type: 'call' | 'meeting', status: 'planned' | 'realized', scope: HomeScope, week: { from: string; to: string }) {
  const { data, isPending, error } = useEventList({ ...scopeEventsQuery(scope), type: [type], status, startFrom: week.from, startTo: week.to, pageSize: 1 });
  return { count: data?.total, isPending, error };
}

function CountLink({ count, to, label }: { count: number | undefined; to: string; label: (count: number) => string }) {
  if (count === undefined) return <Skeleton height={20} width={32} ml="auto" data-testid="panel-skeleton" />;
  return (
    <Anchor component={Link} to={to} fw={700} size="lg" aria-label={`${count} ${label(count)}`}>
      {count}
    </Anchor>
  );
}

/** Calls and meetings of this week (Monday to Sunday), planned and held, each count opening its list. */
export function WeekPanel({ scope, title, today }: { scope: HomeScope; title: string; today: string }) {
  const week = weekOf(today);
  const counts = {
    call: { planned: useWeekCount('call', 'planned', scope, week), realized: useWeekCount('call', 'realized', scope, week) },
    meeting: { planned: useWeekCount('meeting', 'planned', scope, week), realized: useWeekCount('meeting', 'realized', scope, week) },
  };
  const failed = Object.values(counts)
    .flatMap((byStatus) => Object.values(byStatus))
    .find((count) => count.error)?.error;
  const rows = [
    { type: 'call' as const, label: 'Calls', noun: 'call', path: KINDS.calls.path },
    { type: 'meeting' as const, label: 'Meetings', noun: 'meeting', path: KINDS.meetings.path },
  ];
  const range = { startFrom: week.from, startTo: week.to };
  return (
    <Panel title={title} testId="home-week">
      <Text size="xs" c="dimmed" mb="xs">
        {formatDate(week.from)} – {formatDate(week.to)}
      </Text>
      {failed ? (
        <Text size="sm" c="red">
          {errorMessage(failed)}
        </Text>
      ) : (
        <Table aria-label={title} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">Planned</Table.Th>
              <Table.Th ta="right">Held</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.type}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={listPath(row.path, scope, range)} size="sm">
                    {row.label}
                  </Anchor>
                </Table.Th>
                <Table.Td ta="right">
                  <CountLink
                    count={counts[row.type].planned.count}
                    to={listPath(row.path, scope, { ...range, status: 'planned' })}
                    label={(count) => `${row.noun}${count === 1 ? '' : 's'} planned this week`}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink
                    count={counts[row.type].realized.count}
                    to={listPath(row.path, scope, { ...range, status: 'realized' })}
                    label={(count) => `${row.noun}${count === 1 ? '' : 's'} held this week`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

/** The overdue tasks: how many, and the five due longest ago, each with its "done" box. */
export function OverdueTasksPanel({ scope, title }: { scope: HomeScope; title: string }) {
  const { data, error, isPending, refetch } = useEventList({
    ...scopeEventsQuery(scope),
    type: ['task'],
    overdue: true,
    sort: 'endAt',
    pageSize: OVERDUE_SHOWN,
  });
  const link = { to: listPath(KINDS.tasks.path, scope, { overdue: 'true' }), label: 'All overdue tasks' };
  let body: ReactNode;
  if (error && !data) body = <PanelError error={error} onRetry={() => void refetch()} />;
  else if (isPending) body = <Skeleton height={120} data-testid="panel-skeleton" />;
  else if (data.total === 0) body = <Empty title="No overdue tasks">Everything due so far is done. Plan the next steps from Events &gt; Tasks.</Empty>;
  else
    body = (
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700} size="xl" c="red.8" data-testid="overdue-count">
            {data.total}
          </Text>
          <OverdueFlag />
        </Group>
        <Table verticalSpacing={6} aria-label="Overdue tasks">
          <Table.Tbody>
            {data.items.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td w={36}>
                  <EventStatusAction event={task} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={calendarLink(task)} size="sm">
                    {task.subject}
                  </Anchor>
                  <LinkedRecord event={task} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c="red.8">
                    Due {formatDate(task.endAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  return (
    <Panel title={title} link={link} testId="home-overdue">
      {body}
    </Panel>
  );
}
