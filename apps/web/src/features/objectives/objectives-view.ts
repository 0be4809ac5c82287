import type { ObjectiveQuery } from './objectives-api';
import { timingOf, type Objective, type Timing } from './objective-progress';

/** Whose objectives the Objectives screen shows. */
export type Scope = 'mine' | 'teams' | 'everyone';

export interface ObjectivesView {
  scope: Scope;
  when: Timing;
  /** Everyone's, narrowed to one user or one team (managers and admins). */
  userId: string | null;
  teamId: string | null;
}

const SCOPES: Scope[] = ['mine', 'teams', 'everyone'];
const TIMINGS: Timing[] = ['current', 'upcoming', 'past'];

/** The screen's state from the URL; "everyone" only for those who may see it, the current objectives by default. */
export function parseObjectivesView(params: URLSearchParams, canSeeEveryone: boolean): ObjectivesView {
  const scope = SCOPES.find((value) => value === params.get('scope')) ?? 'mine';
  const when = TIMINGS.find((value) => value === params.get('when')) ?? 'current';
  const everyone = scope === 'everyone' && canSeeEveryone;
  return {
    scope: scope === 'everyone' && !canSeeEveryone ? 'mine' : scope,
    when,
    userId: everyone ? params.get('userId') || null : null,
    teamId: everyone ? params.get('teamId') || null : null,
  };
}

/** The URL of a view, leaving the defaults out. */
export function writeObjectivesView(view: ObjectivesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.scope !== 'mine') params.set('scope', view.scope);
  if (view.when !== 'current') params.set('when', view.when);
  if (view.scope === 'everyone' && view.userId) params.set('userId', view.userId);
  if (view.scope === 'everyone' && view.teamId) params.set('teamId', view.teamId);
  return params;
}

const SORT: Record<Timing, string> = { current: 'to', upcoming: 'from', past: '-to' };

/**
 * What the API is asked for: one query per team for "my teams'" (it filters one team at a time).
 * Current ones are filtered by the API (`on` today); upcoming and past ones by `objectivesFor`.
 */
export function objectiveQueries(view: ObjectivesView, me: { id: string; teamIds: string[] }, today: string, pageSize: number): ObjectiveQuery[] {
  const base: ObjectiveQuery = { sort: SORT[view.when], pageSize, ...(view.when === 'current' ? { on: today } : {}) };
  switch (view.scope) {
    case 'mine':
      return [{ ...base, userId: me.id }];
    case 'teams':
      return me.teamIds.map((teamId) => ({ ...base, teamId }));
    case 'everyone':
      return [{ ...base, ...(view.userId ? { userId: view.userId } : {}), ...(view.teamId ? { teamId: view.teamId } : {}) }];
  }
}

/** The objectives of the chosen timing, in the order asked. */
export function objectivesFor(objectives: Objective[], when: Timing, today: string): Objective[] {
  return objectives.filter((objective) => timingOf(objective, today) === when);
}
