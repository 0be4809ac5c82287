import fc from 'fast-check';
import type { HttpMethod } from './openapi-operations';

/** The kinds of existing records (and record-like strings) the fuzzer refers to. */
export const POOL_KINDS = [
  'actor', // the two users the fuzzer signs in as (never a PATCH/DELETE /users target, see pathKinds)
  'user',
  'team',
  'leadSource',
  'lostReason',
  'eventCategory',
  'opportunityType',
  'lead',
  'partner',
  'contact',
  'opportunity',
  'quotation',
  'event',
  'series',
  'calendar',
  'token',
  'email',
  'notification',
  'importJob',
  'feedFile',
  'occurrence',
] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/**
 * A reference to the record in slot `slot` of a kind, resolved when the
 * request is sent. Generated values hold slots, not ids: the same seed gives
 * the same requests (replay, shrinking) even after a slot's record was
 * deleted and replaced by a new one.
 */
export class IdRef {
  constructor(
    readonly kind: PoolKind,
    readonly slot: number,
  ) {}

  [fc.toStringMethod](): string {
    return `ref(${this.kind}#${this.slot})`;
  }
}

/** The current record of every slot. */
export class IdPool {
  private readonly slots = new Map<PoolKind, string[]>();

  add(kind: PoolKind, value: string): void {
    const values = this.slots.get(kind) ?? [];
    values.push(value);
    this.slots.set(kind, values);
  }

  size(kind: PoolKind): number {
    return this.slots.get(kind)?.length ?? 0;
  }

  resolve(ref: IdRef): string {
    const value = this.slots.get(ref.kind)?.[ref.slot];
    if (value === undefined) throw new Error(`empty pool slot ${ref.kind}#${ref.slot}`);
    return value;
  }

  replace(ref: IdRef, value: string): void {
    const values = this.slots.get(ref.kind);
    if (values && ref.slot < values.length) values[ref.slot] = value;
  }

  /** Every (kind, slot), for "a real id of some other record". */
  allRefs(): IdRef[] {
    return [...this.slots.entries()].flatMap(([kind, values]) => values.map((_, slot) => new IdRef(kind, slot)));
  }
}

/** Field name stems (`assignedToId` → `assignedTo`) and the kinds they name. */
const FIELD_KINDS: Record<string, readonly PoolKind[]> = {
  user: ['user', 'actor'],
  assignedTo: ['user', 'actor'],
  ownerUser: ['user', 'actor'],
  followedUser: ['user', 'actor'],
  attendeeUser: ['user', 'actor'],
  member: ['user', 'actor'],
  team: ['team'],
  ownerTeam: ['team'],
  followedTeam: ['team'],
  customerAssignableTeam: ['team'],
  source: ['leadSource'],
  lostReason: ['lostReason'],
  category: ['eventCategory'],
  type: ['opportunityType'],
  lead: ['lead'],
  partner: ['partner'],
  contact: ['contact'],
  attendeeContact: ['contact'],
  opportunity: ['opportunity'],
  series: ['series'],
  calendar: ['calendar'],
  job: ['importJob'],
};

/**
 * The kinds an id field refers to: `teamId`, `attendeeUserIds`, or a bare
 * `id` inside `partner: {mode, id}` (its parent names the kind). Undefined
 * for a field that is not an id.
 */
export function kindsForField(name: string, parent?: string): readonly PoolKind[] | undefined {
  const stem = name === 'id' ? parent : name.match(/^(\w+?)Ids?$/)?.[1];
  return stem === undefined ? undefined : FIELD_KINDS[stem];
}

/** `/api/v1/<segment>/{id}` → the kinds of records such a path addresses. */
const SEGMENT_KINDS: Record<string, readonly PoolKind[]> = {
  users: ['user', 'actor'],
  teams: ['team'],
  'lead-sources': ['leadSource'],
  'lost-reasons': ['lostReason'],
  'event-categories': ['eventCategory'],
  'opportunity-types': ['opportunityType'],
  leads: ['lead'],
  partners: ['partner'],
  contacts: ['contact'],
  opportunities: ['opportunity'],
  quotations: ['quotation'],
  events: ['event', 'series'],
  calendars: ['calendar'],
  tokens: ['token'],
  emails: ['email'],
  notifications: ['notification'],
  imports: ['importJob'],
};

const PARAM_KINDS: Record<string, readonly PoolKind[]> = {
  seriesId: ['series'],
  originalStartAt: ['occurrence'],
  jobId: ['importJob'],
  file: ['feedFile'],
};

/** The kinds a path parameter takes its real values from. */
export function pathKinds(method: HttpMethod, path: string, param: string): readonly PoolKind[] {
  if (param !== 'id') return PARAM_KINDS[param] ?? [];
  const segment = path.split('/{id}')[0].split('/').pop() ?? '';
  // The fuzzer must not demote, deactivate, re-password or delete the users it
  // signs in as (the rest of the run would be 401/403): it changes other users only.
  if (segment === 'users' && method !== 'GET') return ['user'];
  return SEGMENT_KINDS[segment] ?? [];
}

/**
 * The kind of record a `POST` to this path creates (`/leads` → lead,
 * `/opportunities/{id}/quotations` → quotation, `/events` → event or series
 * by the answer's recurrence); undefined for actions that create none.
 */
export function createdKind(path: string, answer: Record<string, unknown>): PoolKind | undefined {
  const segment = path.split('/').pop() ?? '';
  if (segment === 'events') return answer.recurrence ? 'series' : 'event';
  return SEGMENT_KINDS[segment]?.find((kind) => kind !== 'actor');
}
