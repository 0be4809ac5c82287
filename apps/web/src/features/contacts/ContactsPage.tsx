import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLookup } from '../../api/lookups';
import { ListFileActions } from '../../ui/files/FileActions';
import { ListScreen } from '../../ui/list-screen/ListScreen';
import type { ListFilter } from '../../ui/list-screen/types';
import { PageHeader } from '../../ui/PageHeader';
import { DuplicatesToolsMenu } from '../duplicates/DuplicatesToolsMenu';
import { RecordFormModal } from '../../ui/record-form/RecordFormModal';
import { NewContactNotice } from '../duplicates/similar/create-form-notices';
import { contactColumns, contactFields, CONTACTS_PATH } from './contact-fields';

export function ContactsPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const users = useLookup('/api/v1/users');
  const columns = useMemo(() => contactColumns({ users, withPartner: true }), [users]);
  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'reference', param: 'partnerId', label: 'Partner', path: '/api/v1/partners' },
      { kind: 'select', param: 'assignedToId', label: 'Assigned to', options: users.options },
      { kind: 'boolean', param: 'doNotCall', label: 'Do not call' },
      { kind: 'boolean', param: 'doNotEmail', label: 'Do not email' },
    ],
    [users],
  );

  return (
    <>
      <PageHeader title="Contacts">
        <DuplicatesToolsMenu entity="contacts" />
      </PageHeader>
      <ListScreen
        path={CONTACTS_PATH}
        columns={columns}
        filters={filters}
        defaultSort="lastName"
        noun="contacts"
        onRowClick={(row) => void navigate(`/contacts/${row.id}`)}
        newAction={{ label: 'New contact', onClick: () => setCreating(true) }}
        toolbarExtra={(state) => <ListFileActions base={CONTACTS_PATH} query={state.query} noun="contacts" />}
      />
      <RecordFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title="New contact"
        size="xl"
        columns={2}
        path={CONTACTS_PATH}
        fields={contactFields({ users: users.options, creating: true })}
        savedMessage="Contact created"
        notice={(values) => <NewContactNotice values={values} />}
        onSaved={(contact) => void navigate(`/contacts/${contact.id}`)}
      />
    </>
  );
}
