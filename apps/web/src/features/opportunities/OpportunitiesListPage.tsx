import { Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import type { ListRow } from '../../api/resource-types';
import { formatDate, formatMoney, moreFilterText } from '../../ui/format';
import { ListScreen } from '../../ui/list-screen/ListScreen';
import type { ListColumn, ListFilter } from '../../ui/list-screen/types';
import { PageHeader } from '../../ui/PageHeader';
import { LostReasonDialog } from './LostReasonDialog';
import { useCloseLost, usePipeline, type PipelineQuery, type PipelineTotal } from './opportunity-actions';
import { OpportunityLegend, opportunityColors } from './opportunity-highlight';
import { OpportunityStageBadge, STAGE_OPTIONS } from './opportunity-stage';
import { OpportunitiesViewSwitch } from './OpportunitiesViewSwitch';
import { OpportunityQuickActions } from './OpportunityQuickActions';
import { OPPORTUNITIES_PATH } from './RelatedOpportunities';

type OpportunityRow = ListRow<typeof OPPORTUNITIES_PATH>;

/** Filters of the API without an input here, kept from the URL (a report's drill-down lands with them). */
const MORE_FILTERS: Record<string, string> = {
  ofTeamId: 'Team',
  teamId: 'Put on team',
  currency: 'Currency',
  sourceId: 'Source',
  hasSource: 'Has a source',
  createdFrom: 'Created from',
  createdTo: 'Created to',
  closedFrom: 'Closed from',
  closedTo: 'Closed to',
  expectedCloseFrom: 'Expected close from',
  expectedCloseTo: 'Expected close to',
};

/** The list's filters, as /pipeline takes them (the URL holds them under the API's names). */
function pipelineQuery(params: URLSearchParams): PipelineQuery {
  const query: Record<string, unknown> = { groupBy: 'stage' };
  for (const name of ['q', 'stage', 'partnerId', 'assignedToId', ...Object.keys(MORE_FILTERS)]) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  for (const name of ['closed', 'hasSource']) {
    const flag = params.get(name);
    if (flag === 'true' || flag === 'false') query[name] = flag === 'true';
  }
  return query;
}

/** Sums the per-stage totals by currency (display only). */
export function totalsByCurrency(groups: PipelineTotal[]): { currency: string; count: number; amount: number; weightedAmount: number }[] {
  const byCurrency = new Map<string, { currency: string; count: number; amount: number; weightedAmount: number }>();
  for (const group of groups) {
    const total = byCurrency.get(group.currency) ?? { currency: group.currency, count: 0, amount: 0, weightedAmount: 0 };
    total.count += group.count;
    total.amount += Number(group.amount);
    total.weightedAmount += Number(group.weightedAmount);
    byCurrency.set(group.currency, total);
  }
  return [...byCurrency.values()];
}

function PipelineFooter() {
  const [params] = useSearchParams();
  const query = useMemo(() => pipelineQuery(params), [params]);
  const { data } = usePipeline(query);
  const totals = totalsByCurrency(data?.groups ?? []);
  return (
    <Paper withBorder p="sm" mt="sm" data-testid="pipeline-footer">
      <Group gap="xl">
        <Text size="sm" fw={600}>
          Totals of the current filters
        </Text>
        {totals.length === 0 && <Text size="sm">—</Text>}
        {totals.map((total) => (
          <Text key={total.currency} size="sm">
            {total.count} opportunities · amount {formatMoney(String(total.amount), total.currency)} · weighted{' '}
            {formatMoney(String(total.weightedAmount), total.currency)}
          </Text>
        ))}
      </Group>
    </Paper>
  );
}

export function OpportunitiesListPage() {
  const navigate = useNavigate();
  const users = useLookup('/api/v1/users');
  const partners = useLookup('/api/v1/partners');
  const teams = useLookup('/api/v1/teams');
  const sources = useLookup('/api/v1/lead-sources');
  const closeLost = useCloseLost();
  const [losing, setLosing] = useState<OpportunityRow | null>(null);

  const columns = useMemo<ListColumn<OpportunityRow>[]>(
    () => [
      { label: 'Name', field: 'name', sortable: true },
      { label: 'Partner', field: 'partnerId', render: (row) => partners.nameOf(row.partnerId) ?? '' },
      { label: 'Stage', field: 'stage', sortable: true, nowrap: true, render: (row) => <OpportunityStageBadge stage={row.stage} /> },
      { label: 'Amount', field: 'amount', sortable: true, nowrap: true, render: (row) => formatMoney(row.amount, row.currency) },
      { label: 'Probability', field: 'probability', sortable: true, nowrap: true, render: (row) => `${row.probability}%` },
      { label: 'Expected close', field: 'expectedCloseDate', sortable: true, nowrap: true, render: (row) => formatDate(row.expectedCloseDate) },
      { label: 'Assigned to', field: 'assignedToId', render: (row) => users.nameOf(row.assignedToId) ?? '' },
    ],
    [users, partners],
  );
  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'select', param: 'stage', label: 'Stage', options: STAGE_OPTIONS },
      { kind: 'boolean', param: 'closed', label: 'Closed' },
      { kind: 'select', param: 'assignedToId', label: 'Assigned to', options: users.options },
    ],
    [users],
  );
  const now = useMemo(() => new Date(), []);

  return (
    <>
      <PageHeader title="Opportunities">
        <OpportunitiesViewSwitch />
      </PageHeader>
      <ListScreen
        path={OPPORTUNITIES_PATH}
        columns={columns}
        filters={filters}
        defaultSort="expectedCloseDate"
        noun="opportunities"
        onRowClick={(row) => void navigate(`/opportunities/${row.id}`)}
        moreFilters={MORE_FILTERS}
        moreFilterValue={(param, value) => moreFilterText(value, param === 'sourceId' ? sources.nameOf : teams.nameOf)}
        rowColor={(row) => opportunityColors(row, now).row}
        rowTextColor={(row) => opportunityColors(row, now).text}
        rowActions={(row) => <OpportunityQuickActions opportunity={row} onLose={() => setLosing(row)} />}
      >
        <OpportunityLegend />
      </ListScreen>
      <PipelineFooter />
      <LostReasonDialog
        opened={losing !== null}
        name={losing?.name ?? ''}
        onClose={() => setLosing(null)}
        onSubmit={async (body) => {
          if (!losing) return;
          await closeLost.mutateAsync({ id: losing.id, body });
          notifications.show({ color: 'gray', message: `${losing.name} marked as lost` });
        }}
      />
    </>
  );
}
