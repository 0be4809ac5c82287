import { OPEN_STAGES, type OpportunityStage } from '@crm/domain';
import type { PipelineTotal } from '../opportunities/opportunity-actions';

export interface StageBar {
  stage: OpportunityStage;
  count: number;
  /** Numbers for the chart's geometry; the texts use the API's decimal strings. */
  weighted: number;
  weightedAmount: string;
}

export interface PipelineChart {
  currency: string | null;
  bars: StageBar[];
  /** What the other currencies hold (never added in): "3 in USD". */
  others: { currency: string; count: number }[];
}

/**
 * The open stages' weighted totals in one currency (the one weighing most),
 * every open stage present, in the pipeline's order; the opportunities in
 * other currencies are counted apart, not converted.
 */
export function pipelineChart(groups: PipelineTotal[]): PipelineChart {
  const open = groups.filter((group) => (OPEN_STAGES as readonly (string | null)[]).includes(group.key));
  const weightByCurrency = new Map<string, number>();
  for (const group of open) weightByCurrency.set(group.currency, (weightByCurrency.get(group.currency) ?? 0) + Number(group.weightedAmount));
  const currency = [...weightByCurrency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const bars = OPEN_STAGES.map((stage): StageBar => {
    const group = open.find((candidate) => candidate.key === stage && candidate.currency === currency);
    return { stage, count: group?.count ?? 0, weighted: Number(group?.weightedAmount ?? 0), weightedAmount: group?.weightedAmount ?? '0' };
  });
  const others = new Map<string, number>();
  for (const group of open) if (group.currency !== currency) others.set(group.currency, (others.get(group.currency) ?? 0) + group.count);
  return { currency, bars, others: [...others.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ currency: code, count })) };
}
