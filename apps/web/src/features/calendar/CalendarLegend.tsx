import { EVENT_TYPES } from '@crm/domain';
import { ColorSwatch, Group, Text } from '@mantine/core';
import type { Lookup } from '../../api/lookups';
import type { CalendarItem } from '../events/event-types';
import { TYPE_LABELS } from '../events/EventFields';
import type { ColorBy } from './calendar-state';
import { TYPE_COLORS, userColor } from './event-colors';

/** What the colours mean: the four types, or the people whose events are on screen. */
export function CalendarLegend({ colorBy, events, users }: { colorBy: ColorBy; events: CalendarItem[]; users: Lookup }) {
  const entries =
    colorBy === 'type'
      ? EVENT_TYPES.map((type) => ({ key: type, label: TYPE_LABELS[type], color: TYPE_COLORS[type] }))
      : [...new Set(events.map((event) => event.assignedToId))].map((id) => ({ key: id, label: users.nameOf(id) ?? '…', color: userColor(id) }));
  return (
    <Group gap="md" mb="xs" aria-label="Colour legend" role="list">
      {entries.map((entry) => (
        <Group key={entry.key} gap={6} role="listitem">
          <ColorSwatch color={entry.color} size={12} />
          <Text size="xs">{entry.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
