import { Badge, ColorSwatch, Group, Text } from '@mantine/core';
import { EVENT_TYPES } from '@crm/domain';
import { defineConfigList } from './config-list';

const EVENT_TYPE_OPTIONS = EVENT_TYPES.map((type) => ({ value: type, label: type[0].toUpperCase() + type.slice(1) }));

export const LEAD_SOURCES = defineConfigList({
  path: '/api/v1/lead-sources',
  title: 'Lead sources',
  singular: 'lead source',
  columns: [
    { label: 'Name', field: 'name', sortable: true },
    { label: 'Code', field: 'code', sortable: true },
  ],
  fields: () => [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'code', label: 'Code', kind: 'text', description: 'Short code, upper-case letters and digits' },
  ],
  nameOf: (row) => row.name,
});

export const LOST_REASONS = defineConfigList({
  path: '/api/v1/lost-reasons',
  title: 'Lost reasons',
  singular: 'lost reason',
  columns: [
    { label: 'Name', field: 'name', sortable: true },
    { label: 'Asks for an explanation', field: 'freeText' },
  ],
  fields: () => [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'freeText', label: 'Asks for a free-text explanation', kind: 'checkbox' },
  ],
  nameOf: (row) => row.name,
});

export const EVENT_CATEGORIES = defineConfigList({
  path: '/api/v1/event-categories',
  title: 'Event categories',
  singular: 'event category',
  columns: [
    {
      label: 'Name',
      field: 'name',
      sortable: true,
      render: (row) => (
        <Group gap="xs" wrap="nowrap">
          {row.color && <ColorSwatch color={row.color} size={14} />}
          <Text size="sm">{row.name}</Text>
        </Group>
      ),
    },
    { label: 'Code', field: 'code', sortable: true },
    { label: 'Type', field: 'type', render: (row) => <Badge variant="light">{row.type}</Badge> },
  ],
  fields: () => [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'code', label: 'Code', kind: 'text', required: true },
    { name: 'type', label: 'Type', kind: 'select', required: true, options: EVENT_TYPE_OPTIONS },
    { name: 'color', label: 'Color', kind: 'text', placeholder: '#3b82f6', description: 'Calendar colour, like #3b82f6' },
  ],
  nameOf: (row) => row.name,
  filters: [{ kind: 'select', param: 'type', label: 'Type', options: EVENT_TYPE_OPTIONS }],
});

export const OPPORTUNITY_TYPES = defineConfigList({
  path: '/api/v1/opportunity-types',
  title: 'Opportunity types',
  singular: 'opportunity type',
  columns: [
    { label: 'Name', field: 'name', sortable: true },
    { label: 'Code', field: 'code', sortable: true },
  ],
  fields: () => [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'code', label: 'Code', kind: 'text', required: true },
  ],
  nameOf: (row) => row.name,
});
