/** Opportunity stages, in pipeline order; the last two close it. */
export const OPPORTUNITY_STAGES = ['new', 'qualification', 'proposition', 'negotiation', 'closed_won', 'closed_lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export function isClosedStage(stage: OpportunityStage): boolean {
  return stage === 'closed_won' || stage === 'closed_lost';
}
