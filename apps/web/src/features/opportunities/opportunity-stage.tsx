import { Badge } from '@mantine/core';
import type { OpportunityStage } from '@crm/domain';

/** Each stage's badge label, kanban column title and colour. */
export const STAGES: Record<OpportunityStage, { label: string; title: string; color: string }> = {
  new: { label: 'New', title: 'New', color: 'blue' },
  qualification: { label: 'Qualification', title: 'Qualification', color: 'cyan' },
  proposition: { label: 'Proposition', title: 'Proposition', color: 'indigo' },
  negotiation: { label: 'Negotiation', title: 'Negotiation', color: 'yellow' },
  closed_won: { label: 'Won', title: 'Closed won', color: 'green' },
  closed_lost: { label: 'Lost', title: 'Closed lost', color: 'red' },
};

export const STAGE_OPTIONS = (Object.keys(STAGES) as OpportunityStage[]).map((stage) => ({ value: stage, label: STAGES[stage].title }));

export function OpportunityStageBadge({ stage }: { stage: OpportunityStage }) {
  return (
    <Badge color={STAGES[stage].color} variant="light" tt="none" miw="max-content" style={{ overflow: 'visible' }} data-testid="opportunity-stage">
      {STAGES[stage].label}
    </Badge>
  );
}
