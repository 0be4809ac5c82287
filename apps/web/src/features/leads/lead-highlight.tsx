import { Group, Text } from '@mantine/core';
import { leadHighlight, type LeadHighlight, type LeadStatus } from '@crm/domain';

type Highlight = Exclude<LeadHighlight, null>;

/** Axelor's lead grid colours (warning, primary, danger, success), with what each means for the legend. */
const LEAD_HIGHLIGHTS: Record<Highlight, { color: string; label: string }> = {
  untouched: { color: 'orange', label: 'New and unassigned for 15+ days' },
  new: { color: 'blue', label: 'New' },
  stale: { color: 'red', label: 'No change for 15+ days' },
  converted: { color: 'green', label: 'Converted' },
};

/** The row colour of a lead in lists; lost leads have none. */
export function leadRowColor(
  lead: { status: LeadStatus; assignedToId: string | null; createdAt: string; updatedAt: string },
  now: Date = new Date(),
): string | null {
  const highlight = leadHighlight(lead, now);
  return highlight ? LEAD_HIGHLIGHTS[highlight].color : null;
}

export function LeadLegend() {
  return (
    <Group gap="md" wrap="wrap" aria-label="Row colours">
      {Object.values(LEAD_HIGHLIGHTS).map(({ color, label }) => (
        <Group key={color} gap={6} wrap="nowrap">
          <span aria-hidden style={{ width: 4, height: 14, borderRadius: 2, background: `var(--mantine-color-${color}-filled)` }} />
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
