import Decimal from 'decimal.js';
import { completion, OBJECTIVE_MEASURES, type DayRange } from '@crm/domain';
import type { EventAchievement } from '../events';
import type { OpportunityAchievement } from '../opportunities';
import type { ObjectiveActuals, ObjectiveCompletion, ObjectivePeriodProgress } from './dto/objective.dto';
import type { ObjectiveTargets } from './objective.entity';

/** One period's figures, from what the opportunities and events modules counted. */
export function periodProgress(
  range: DayRange,
  targets: ObjectiveTargets,
  currency: string,
  deals: OpportunityAchievement,
  events: EventAchievement,
): ObjectivePeriodProgress {
  const actual: ObjectiveActuals = {
    amountWon: deals.amountWon[currency] ?? '0.00',
    amountWonByCurrency: deals.amountWon,
    opportunitiesCreated: deals.created,
    opportunitiesWon: deals.won,
    callsMade: events.callsMade,
    meetings: events.meetings,
  };
  return { ...range, target: targets, actual, percent: completionOf(actual, targets) };
}

/** The whole range: actuals and targets of the periods added up (amounts exactly, per currency). */
export function totalProgress(range: DayRange, periods: ObjectivePeriodProgress[], currency: string): ObjectivePeriodProgress {
  const byCurrency: Record<string, Decimal> = {};
  for (const period of periods) {
    for (const [code, amount] of Object.entries(period.actual.amountWonByCurrency)) byCurrency[code] = (byCurrency[code] ?? new Decimal(0)).plus(amount);
  }
  const sum = (pick: (period: ObjectivePeriodProgress) => number) => periods.reduce((total, period) => total + pick(period), 0);
  const amountWonByCurrency = Object.fromEntries(Object.entries(byCurrency).map(([code, amount]) => [code, amount.toFixed(2)]));
  const actual: ObjectiveActuals = {
    amountWon: amountWonByCurrency[currency] ?? '0.00',
    amountWonByCurrency,
    opportunitiesCreated: sum((period) => period.actual.opportunitiesCreated),
    opportunitiesWon: sum((period) => period.actual.opportunitiesWon),
    callsMade: sum((period) => period.actual.callsMade),
    meetings: sum((period) => period.actual.meetings),
  };
  const perPeriod = periods[0].target;
  const times = (value: number | null | undefined) => (value === null || value === undefined ? null : value * periods.length);
  const target: ObjectiveTargets = {
    amountWon: perPeriod.amountWon === null || perPeriod.amountWon === undefined ? null : new Decimal(perPeriod.amountWon).times(periods.length).toFixed(2),
    opportunitiesCreated: times(perPeriod.opportunitiesCreated),
    opportunitiesWon: times(perPeriod.opportunitiesWon),
    callsMade: times(perPeriod.callsMade),
    meetings: times(perPeriod.meetings),
  };
  return { ...range, target, actual, percent: completionOf(actual, target) };
}

function completionOf(actual: ObjectiveActuals, target: ObjectiveTargets): ObjectiveCompletion {
  const percent = {} as ObjectiveCompletion;
  for (const measure of OBJECTIVE_MEASURES) {
    const aimed = target[measure];
    percent[measure] = completion(Number(actual[measure]), aimed === null || aimed === undefined ? null : Number(aimed));
  }
  return percent;
}
