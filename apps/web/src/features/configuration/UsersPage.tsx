import { Badge, Group } from '@mantine/core';
import { USER_ROLES } from '@crm/domain';
import { useMemo } from 'react';
import { useLookup } from '../../api/lookups';
import { ConfigListPage } from './ConfigListPage';
import { defineConfigList } from './config-list';

const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: role[0].toUpperCase() + role.slice(1) }));

export function UsersPage() {
  const teams = useLookup('/api/v1/teams');
  const list = useMemo(
    () =>
      defineConfigList({
        path: '/api/v1/users',
        title: 'Users',
        singular: 'user',
        columns: [
          { label: 'Name', field: 'name', sortable: true },
          { label: 'Email', field: 'email', sortable: true },
          { label: 'Role', field: 'role', sortable: true, render: (row) => <Badge variant="light">{row.role}</Badge> },
          {
            label: 'Teams',
            field: 'teamIds',
            render: (row) => (
              <Group gap={4}>
                {row.teamIds.map((id) => (
                  <Badge key={id} variant="outline" size="sm">
                    {teams.nameOf(id) ?? '…'}
                  </Badge>
                ))}
              </Group>
            ),
          },
          {
            label: 'Active',
            field: 'active',
            render: (row) => (row.active ? <Badge color="green">Active</Badge> : <Badge color="gray">Inactive</Badge>),
          },
        ],
        fields: (mode) => [
          { name: 'email', label: 'Email', kind: 'email', required: true },
          { name: 'name', label: 'Name', kind: 'text', required: true },
          { name: 'role', label: 'Role', kind: 'select', required: true, options: ROLE_OPTIONS },
          { name: 'teamIds', label: 'Teams', kind: 'multiselect', options: teams.options },
          { name: 'active', label: 'Active', kind: 'checkbox', description: 'Inactive users cannot sign in' },
          {
            name: 'password',
            label: 'Password',
            kind: 'password',
            required: 'create',
            description: mode === 'edit' ? 'Leave empty to keep the current password' : 'At least 8 characters',
          },
        ],
        defaults: { role: 'salesperson', active: true },
        nameOf: (row) => row.name,
        filters: [
          { kind: 'select', param: 'role', label: 'Role', options: ROLE_OPTIONS },
          { kind: 'boolean', param: 'active', label: 'Active' },
          { kind: 'select', param: 'teamId', label: 'Team', options: teams.options },
        ],
      }),
    [teams],
  );
  return <ConfigListPage list={list} />;
}
