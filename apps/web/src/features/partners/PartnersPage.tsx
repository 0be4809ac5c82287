import { Switch } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import type { ListQuery, ListRow } from '../../api/resource-types';
import { ListFileActions } from '../../ui/files/FileActions';
import { ListScreen } from '../../ui/list-screen/ListScreen';
import type { ListColumn, ListFilter } from '../../ui/list-screen/types';
import { PageHeader } from '../../ui/PageHeader';
import { DuplicatesToolsMenu } from '../duplicates/DuplicatesToolsMenu';
import { RecordFormModal } from '../../ui/record-form/RecordFormModal';
import { NewPartnerNotice } from '../duplicates/similar/create-form-notices';
import { PARTNER_KIND_OPTIONS, PartnerFlags, partnerFields, partnerName, PARTNERS_PATH, usePartnerAssignees } from './partner-fields';

type PartnerRow = ListRow<typeof PARTNERS_PATH>;

/** Axelor's Customers menu lists customers and prospects; "Show all partners" lifts that. */
const CUSTOMERS_OR_PROSPECTS: ListQuery = { isCustomerOrProspect: true };

function ShowAllSwitch() {
  const [params, setParams] = useSearchParams();
  const all = params.get('all') === 'true';
  return (
    <Switch
      label="Show all partners"
      checked={all}
      onChange={(event) => {
        const checked = event.currentTarget.checked;
        setParams((previous) => {
          const next = new URLSearchParams(previous);
          if (checked) next.set('all', 'true');
          else next.delete('all');
          next.delete('page');
          return next;
        });
      }}
    />
  );
}

export function PartnersPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const users = useLookup('/api/v1/users');
  const assignees = usePartnerAssignees();
  const teams = useLookup('/api/v1/teams');
  const sources = useLookup('/api/v1/lead-sources');
  const all = params.get('all') === 'true';

  const columns = useMemo<ListColumn<PartnerRow>[]>(
    () => [
      { label: 'Name', field: 'name', sortable: true, render: partnerName },
      { label: 'Kind', field: 'kind', render: (row) => (row.kind === 'individual' ? 'Individual' : 'Company') },
      { label: 'Type', field: 'flags', render: (row) => <PartnerFlags partner={row} /> },
      { label: 'Email', field: 'email', sortable: true },
      { label: 'Phone', field: 'phone', nowrap: true, render: (row) => row.phone ?? row.mobilePhone ?? '' },
      { label: 'City', field: 'city', render: (row) => row.address.city ?? '' },
      { label: 'Assigned to', field: 'assignedToId', render: (row) => users.nameOf(row.assignedToId) ?? '' },
    ],
    [users],
  );

  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'boolean', param: 'isCustomer', label: 'Customer' },
      { kind: 'boolean', param: 'isProspect', label: 'Prospect' },
      { kind: 'boolean', param: 'isSupplier', label: 'Supplier' },
      { kind: 'select', param: 'kind', label: 'Kind', options: PARTNER_KIND_OPTIONS },
      { kind: 'select', param: 'assignedToId', label: 'Assigned to', options: users.options },
    ],
    [users],
  );

  return (
    <>
      <PageHeader title="Customers">
        <DuplicatesToolsMenu entity="partners" />
      </PageHeader>
      <ListScreen
        path={PARTNERS_PATH}
        columns={columns}
        filters={filters}
        baseQuery={all ? undefined : CUSTOMERS_OR_PROSPECTS}
        defaultSort="-createdAt"
        noun={all ? 'partners' : 'customers or prospects'}
        onRowClick={(row) => void navigate(`/partners/${row.id}`)}
        newAction={{ label: 'New partner', onClick: () => setCreating(true) }}
        toolbarExtra={(state) => (
          <>
            <ShowAllSwitch />
            <ListFileActions base={PARTNERS_PATH} query={state.query} noun="partners" />
          </>
        )}
      />
      <RecordFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title="New partner"
        size="xl"
        columns={2}
        path={PARTNERS_PATH}
        fields={partnerFields({ users: assignees, teams: teams.options, sources: sources.options, creating: true })}
        defaults={{ kind: 'company', isProspect: true }}
        savedMessage="Partner created"
        notice={(values) => <NewPartnerNotice values={values} />}
        onSaved={(partner) => void navigate(`/partners/${partner.id}`)}
      />
    </>
  );
}
