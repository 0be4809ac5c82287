/** Opportunity stages, in pipeline order; the last two close it. */
export const OPPORTUNITY_STAGES = ['new', 'qualification', 'proposition', 'negotiation', 'closed_won', 'closed_lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const OPEN_STAGES: readonly OpportunityStage[] = ['new', 'qualification', 'proposition', 'negotiation'];

/**
 * Axelor's default probability (%) of each stage: what a new installation's
 * CRM settings hold (migration 1764350000000 writes the same values as the
 * column's default) and what the settings form starts from.
 */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<OpportunityStage, number>> = {
  new: 10,
  qualification: 20,
  proposition: 50,
  negotiation: 80,
  closed_won: 100,
  closed_lost: 0,
};

export function isClosedStage(stage: OpportunityStage): boolean {
  return stage === 'closed_won' || stage === 'closed_lost';
}

export type StageChange = { allowed: true; stage: OpportunityStage } | { allowed: false; reason: string };

const refuse = (reason: string): StageChange => ({ allowed: false, reason });

/** next-stage: one step along the open stages; negotiation ends with won or lost, not a next step. */
export function nextStage(stage: OpportunityStage): StageChange {
  if (isClosedStage(stage)) return refuse('A closed opportunity cannot change stage; reopen it first.');
  if (stage === 'negotiation') return refuse('Negotiation is the last open stage: close the opportunity as won or lost.');
  return { allowed: true, stage: OPEN_STAGES[OPEN_STAGES.indexOf(stage) + 1] };
}

/**
 * Moving to another stage (kanban, won, lost): allowed from an open stage
 * to any stage; a closed opportunity moves only within its own column until
 * it is explicitly reopened.
 */
export function moveStage(from: OpportunityStage, to: OpportunityStage): StageChange {
  if (from === to) return { allowed: true, stage: to };
  if (isClosedStage(from)) return refuse('A closed opportunity cannot change stage; reopen it first.');
  return { allowed: true, stage: to };
}

/** reopen: a closed opportunity back to an open stage (default negotiation). */
export function reopenStage(from: OpportunityStage, to: OpportunityStage = 'negotiation'): StageChange {
  if (!isClosedStage(from)) return refuse('Only a closed opportunity can be reopened.');
  if (isClosedStage(to)) return refuse('Reopen to an open stage.');
  return { allowed: true, stage: to };
}

export type OpportunityHighlight = 'overdue_soon' | 'closing_soon' | 'aging' | 'won' | 'lost' | null;

/**
 * List colour of an opportunity (Axelor's grid, first matching rule wins):
 * open and expected to close within 7 days or overdue → red text;
 * within 15 days → orange text; created 7+ days ago → blue text;
 * closed won → green row; closed lost → red row; else none (black).
 */
export function opportunityHighlight(
  opportunity: { stage: OpportunityStage; expectedCloseDate: string | null; createdAt: string | Date },
  today: Date = new Date(),
): OpportunityHighlight {
  if (opportunity.stage === 'closed_won') return 'won';
  if (opportunity.stage === 'closed_lost') return 'lost';
  const day = 86_400_000;
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (opportunity.expectedCloseDate) {
    const daysLeft = Math.round((Date.parse(`${opportunity.expectedCloseDate}T00:00:00Z`) - startOfToday) / day);
    if (daysLeft <= 7) return 'overdue_soon';
    if (daysLeft <= 15) return 'closing_soon';
  }
  if (today.getTime() - new Date(opportunity.createdAt).getTime() >= 7 * day) return 'aging';
  return null;
}

export type ProbabilityBand = 'low' | 'medium' | 'high' | 'likely';

/** Kanban card border: red at 25% or less, orange below 50%, black from 50%, green from 75%. */
export function probabilityBand(probability: number): ProbabilityBand {
  if (probability <= 25) return 'low';
  if (probability < 50) return 'medium';
  if (probability < 75) return 'high';
  return 'likely';
}
