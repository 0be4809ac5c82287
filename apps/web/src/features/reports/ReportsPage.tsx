import { Group, Select, SimpleGrid, Tabs, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMemo } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { useCrmSettings } from '../../api/settings';
import { PageHeader } from '../../ui/PageHeader';
import { dayIn } from '../objectives/objective-progress';
import { ReportCard, type ChartKind } from './ReportCard';
import { periodOf, periodRange, PERIODS, reportQueryOf, type Period, type ReportName, type ReportQuery } from './report-data';

interface ChartSpec {
  name: ReportName;
  title: string;
  kind: ChartKind;
  empty: string;
  /** Drawn across the grid's two columns (the charts with many categories). */
  wide?: boolean;
}

interface Dashboard {
  id: string;
  label: string;
  charts: ChartSpec[];
}

/** The dashboards (Axelor's, regrouped), their charts in order, each drawn its way. */
export const DASHBOARDS: Dashboard[] = [
  {
    id: 'opportunities',
    label: 'Opportunities',
    charts: [
      { name: 'opportunities-pipeline', title: 'Pipeline by stage', kind: 'bar', empty: 'No open opportunity — convert a lead or add one from Opportunities.' },
      {
        name: 'opportunities-by-stage-count',
        title: 'Open opportunities by stage',
        kind: 'funnel',
        empty: 'No open opportunity — convert a lead or add one from Opportunities.',
      },
      {
        name: 'opportunities-won-lost',
        title: 'Won and lost by salesperson',
        kind: 'bar',
        empty: 'No deal won or lost in this period — close deals from the pipeline, or widen the period.',
      },
      {
        name: 'opportunities-forecast',
        title: 'Forecast by expected close month',
        kind: 'line',
        empty: 'No open deal expected to close in this period — set expected close dates on the opportunities.',
      },
      {
        name: 'opportunities-by-source',
        title: 'Opportunities by source',
        kind: 'donut',
        empty: 'No opportunity created in this period — widen the period or add opportunities.',
      },
      {
        name: 'opportunities-conversion',
        title: 'Win rate by month',
        kind: 'percent',
        empty: 'No deal closed in this period — mark deals won or lost from the pipeline.',
      },
    ],
  },
  {
    id: 'leads',
    label: 'Leads',
    charts: [
      { name: 'leads', title: 'Leads by status', kind: 'bar', empty: 'No lead created in this period — add or import leads from Leads.' },
      { name: 'leads-by-source', title: 'Leads by source', kind: 'donut', empty: 'No lead created in this period — add or import leads from Leads.' },
      {
        name: 'leads-by-salesperson',
        title: 'Leads by salesperson and status',
        kind: 'stacked',
        empty: 'No assigned lead created in this period — assign leads from Leads.',
        wide: true,
      },
      {
        name: 'leads-converted-per-month',
        title: 'Leads converted per month',
        kind: 'line',
        empty: 'No lead converted in this period — convert qualified leads from their page.',
        wide: true,
      },
    ],
  },
  {
    id: 'calls',
    label: 'Calls',
    charts: [
      { name: 'calls', title: 'Calls by user', kind: 'stacked', empty: 'No call in this period — log calls from Events > Calls.' },
      {
        name: 'calls-by-direction',
        title: 'Calls by direction and user',
        kind: 'bar',
        empty: 'No call with a direction in this period — log calls from Events > Calls.',
      },
      { name: 'calls-per-month', title: 'Calls per month', kind: 'line', empty: 'No call in this period — log calls from Events > Calls.', wide: true },
    ],
  },
  {
    id: 'events',
    label: 'Events',
    charts: [
      {
        name: 'events',
        title: 'Events by type and status',
        kind: 'stacked',
        empty: 'No event in this period — plan calls, meetings and tasks from Events.',
        wide: true,
      },
    ],
  },
  {
    id: 'objectives',
    label: 'Objectives',
    charts: [
      {
        name: 'objectives-users',
        title: 'Objectives of the salespeople',
        kind: 'percent',
        empty: 'No objective of a salesperson running in this period — a manager sets them in Configuration > Objectives.',
        wide: true,
      },
      {
        name: 'objectives-teams',
        title: 'Objectives of the teams',
        kind: 'percent',
        empty: 'No objective of a team running in this period — a manager sets them in Configuration > Objectives.',
        wide: true,
      },
    ],
  },
];

const DEFAULT_PERIOD = 'default';
const CUSTOM_PERIOD = 'custom';

/** Period, salesperson and team, all in the URL (a dashboard is bookmarked with them). */
function ReportFilters({ today }: { today: string }) {
  const [params, setParams] = useSearchParams();
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const query = reportQueryOf(params);
  const set = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const period = !query.from && !query.to ? DEFAULT_PERIOD : (periodOf(query, today) ?? CUSTOM_PERIOD);
  const periodOptions = [
    { value: DEFAULT_PERIOD, label: 'Year to date' },
    ...PERIODS,
    ...(period === CUSTOM_PERIOD ? [{ value: CUSTOM_PERIOD, label: 'Custom' }] : []),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" role="search" aria-label="Report filters">
      <Select
        label="Period"
        data={periodOptions}
        value={period}
        allowDeselect={false}
        onChange={(value) => {
          if (!value || value === CUSTOM_PERIOD) return;
          if (value === DEFAULT_PERIOD) set({ from: null, to: null });
          else set(periodRange(value as Period, today));
        }}
        w={170}
      />
      <DateInput
        label="From"
        placeholder="1 Jan"
        valueFormat="MMM D, YYYY"
        clearable
        value={query.from ?? null}
        onChange={(value) => set({ from: value })}
        w={150}
      />
      <DateInput label="To" placeholder="Today" valueFormat="MMM D, YYYY" clearable value={query.to ?? null} onChange={(value) => set({ to: value })} w={150} />
      <Select
        label="Salesperson"
        placeholder="Everyone"
        data={users.options}
        value={query.userId ?? null}
        onChange={(value) => set({ userId: value })}
        clearable
        searchable
        w={200}
      />
      <Select
        label="Team"
        placeholder="All teams"
        data={teams.options}
        value={query.teamId ?? null}
        onChange={(value) => set({ teamId: value })}
        clearable
        searchable
        w={200}
      />
    </Group>
  );
}

function DashboardCharts({ dashboard, query, onCurrencyChange }: { dashboard: Dashboard; query: ReportQuery; onCurrencyChange: (currency: string) => void }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {dashboard.charts.map((chart) => (
        <div key={chart.name} style={chart.wide ? { gridColumn: '1 / -1' } : undefined}>
          <ReportCard name={chart.name} title={chart.title} kind={chart.kind} query={query} empty={chart.empty} onCurrencyChange={onCurrencyChange} />
        </div>
      ))}
    </SimpleGrid>
  );
}

/**
 * Reports: the dashboards (opportunities, leads, calls, events, objectives)
 * as tabs at `/reports/<dashboard>`, their charts drawn from the API's
 * reports, narrowed by period, salesperson and team in the URL. A mark of a
 * chart opens the list of its records.
 */
export function ReportsPage() {
  const { dashboard: id } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const settings = useCrmSettings();
  const today = dayIn(settings.data?.timeZone);
  const dashboard = DASHBOARDS.find((candidate) => candidate.id === id);
  const query = useMemo(() => reportQueryOf(params), [params]);
  if (!dashboard) return <Navigate to={`/reports/${DASHBOARDS[0].id}${search}`} replace />;
  const setCurrency = (currency: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('currency', currency);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title="Reports" />
      <Tabs value={dashboard.id} onChange={(value) => value && void navigate(`/reports/${value}${search}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {DASHBOARDS.map((candidate) => (
            <Tabs.Tab key={candidate.id} value={candidate.id}>
              {candidate.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <ReportFilters today={today} />
        {query.currency && (
          <Text size="xs" c="dimmed" mb="xs">
            Amounts in {query.currency} where there are any.
          </Text>
        )}
        {DASHBOARDS.map((candidate) => (
          <Tabs.Panel key={candidate.id} value={candidate.id}>
            {candidate.id === dashboard.id && <DashboardCharts dashboard={candidate} query={query} onCurrencyChange={setCurrency} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
