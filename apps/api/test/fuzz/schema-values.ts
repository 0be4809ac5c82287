import fc from 'fast-check';
import { enumValue, isDateOnly, NAMED, nearMisses, numberValue, stringValue } from './field-formats';
import { CATEGORY_TYPES, FIXED_SLOTS } from './fuzz-fixtures';
import { extremeNumber, hostileValue, malformedId, oddDateOnly, oddDateTime, unknownProperties } from './hostile-values';
import { IdPool, IdRef, kindsForField, POOL_KINDS, PoolKind } from './id-pool';
import type { JsonSchema } from './openapi-operations';

export interface ValueContext {
  pool: IdPool;
  /**
   * Out of 100, how often a field gets a hostile value instead of a
   * schema-shaped one. 0 makes bodies that pass validation often enough to
   * reach the services and the database.
   */
  hostileWeight: number;
}

/** A real record of one of these kinds; undefined when the pool has none. */
export function refTo(pool: IdPool, kinds: readonly PoolKind[]): fc.Arbitrary<IdRef> | undefined {
  const filled = kinds.filter((kind) => pool.size(kind) > 0);
  if (!filled.length) return undefined;
  return fc.oneof(...filled.map((kind) => fc.nat({ max: pool.size(kind) - 1 }).map((slot) => new IdRef(kind, slot))));
}

/** The kinds whose values are record ids (occurrence starts and feed file names are not). */
const ID_KINDS = POOL_KINDS.filter((kind) => kind !== 'occurrence' && kind !== 'feedFile');

/** A real record of the right kind (any owner); in hostile bodies also one of another kind, an unknown uuid or a malformed id. */
export function idValue(kinds: readonly PoolKind[], ctx: ValueContext): fc.Arbitrary<unknown> {
  const right = refTo(ctx.pool, kinds);
  const any = refTo(ctx.pool, ID_KINDS);
  // clean bodies name real records only: a body has up to ten ids, one bad one would refuse it
  if (right && !ctx.hostileWeight) return right;
  return fc.oneof(
    ...(right ? [{ arbitrary: right, weight: 14 }] : []),
    ...(any ? [{ arbitrary: any, weight: 2 }] : []),
    { arbitrary: fc.uuid({ version: 7 }), weight: 2 },
    { arbitrary: malformedId, weight: ctx.hostileWeight ? 2 : 0 },
  );
}

function arrayValue(schema: JsonSchema, name: string, ctx: ValueContext): fc.Arbitrary<unknown[]> {
  const singular = name.endsWith('Ids') ? name.slice(0, -1) : name;
  const item = valueFor(schema.items ?? {}, singular, ctx);
  // lists of ids and of enum values (weekdays) hold each once; a list of choices holds at least one
  const distinct = fc.uniqueArray(item, { maxLength: 3, minLength: schema.items?.enum ? 1 : 0, selector: (v) => fc.stringify(v) });
  return fc.oneof(
    { arbitrary: distinct, weight: 10 },
    // the same id twice, and far more items than a person would send
    { arbitrary: item.map((v) => [v, v]), weight: ctx.hostileWeight ? 1 : 0 },
    { arbitrary: item.map((v) => Array.from({ length: 300 }, () => v)), weight: ctx.hostileWeight ? 1 : 0 },
  );
}

/** Objects with their required properties, a random subset of the optional ones, and now and then unknown ones. */
function objectValue(schema: JsonSchema, name: string, ctx: ValueContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, fieldValue(property, key, ctx, name)]));
  const required = (schema.required ?? []).filter((key) => key in properties);
  const record = fc.record(model, { requiredKeys: required });
  return fc
    .tuple(record, fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 }, { arbitrary: unknownProperties, weight: ctx.hostileWeight ? 1 : 0 }), fc.nat(9))
    .map(([value, extra, pairing]) => {
      const merged: Record<string, unknown> = { ...value };
      // defined, not assigned: an own `__proto__` key must stay a property
      if (extra)
        for (const key of Object.keys(extra)) Object.defineProperty(merged, key, { value: extra[key], enumerable: true, configurable: true, writable: true });
      return plausible(merged, pairing);
    });
}

/**
 * Rules between fields that the contract states in words ("calls only",
 * "not with until"): drawn independently, most bodies would break one, so
 * nine in ten bodies are made to follow them and get past validation.
 */
function plausible(value: Record<string, unknown>, draw: number): Record<string, unknown> {
  if (draw >= 9) return value;
  const fixed: Record<string, unknown> = { ...value };
  // the start may be one of the extreme dates: a shifted one past what a Date holds is left alone
  const start = typeof fixed.startAt === 'string' ? Date.parse(fixed.startAt) : NaN;
  const after = (ms: number) => (Number.isFinite(start + ms) && Math.abs(start + ms) <= 8.64e15 ? new Date(start + ms) : undefined);
  const end = after((draw + 1) * 30 * 60_000);
  if (end && typeof fixed.endAt === 'string') fixed.endAt = end.toISOString();
  const day = Math.floor(start / 86_400_000) * 86_400_000;
  const lastDay = after(day - start + ((draw % 3) + 1) * 86_400_000);
  if (fixed.allDay === true && lastDay) {
    // all day: from a midnight to a later one, in the default time zone (UTC)
    fixed.startAt = new Date(day).toISOString();
    fixed.endAt = lastDay.toISOString();
    delete fixed.timeZone;
  }
  // a seeded category has the type its slot says; a rotated-in one may have any
  const category = fixed.categoryId;
  if (category instanceof IdRef && category.kind === 'eventCategory' && 'type' in fixed) {
    if (category.slot < FIXED_SLOTS) fixed.type = CATEGORY_TYPES[category.slot % CATEGORY_TYPES.length];
    else delete fixed.categoryId;
  }
  const recurrence = fixed.recurrence;
  const until = after((draw + 1) * 30 * 86_400_000);
  if (typeof recurrence === 'object' && recurrence !== null && 'until' in recurrence && until) {
    fixed.recurrence = { ...recurrence, until: until.toISOString().slice(0, 10) };
  }
  if (typeof fixed.type === 'string') {
    if (fixed.type !== 'call') delete fixed.callDirection;
    if (fixed.type !== 'task') delete fixed.priority;
  }
  if (typeof fixed.frequency === 'string') {
    if (fixed.frequency !== 'weekly') delete fixed.byWeekday;
    if (fixed.count !== undefined) delete fixed.until;
  }
  return fixed;
}

/** A schema-shaped value, ids from the pool; `parent` is the property holding this one's object (`partner` for `partner.id`). */
export function valueFor(schema: JsonSchema, name: string, ctx: ValueContext, parent?: string): fc.Arbitrary<unknown> {
  const kinds = kindsForField(name, parent);
  if (kinds && schema.type !== 'array') return idValue(kinds, ctx);
  if (schema.format === 'uuid') return idValue([], ctx);
  if (schema.enum) return enumValue(schema, ctx);
  switch (schema.type) {
    case 'string':
      return stringValue(schema, name, ctx);
    case 'number':
    case 'integer':
      return numberValue(schema, name, ctx);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return arrayValue(schema, name, ctx);
    default:
      return schema.properties ? objectValue(schema, name, ctx) : fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

/** One property of an object: shaped, null where allowed, hostile as often as the context says. */
function fieldValue(schema: JsonSchema, name: string, ctx: ValueContext, parent: string): fc.Arbitrary<unknown> {
  const shaped = valueFor(schema, name, ctx, parent);
  return fc.oneof(
    { arbitrary: shaped, weight: 100 - ctx.hostileWeight },
    { arbitrary: fc.constant(null), weight: schema.nullable ? 6 : 0 },
    { arbitrary: hostileValue, weight: ctx.hostileWeight },
    { arbitrary: extremeNumber, weight: ctx.hostileWeight && (schema.type === 'number' || schema.type === 'integer') ? ctx.hostileWeight : 0 },
  );
}

/**
 * A value the field must refuse, or that stresses what is behind it: the
 * near misses of its format, values past its bounds, ids of nothing or of
 * the wrong kind of record, then any hostile value.
 */
function badValue(schema: JsonSchema, name: string, ctx: ValueContext, parent?: string): fc.Arbitrary<unknown> {
  const specific: fc.Arbitrary<unknown>[] = [];
  const named = NAMED.find(([pattern]) => pattern.test(name));
  if (kindsForField(name, parent) || schema.format === 'uuid') specific.push(malformedId, fc.uuid({ version: 7 }), refTo(ctx.pool, ID_KINDS) ?? fc.uuid());
  else if (schema.enum) specific.push(nearMisses(schema));
  else if (schema.format === 'date-time') specific.push(oddDateTime);
  else if (isDateOnly(schema)) specific.push(oddDateOnly);
  else if (schema.type === 'string' && named) specific.push(named[1].invalid);
  else if (schema.type === 'number' || schema.type === 'integer')
    specific.push(fc.constantFrom((schema.minimum ?? 0) - 1, (schema.maximum ?? 1e6) + 1, 1.5), extremeNumber);
  else if (schema.properties) specific.push(oneBadField(schema, name, ctx));
  else if (schema.type === 'array' && schema.items)
    specific.push(fc.tuple(valueFor(schema.items, name, { ...ctx, hostileWeight: 0 }), badValue(schema.items, name.replace(/Ids$/, 'Id'), ctx)));
  return fc.oneof(
    ...specific.map((arbitrary) => ({ arbitrary, weight: 3 })),
    { arbitrary: hostileValue, weight: 2 },
    { arbitrary: fc.constant(null), weight: schema.nullable ? 0 : 1 },
  );
}

/**
 * A valid object but for one property: the value that reaches the deepest
 * (validation of the other fields passes, so the bad one meets the service
 * and the database, where 500s hide).
 */
export function oneBadField(schema: JsonSchema, name: string, ctx: ValueContext): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const clean = valueFor(schema, name, { ...ctx, hostileWeight: 0 });
  if (!properties.length) return clean;
  return fc.oneof(
    ...properties.map(([key, property]) =>
      fc.tuple(clean, badValue(property, key, ctx, name)).map(([value, bad]) => {
        const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        Object.defineProperty(copy, key, { value: bad, enumerable: true, configurable: true, writable: true });
        return copy;
      }),
    ),
  );
}
