import { isManagerOrAdmin, type OpportunityStage, type UserRole } from '@crm/domain';
import type { EventsQuery } from '../events/event-types';
import type { ObjectiveQuery } from '../objectives/objectives-api';
import type { PipelineQuery } from '../opportunities/opportunity-actions';
import { EVERYONE } from '../activities/activity-views';

/**
 * Whose figures the home page shows: a salesperson's own; a manager's (or
 * an admin's) team, everyone, or their own, picked in the URL (`?scope=`),
 * by default their first team.
 */
export type HomeScope = { kind: 'me'; userId: string } | { kind: 'team'; teamId: string } | { kind: 'everyone' };

interface Me {
  id: string;
  role: UserRole;
  teamIds: string[];
}

export const SCOPE_PARAM = 'scope';
const MINE = 'me';

export function canPickScope(me: Pick<Me, 'role'>): boolean {
  return isManagerOrAdmin(me.role);
}

export function parseHomeScope(params: URLSearchParams, me: Me): HomeScope {
  if (!canPickScope(me)) return { kind: 'me', userId: me.id };
  const value = params.get(SCOPE_PARAM);
  if (value === MINE) return { kind: 'me', userId: me.id };
  if (value === EVERYONE) return { kind: 'everyone' };
  if (value) return { kind: 'team', teamId: value };
  const [first] = me.teamIds;
  return first ? { kind: 'team', teamId: first } : { kind: 'everyone' };
}

/** The picker's value for a scope. */
export function scopeValue(scope: HomeScope): string {
  return scope.kind === 'me' ? MINE : scope.kind === 'everyone' ? EVERYONE : scope.teamId;
}

/** The events of the scope, as `GET /events` filters them. */
export function scopeEventsQuery(scope: HomeScope): EventsQuery {
  if (scope.kind === 'me') return { assignedToId: [scope.userId] };
  if (scope.kind === 'team') return { teamId: scope.teamId };
  return {};
}

/** The same events in the lists' URL: theirs are the signed-in user's by default. */
export function scopeListParams(scope: HomeScope): Record<string, string> {
  if (scope.kind === 'me') return {};
  if (scope.kind === 'team') return { teamId: scope.teamId, assignedToId: EVERYONE };
  return { assignedToId: EVERYONE };
}

/** The opportunities of the scope, for the pipeline totals: a team's are those put on it or on its members. */
export function scopePipelineQuery(scope: HomeScope): PipelineQuery {
  if (scope.kind === 'me') return { assignedToId: scope.userId };
  if (scope.kind === 'team') return { ofTeamId: scope.teamId };
  return {};
}

/** The objectives of the scope that run today. */
export function scopeObjectivesQuery(scope: HomeScope, today: string, pageSize: number): ObjectiveQuery {
  const query: ObjectiveQuery = { on: today, pageSize, sort: 'name' };
  if (scope.kind === 'me') query.userId = scope.userId;
  if (scope.kind === 'team') query.teamId = scope.teamId;
  return query;
}

/** A stage's bar leads to the opportunities list at that stage (the scope's assignee, for one person). */
export function stageListPath(stage: OpportunityStage, scope: HomeScope): string {
  const params = new URLSearchParams({ stage });
  if (scope.kind === 'me') params.set('assignedToId', scope.userId);
  return `/opportunities/list?${params.toString()}`;
}

/** A list of the events pages with the scope's people and more filters: `/events/calls?startFrom=…`. */
export function listPath(path: string, scope: HomeScope, filters: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...filters, ...scopeListParams(scope) }).toString();
  return search ? `${path}?${search}` : path;
}
