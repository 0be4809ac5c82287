import fc from 'fast-check';
import { awkwardText, oddDateOnly, oddDateTime, validDateOnly, validDateTime } from './hostile-values';
import type { JsonSchema } from './openapi-operations';
import type { ValueContext } from './schema-values';

// Strings, numbers and enum values by format and by field name: the leaves of the bodies schema-values.ts builds.

/** What a field named so holds: values it must accept, and plausible ones it must refuse (sent only in hostile bodies). */
export interface Shapes {
  valid: fc.Arbitrary<string>;
  invalid: fc.Arbitrary<string>;
}

const cents = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2));
const percent = fc.integer({ min: 0, max: 100 }).map(String);
const badDecimals = fc.constantFrom('-1', '1e3', '1,5', 'NaN', 'Infinity', '0.0000001', '123456789012345678901234567890', ' 5', '+5', '.5', '101', '1.234');

/** Fields whose name says their format (the contract's descriptions do, its schemas do not): what they accept and their near misses. */
export const NAMED: readonly [RegExp, Shapes][] = [
  [
    /email|smtpFrom/i,
    {
      valid: fc.oneof(fc.emailAddress(), fc.constantFrom('Jane.Doe@Example.COM', 'user+tag@example.co.uk')),
      invalid: fc.constantFrom('"john doe"@example.com', 'ünï@exämple.com', 'a@b', '@example.com', 'a@@b.c', `x@${'a'.repeat(250)}.com`),
    },
  ],
  [
    /phone/i,
    {
      valid: fc.oneof(
        fc.constantFrom('+33 1 23 45 67 89', '+1 555 010 9999', '06 12 34 56 78', '+44 20 7946 0958', '+49 30 123456'),
        fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+33 6 ${String(n).replace(/(\d\d)(?=\d)/g, '$1 ')}`),
      ),
      invalid: fc.constantFrom('call me', '+'.padEnd(40, '9'), '12', '+33 (0) 1-23'),
    },
  ],
  [
    /website/i,
    {
      valid: fc.oneof(fc.webUrl(), fc.constantFrom('https://acme.com', 'http://www.example.org/path?x=1')),
      invalid: fc.constantFrom('acme', 'javascript:alert(1)', 'ftp://x', 'not a site'),
    },
  ],
  [/^country$/, { valid: fc.constantFrom('FR', 'US', 'DE', 'GB', 'JP', 'fr'), invalid: fc.constantFrom('XX', 'FRA', 'France', '') }],
  [/^currency$/, { valid: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'CHF'), invalid: fc.constantFrom('eur', 'XXX', 'EURO', '€') }],
  [
    /colou?r/i,
    {
      valid: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
      invalid: fc.constantFrom('#FFF', 'red', '#gggggg', '16a34a'),
    },
  ],
  [
    /^timeZone$/,
    {
      valid: fc.constantFrom('Europe/Paris', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Etc/GMT+12'),
      invalid: fc.constantFrom('Mars/Olympus', 'europe/paris', '+01:00', 'Local'),
    },
  ],
  [
    /password/i,
    {
      valid: fc.oneof(fc.constantFrom('a-good-password', 'correct horse battery'), fc.string({ minLength: 8, maxLength: 40 })),
      invalid: fc.constantFrom('short', ''),
    },
  ],
  [/^(amount|unitPrice)$/, { valid: cents, invalid: badDecimals }],
  [/^(discountPercent|taxRate)$/, { valid: percent, invalid: badDecimals }],
  [/^quantity$/, { valid: fc.constantFrom('1', '2.5', '0.001', '12', '1000'), invalid: badDecimals }],
  [/^code$/, { valid: fc.stringMatching(/^[A-Z][A-Z0-9_-]{0,11}$/), invalid: fc.constantFrom('', 'a b', 'x'.repeat(100)) }],
];

function shaped(shapes: Shapes, ctx: ValueContext): fc.Arbitrary<string> {
  return ctx.hostileWeight ? fc.oneof({ arbitrary: shapes.valid, weight: 3 }, { arbitrary: shapes.invalid, weight: 1 }) : shapes.valid;
}

export function isDateOnly(schema: JsonSchema): boolean {
  return schema.format === 'date' || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example));
}

export function stringValue(schema: JsonSchema, name: string, ctx: ValueContext): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return shaped({ valid: validDateTime, invalid: oddDateTime }, ctx);
  if (isDateOnly(schema)) return shaped({ valid: validDateOnly, invalid: oddDateOnly }, ctx);
  const named = NAMED.find(([pattern]) => pattern.test(name));
  if (named) return shaped(named[1], ctx);
  const example = typeof schema.example === 'string' ? [schema.example] : [];
  return fc.oneof(
    ...(example.length ? [{ arbitrary: fc.constantFrom(...example), weight: 3 }] : []),
    { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 16 }), weight: 3 },
    { arbitrary: awkwardText, weight: 3 },
  );
}

/**
 * A PATCH's `version`: mostly the record's version as stored when the
 * request is sent (so that updates go through), else a fixed guess (409).
 */
export class CurrentVersion {
  [fc.toStringMethod](): string {
    return 'currentVersion';
  }
}

/** Integers within the declared bounds, or bounds the name implies; fractions and values just past them in hostile bodies. */
export function numberValue(schema: JsonSchema, name: string, ctx: ValueContext): fc.Arbitrary<unknown> {
  const bounds: Record<string, [number, number]> = {
    version: [1, 6],
    rank: [0, 20],
    smtpPort: [1, 65_535],
    probability: [0, 100],
    page: [1, 5],
    pageSize: [1, 200],
  };
  const [min, max] = bounds[name] ?? [schema.minimum ?? -10, schema.maximum ?? Math.max(1000, (schema.minimum ?? 0) + 1000)];
  const hostile = ctx.hostileWeight ? 1 : 0;
  return fc.oneof(
    { arbitrary: fc.constant(new CurrentVersion()), weight: name === 'version' ? 16 : 0 },
    { arbitrary: fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }), weight: 8 },
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: hostile },
    { arbitrary: fc.constantFrom(min - 1, max + 1), weight: hostile },
  );
}

/** Enum values a careless client sends: another case, padding, an unknown value. */
export function nearMisses(schema: JsonSchema): fc.Arbitrary<unknown> {
  const strings = (schema.enum ?? []).filter((v): v is string => typeof v === 'string');
  return fc.constantFrom(...strings.map((v) => v.toUpperCase()), ...strings.map((v) => ` ${v}`), 'unknown');
}

export function enumValue(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: fc.constantFrom(...(schema.enum ?? [])), weight: 12 }, { arbitrary: nearMisses(schema), weight: ctx.hostileWeight ? 1 : 0 });
}
