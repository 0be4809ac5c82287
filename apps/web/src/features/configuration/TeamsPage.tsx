import { useMemo } from 'react';
import { useLookup } from '../../api/lookups';
import { ConfigListPage } from './ConfigListPage';
import { defineConfigList } from './config-list';

export function TeamsPage() {
  const users = useLookup('/api/v1/users');
  const list = useMemo(
    () =>
      defineConfigList({
        path: '/api/v1/teams',
        title: 'Teams',
        singular: 'team',
        columns: [
          { label: 'Name', field: 'name', sortable: true },
          { label: 'Code', field: 'code', sortable: true },
          { label: 'Members', field: 'memberIds', render: (row) => row.memberIds.map((id) => users.nameOf(id) ?? '…').join(', ') },
        ],
        fields: () => [
          { name: 'name', label: 'Name', kind: 'text', required: true },
          { name: 'code', label: 'Code', kind: 'text' },
          { name: 'description', label: 'Description', kind: 'textarea' },
          { name: 'memberIds', label: 'Members', kind: 'multiselect', options: users.options },
        ],
        nameOf: (row) => row.name,
        modalSize: 'lg',
      }),
    [users],
  );
  return <ConfigListPage list={list} />;
}
