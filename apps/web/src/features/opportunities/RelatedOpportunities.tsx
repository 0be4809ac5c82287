import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useLookup } from '../../api/lookups';
import type { ListQuery, ListRow } from '../../api/resource-types';
import { formatDate, formatMoney } from '../../ui/format';
import { RelatedList } from '../../ui/list-screen/RelatedList';
import type { ListColumn } from '../../ui/list-screen/types';
import { OpportunityStageBadge } from './opportunity-stage';

export const OPPORTUNITIES_PATH = '/api/v1/opportunities';
type OpportunityRow = ListRow<typeof OPPORTUNITIES_PATH>;

/** The opportunities of a lead, partner or contact (`query` links them), on that record's page. */
export function RelatedOpportunities({ query }: { query: ListQuery }) {
  const navigate = useNavigate();
  const users = useLookup('/api/v1/users');
  const columns = useMemo<ListColumn<OpportunityRow>[]>(
    () => [
      { label: 'Name', field: 'name', sortable: true },
      { label: 'Stage', field: 'stage', sortable: true, nowrap: true, render: (row) => <OpportunityStageBadge stage={row.stage} /> },
      { label: 'Amount', field: 'amount', sortable: true, nowrap: true, render: (row) => formatMoney(row.amount, row.currency) },
      { label: 'Expected close', field: 'expectedCloseDate', sortable: true, nowrap: true, render: (row) => formatDate(row.expectedCloseDate) },
      { label: 'Assigned to', field: 'assignedToId', render: (row) => users.nameOf(row.assignedToId) ?? '' },
    ],
    [users],
  );
  return (
    <RelatedList
      path={OPPORTUNITIES_PATH}
      query={query}
      columns={columns}
      defaultSort="-createdAt"
      noun="opportunities"
      onRowClick={(row) => void navigate(`/opportunities/${row.id}`)}
    />
  );
}
