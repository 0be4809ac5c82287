import { OBJECTIVE_MEASURES, type ObjectiveFrequency } from '@crm/domain';
import type { CreateObjectiveBody, UpdateObjectiveBody } from './objectives-api';
import type { Objective, ObjectiveTargets } from './objective-progress';

/** Counts as a NumberInput holds them: a number, or '' when empty. */
type CountValue = number | string;

export interface ObjectiveFormValues {
  name: string;
  /** The segmented choice "A salesperson / A team". */
  forWhom: 'user' | 'team';
  userId: string | null;
  teamId: string | null;
  frequency: ObjectiveFrequency;
  from: string | null;
  to: string | null;
  currency: string;
  targets: {
    amountWon: string;
    opportunitiesCreated: CountValue;
    opportunitiesWon: CountValue;
    callsMade: CountValue;
    meetings: CountValue;
  };
}

/** The fields the API may name in a 400, as the form's paths (targets nest). */
export const OBJECTIVE_FIELDS = [
  'name',
  'userId',
  'teamId',
  'frequency',
  'from',
  'to',
  'currency',
  'targets',
  ...OBJECTIVE_MEASURES.map((m) => `targets.${m}`),
].map((name) => ({ name }));

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The calendar quarter of a day: what a new objective covers unless changed. */
export function quarterOf(today: Date): { from: string; to: string } {
  const first = Math.floor(today.getMonth() / 3) * 3;
  return { from: iso(new Date(today.getFullYear(), first, 1)), to: iso(new Date(today.getFullYear(), first + 3, 0)) };
}

/** The form's starting values: the objective's, or a monthly one for the current quarter in EUR. */
export function toFormValues(objective: Objective | null, today: Date = new Date()): ObjectiveFormValues {
  const quarter = quarterOf(today);
  const count = (value: number | null | undefined): CountValue => (value === null || value === undefined ? '' : value);
  return {
    name: objective?.name ?? '',
    forWhom: objective?.teamId ? 'team' : 'user',
    userId: objective?.userId ?? null,
    teamId: objective?.teamId ?? null,
    frequency: objective?.frequency ?? 'monthly',
    from: objective?.from ?? quarter.from,
    to: objective?.to ?? quarter.to,
    currency: objective?.currency ?? 'EUR',
    targets: {
      amountWon: objective?.targets.amountWon ?? '',
      opportunitiesCreated: count(objective?.targets.opportunitiesCreated),
      opportunitiesWon: count(objective?.targets.opportunitiesWon),
      callsMade: count(objective?.targets.callsMade),
      meetings: count(objective?.targets.meetings),
    },
  };
}

function countOf(value: CountValue): number | null {
  if (typeof value === 'number') return value;
  const text = value.trim();
  return text === '' ? null : Number(text);
}

/** The targets as sent: an amount as a decimal string (the API checks its form), counts as integers, empty as null. */
export function targetsOf(values: ObjectiveFormValues['targets']): ObjectiveTargets {
  const amount = values.amountWon.trim().replace(/\s/g, '');
  return {
    amountWon: amount === '' ? null : amount,
    opportunitiesCreated: countOf(values.opportunitiesCreated),
    opportunitiesWon: countOf(values.opportunitiesWon),
    callsMade: countOf(values.callsMade),
    meetings: countOf(values.meetings),
  };
}

function fullBody(values: ObjectiveFormValues): CreateObjectiveBody {
  return {
    name: values.name.trim(),
    // For one user or one team: the other one is null.
    userId: values.forWhom === 'user' ? values.userId : null,
    teamId: values.forWhom === 'team' ? values.teamId : null,
    frequency: values.frequency,
    from: values.from ?? '',
    to: values.to ?? '',
    currency: values.currency.trim().toUpperCase(),
    targets: targetsOf(values.targets),
  };
}

/** Creating sends everything; editing sends what changed (the targets whole when one changed) and the loaded version. */
export function objectiveBody(
  values: ObjectiveFormValues,
  initial: ObjectiveFormValues,
  objective: Objective | null,
): CreateObjectiveBody | UpdateObjectiveBody {
  const body = fullBody(values);
  if (!objective) return body;
  const before = fullBody(initial);
  const changes: UpdateObjectiveBody = { version: objective.version };
  for (const key of Object.keys(body) as (keyof CreateObjectiveBody)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key])) Object.assign(changes, { [key]: body[key] });
  }
  // Moving an objective from a user to a team (or back) clears the other one.
  if ('userId' in changes || 'teamId' in changes) Object.assign(changes, { userId: body.userId, teamId: body.teamId });
  return changes;
}

/** The checks made before asking the API: what is required; the API explains the rest (400 under the fields). */
export function validateObjective(values: ObjectiveFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Name is required';
  if (values.forWhom === 'user' && !values.userId) errors.userId = 'Choose the salesperson';
  if (values.forWhom === 'team' && !values.teamId) errors.teamId = 'Choose the team';
  if (!values.from) errors.from = 'First day is required';
  if (!values.to) errors.to = 'Last day is required';
  if (values.from && values.to && values.to < values.from) errors.to = 'The last day is before the first';
  if (!values.currency.trim()) errors.currency = 'Currency is required';
  if (Object.values(targetsOf(values.targets)).every((value) => value === null)) errors.targets = 'Give at least one target';
  return errors;
}
