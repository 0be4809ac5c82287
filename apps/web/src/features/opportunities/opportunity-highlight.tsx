import { Group, Text } from '@mantine/core';
import { opportunityHighlight, type OpportunityHighlight, type OpportunityStage } from '@crm/domain';

type Highlight = Exclude<OpportunityHighlight, null>;

/** Axelor's opportunity grid: three rules colour the text, two tint the row. */
export const OPPORTUNITY_HIGHLIGHTS: Record<Highlight, { color: string; mode: 'text' | 'row'; label: string }> = {
  overdue_soon: { color: 'red', mode: 'text', label: 'Closing within 7 days or overdue' },
  closing_soon: { color: 'orange', mode: 'text', label: 'Closing within 15 days' },
  aging: { color: 'blue', mode: 'text', label: 'Open for 7+ days' },
  won: { color: 'green', mode: 'row', label: 'Won' },
  lost: { color: 'red', mode: 'row', label: 'Lost' },
};

type Colourable = { stage: OpportunityStage; expectedCloseDate: string | null; createdAt: string };

/** The row's colours in lists: `text` for the text rules, `row` for the tint rules. */
export function opportunityColors(opportunity: Colourable, today: Date = new Date()): { text: string | null; row: string | null } {
  const highlight = opportunityHighlight(opportunity, today);
  if (!highlight) return { text: null, row: null };
  const rule = OPPORTUNITY_HIGHLIGHTS[highlight];
  return rule.mode === 'text' ? { text: rule.color, row: null } : { text: null, row: rule.color };
}

export function OpportunityLegend() {
  return (
    <Group gap="md" wrap="wrap" aria-label="Row colours">
      {Object.entries(OPPORTUNITY_HIGHLIGHTS).map(([key, { color, mode, label }]) => (
        <Group key={key} gap={6} wrap="nowrap">
          {mode === 'row' ? (
            <span
              aria-hidden
              style={{
                width: 14,
                height: 14,
                borderRadius: 2,
                background: `var(--mantine-color-${color}-1)`,
                boxShadow: `inset 3px 0 0 var(--mantine-color-${color}-filled)`,
              }}
            />
          ) : (
            <Text span size="xs" fw={700} c={`${color}.7`} aria-hidden>
              Aa
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
