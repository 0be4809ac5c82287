import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLookup } from '../../api/lookups';
import type { ListRow } from '../../api/resource-types';
import { useCurrentUser } from '../../api/session';
import { ListFileActions } from '../../ui/files/FileActions';
import { formatDate, moreFilterText } from '../../ui/format';
import { ListScreen } from '../../ui/list-screen/ListScreen';
import type { ListColumn, ListFilter } from '../../ui/list-screen/types';
import { PageHeader } from '../../ui/PageHeader';
import { DuplicatesToolsMenu } from '../duplicates/DuplicatesToolsMenu';
import { RecordFormModal } from '../../ui/record-form/RecordFormModal';
import { NewLeadNotice } from '../duplicates/similar/create-form-notices';
import { fullName, LEADS_PATH, leadFields } from './lead-fields';
import { LeadLegend, leadRowColor } from './lead-highlight';
import { LEAD_STATUS_OPTIONS, LeadStatusBadge } from './lead-status';
import { canTakeCharge, TakeChargeButton, useTakeCharge } from './TakeChargeButton';

type LeadRow = ListRow<typeof LEADS_PATH>;

/** Filters of the API without an input here, kept from the URL (a report's drill-down lands with them). */
const MORE_FILTERS: Record<string, string> = {
  ofTeamId: 'Team',
  teamId: 'Put on team',
  hasSource: 'Has a source',
  createdFrom: 'Created from',
  createdTo: 'Created to',
  convertedFrom: 'Converted from',
  convertedTo: 'Converted to',
};

export function LeadsPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const me = useCurrentUser().data;
  const users = useLookup('/api/v1/users');
  const sources = useLookup('/api/v1/lead-sources');
  const teams = useLookup('/api/v1/teams');
  const { takeCharge, pendingId } = useTakeCharge();

  const columns = useMemo<ListColumn<LeadRow>[]>(
    () => [
      { label: 'Name', field: 'name', sortable: true, sortField: 'lastName', render: fullName },
      { label: 'Company', field: 'companyName', sortable: true },
      { label: 'Email', field: 'email', sortable: true },
      { label: 'Phone', field: 'phone', nowrap: true },
      { label: 'Status', field: 'status', sortable: true, nowrap: true, render: (row) => <LeadStatusBadge status={row.status} /> },
      { label: 'Source', field: 'sourceId', render: (row) => sources.nameOf(row.sourceId) ?? '' },
      { label: 'Assigned to', field: 'assignedToId', render: (row) => users.nameOf(row.assignedToId) ?? '' },
      { label: 'Created', field: 'createdAt', sortable: true, nowrap: true, render: (row) => formatDate(row.createdAt) },
    ],
    [users, sources],
  );

  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'select', param: 'status', label: 'Status', options: LEAD_STATUS_OPTIONS },
      { kind: 'select', param: 'assignedToId', label: 'Assigned to', options: users.options },
      { kind: 'select', param: 'sourceId', label: 'Source', options: sources.options },
    ],
    [users, sources],
  );

  // One clock for the page, so every row is coloured against the same "now".
  const now = useMemo(() => new Date(), []);

  return (
    <>
      <PageHeader title="Leads">
        <DuplicatesToolsMenu entity="leads" />
      </PageHeader>
      <ListScreen
        path={LEADS_PATH}
        columns={columns}
        filters={filters}
        defaultSort="-createdAt"
        noun="leads"
        onRowClick={(row) => void navigate(`/leads/${row.id}`)}
        newAction={{ label: 'New lead', onClick: () => setCreating(true) }}
        toolbarExtra={(state) => <ListFileActions base={LEADS_PATH} query={state.query} noun="leads" />}
        moreFilters={MORE_FILTERS}
        moreFilterValue={(_param, value) => moreFilterText(value, teams.nameOf)}
        rowColor={(row) => leadRowColor(row, now)}
        rowActions={(row) => (me && canTakeCharge(row, me.id) ? <TakeChargeButton lead={row} onClick={takeCharge} loading={pendingId === row.id} /> : null)}
      >
        <LeadLegend />
      </ListScreen>
      <RecordFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title="New lead"
        size="xl"
        columns={2}
        path={LEADS_PATH}
        fields={leadFields({ users: users.options, sources: sources.options, creating: true })}
        savedMessage="Lead created"
        notice={(values) => <NewLeadNotice values={values} />}
        onSaved={(lead) => void navigate(`/leads/${lead.id}`)}
      />
    </>
  );
}
