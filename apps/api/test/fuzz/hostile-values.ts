import fc from 'fast-check';
import { RawJson } from './wire-encoding';

/**
 * Text a careful client may well send and the API must store or refuse
 * cleanly: scripts, marks and symbols of every kind, quoting, lengths
 * around the usual column limits.
 */
export const awkwardText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Zoë Ångström',
    'محمد\u200f',
    '\u202eevil.exe',
    'שלום \u200fעולם',
    '👩‍👩‍👧‍👦 family',
    '🏳️‍🌈',
    'e\u0301\u0301\u0301',
    'İstanbul ß ǅ ﬁ',
    'ＡＢＣ１２３',
    "O'Brien",
    '"quoted", comma',
    '=HYPERLINK("http://x")',
    '  padded  ',
    'line\r\nbreak\ttab',
    '\u2028\u2029',
    '\ufeffBOM',
    '%_\\*?[]',
    '<script>alert(1)</script>',
    '${7*7}{{7*7}}',
    "'; DROP TABLE leads; --",
    'x'.repeat(255),
    'x'.repeat(256),
    '中文名字',
    '\u0007\u001b[31mred',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Strings no field should accept as they are, or that stress the layers below. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u0000\u0000', '\ud800', '\udfff', 'ab\ud83d', '\udc00x', 'x\ud800\u0000'),
  fc.constantFrom('null', 'undefined', 'NaN', 'true', '-0', '1e309', '0x1F', '{}', '[]', '__proto__', 'constructor'),
  fc.constantFrom('../../../etc/passwd', '..', '%00', '%2e%2e%2f', 'C:\\Windows', '\\\\server\\share'),
  fc.constantFrom('x'.repeat(10_000), '🙂'.repeat(3_000), 'é'.repeat(5_000)),
  fc.constantFrom('2026-02-30', '0000-00-00', '9999-99-99T99:99:99Z', '1970-01-01T00:00:00Z'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((s) => `${s}\u0000`),
);

/** JSON nested deeper than any DTO: parsers and validators that recurse must not fall over. */
export const deepJson: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(32, 256, 2_000, 10_000), fc.constantFrom('array', 'object'))
  .map(([depth, shape]) =>
    shape === 'array'
      ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, `array nested ${depth} deep`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `object nested ${depth} deep`),
  );

/** Numbers at and past every limit a column or a Date can hold. */
export const extremeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 0.1 + 0.2, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, 5e-324, 8.64e15 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value of the wrong type for whatever field it lands in. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], [[]], { $ne: null }, { $gt: '' }, ['a', 'b']),
  extremeNumber,
  hostileString,
  deepJson,
  fc.constant(ownProto()),
);

/** `{"__proto__": {...}}` as JSON carries it: an own key, which JSON.parse keeps and a careless merge turns into a prototype. */
function ownProto(): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  Object.defineProperty(value, '__proto__', { value: { role: 'admin', isAdmin: true }, enumerable: true, configurable: true, writable: true });
  return value;
}

/** Any hostile value: wrong types first, hostile strings, nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: hostileString, weight: 3 }, { arbitrary: wrongType, weight: 2 });

/** Properties no DTO declares, or that a client must not set (ownership, status, audit). */
export const unknownProperties: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      'extra',
      'status',
      'id',
      'createdById',
      'createdAt',
      'updatedAt',
      'version',
      'passwordHash',
      'role',
      'constructor',
      'prototype',
      'convertedAt',
    ),
    hostileValue,
    { minKeys: 1, maxKeys: 2 },
  ),
  fc.constant(ownProto()),
  fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom(1, 'x', null), { minKeys: 1, maxKeys: 2 }),
);

/** Real calendar days. */
export const validDateOnly: fc.Arbitrary<string> = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Days that do not exist or are not days: a Date object would roll most of them over silently. */
export const oddDateOnly: fc.Arbitrary<string> = fc.constantFrom(
  '2026-02-30',
  '2025-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-01-32',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2026-2-3',
  '2026/02/03',
  '2026-02-28T10:00:00Z',
  '20260203',
);

/** Real date-times, with `Z` or an offset. */
export const validDateTime: fc.Arbitrary<string> = fc
  .tuple(fc.date({ min: new Date('2024-01-01'), max: new Date('2029-12-31'), noInvalidDate: true }), fc.constantFrom('Z', '+01:00', '-05:00', '+05:45'))
  .map(([d, zone]) => (zone === 'Z' ? d.toISOString() : withOffset(d, zone)));

/** Date-times that do not exist, lack an offset, or sit at the ends of what a Date can hold. */
export const oddDateTime: fc.Arbitrary<string> = fc.constantFrom(
  '2026-02-30T10:00:00Z',
  '2026-03-29T02:30:00',
  '2026-01-01T24:00:00Z',
  '2026-06-30T23:59:60Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2026-01-01',
  '1700000000000',
  'tomorrow',
  '2026-01-01T10:00:00+25:00',
);

function withOffset(date: Date, zone: string): string {
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  const local = new Date(date.getTime() + sign * (hours * 60 + minutes) * 60_000);
  return `${local.toISOString().slice(0, 19)}${zone}`;
}

/** Ids that are not ids: wrong shape, wrong version, nil, upper-case, or hostile. */
export const malformedId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1',
    '0',
    '-1',
    'abc',
    'null',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d4',
    '01936f4e8a8c7b1e9a576c1f3f0e2d41',
    '{01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41}',
  ),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `${id} `),
  hostileString,
);
