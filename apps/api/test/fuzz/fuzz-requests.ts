import fc from 'fast-check';
import { csvUpload, CsvUpload } from './csv-bodies';
import { awkwardText, deepJson, hostileString, hostileValue, malformedId, oddDateTime, validDateTime, wrongType } from './hostile-values';
import { IdPool, pathKinds } from './id-pool';
import type { FuzzOperation, JsonSchema, ParamSpec } from './openapi-operations';
import { oneBadField, refTo, valueFor, ValueContext } from './schema-values';
import { RawJson } from './wire-encoding';

/**
 * Operations the fuzzer does not call, and why: each would end the run
 * itself rather than test the API. Kept to the minimum; the users the
 * fuzzer signs in as are also kept out of PATCH/DELETE /users (see pathKinds).
 */
export const EXCLUDED_OPERATIONS: Readonly<Record<string, string>> = {
  Auth_logout: 'revokes the session token the fuzzer is using: every later request would answer 401',
};

export type Payload =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string | undefined }
  /** Text sent as it is (WTF-8): broken JSON, a form-encoded body, duplicate keys. */
  | { kind: 'text'; text: string; contentType: string | undefined }
  | CsvUpload;

/** Who the request is from: the actor of this phase, nobody, or a forged or malformed credential. */
export type Credentials = { kind: 'actor' } | { kind: 'none' } | { kind: 'header'; value: string };

export interface FuzzRequest {
  operationId: string;
  credentials: Credentials;
  /** Path parameter → value (a pool reference or a string). */
  path: Record<string, unknown>;
  /** Query pairs in order; a name may repeat. */
  query: [string, unknown][];
  payload: Payload;
}

const credentials: fc.Arbitrary<Credentials> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'actor' as const }), weight: 60 },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  {
    arbitrary: fc
      .constantFrom('Bearer x', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(5000)}`, 'bearer crm_pat_0000', 'Bearer \u00e9')
      .map((value) => ({ kind: 'header' as const, value })),
    weight: 1,
  },
);

/** Free text for `q`: words, fragments, and what search syntaxes and LIKE patterns treat specially. */
const searchText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('acme', 'Doe', 'a', '@example.com', '+33', 'lead', 'Fuzz'),
  fc.constantFrom('%', '_', '\\', "'", '"', 'a & b', '!!', ':*', '(a|b)', 'a <-> b', '*', '.*', '[a-z]+', '\\x00'),
  awkwardText,
  hostileString,
);

function sortValue(fields: readonly string[]): fc.Arbitrary<string> {
  const field = fields.length ? fc.constantFrom(...fields) : fc.constant('createdAt');
  return fc.oneof(
    {
      arbitrary: fc
        .array(fc.tuple(fc.boolean(), field), { minLength: 1, maxLength: 3 })
        .map((parts) => parts.map(([desc, name]) => `${desc ? '-' : ''}${name}`).join(',')),
      weight: 8,
    },
    { arbitrary: fc.constantFrom('nonexistent', '--createdAt', ',', '-', 'createdAt;DROP TABLE leads', 'search_text', 'password_hash', 'id desc'), weight: 2 },
  );
}

function queryValue(param: ParamSpec, op: FuzzOperation, ctx: ValueContext): fc.Arbitrary<unknown> {
  const shaped = param.name === 'q' ? searchText : param.name === 'sort' ? sortValue(op.sortFields) : valueFor(param.schema, param.name, ctx);
  const hostile = ctx.hostileWeight ? 1 : 0;
  return fc.oneof({ arbitrary: shaped, weight: 10 }, { arbitrary: hostileValue, weight: hostile }, { arbitrary: fc.constant(''), weight: hostile });
}

/** Query pairs: a random subset of the declared parameters, and now and then a repeated or unknown one. */
function queryPairs(op: FuzzOperation, ctx: ValueContext): fc.Arbitrary<[string, unknown][]> {
  if (!op.queryParams.length) {
    return fc.oneof(
      { arbitrary: fc.constant<[string, unknown][]>([]), weight: 12 },
      { arbitrary: fc.tuple(fc.constantFrom('page', 'x', 'q'), hostileValue).map(([name, value]): [string, unknown][] => [[name, value]]), weight: 1 },
    );
  }
  // each optional parameter in about one request of four: many filters at once rarely match anything
  const present = (param: ParamSpec) =>
    param.required
      ? queryValue(param, op, ctx)
      : fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: queryValue(param, op, ctx), weight: 1 });
  const model = Object.fromEntries(op.queryParams.map((param) => [param.name, present(param)]));
  return fc
    .tuple(
      fc.record(model),
      fc.oneof(
        { arbitrary: fc.constant<[string, unknown][]>([]), weight: 12 },
        // `?status=new&status=lost` arrives as an array; `?unknown=1` must be refused, not ignored into a 500
        {
          arbitrary: fc
            .tuple(fc.constantFrom(...op.queryParams.map((param) => param.name)), searchText)
            .map(([name, value]): [string, unknown][] => [[name, value]]),
          weight: 1,
        },
        {
          arbitrary: fc
            .tuple(fc.constantFrom('unknown', 'pageSize[]', '__proto__', 'q[0]'), fc.constantFrom('1', 'x'))
            .map((pair): [string, unknown][] => [pair]),
          weight: 1,
        },
      ),
    )
    .map(([values, extra]) => [...Object.entries(values).filter(([, value]) => value !== undefined), ...extra]);
}

function pathValue(op: FuzzOperation, param: ParamSpec, ctx: ValueContext): fc.Arbitrary<unknown> {
  const real = refTo(ctx.pool, pathKinds(op.method, op.path, param.name));
  const shapeless = param.name === 'originalStartAt' ? fc.oneof(validDateTime, oddDateTime) : fc.uuid({ version: 7 });
  return fc.oneof(...(real ? [{ arbitrary: real, weight: 16 }] : []), { arbitrary: shapeless, weight: 2 }, { arbitrary: malformedId, weight: 1 });
}

/** Bodies no DTO describes: wrong JSON types, broken JSON, other encodings, too big, too deep. */
function hostileBody(schema: JsonSchema | undefined, ctx: ValueContext): fc.Arbitrary<Payload> {
  const shaped = schema ? valueFor(schema, '', ctx) : fc.constant({});
  return fc.oneof(
    wrongType.map((value): Payload => ({ kind: 'json', value, contentType: 'application/json' })),
    deepJson.map((value): Payload => ({ kind: 'json', value, contentType: 'application/json' })),
    fc
      .constantFrom(
        '{"lastName": ',
        '{',
        '}',
        "{'a':1}",
        '{"a":1,}',
        'NaN',
        '',
        '\ufeff{}',
        '{"a":"\\ud800"}',
        '{"name":"a","name":{"x":1}}',
        '{"__proto__":{"role":"admin"}}',
      )
      .map((text): Payload => ({ kind: 'text', text, contentType: 'application/json' })),
    fc.constant<Payload>({ kind: 'json', value: new RawJson(`{"description":"${'x'.repeat(150_000)}"}`, 'body of 150 kB'), contentType: 'application/json' }),
    fc
      .constantFrom(
        'lastName=Doe&address[city]=Lyon',
        'name=a&name=b',
        'a[b][c][d][e][f][g][h]=1',
        'lastName[]=1&lastName[]=2',
        '__proto__[role]=admin',
        'name=%00',
      )
      .map((text): Payload => ({ kind: 'text', text, contentType: 'application/x-www-form-urlencoded' })),
    fc
      .tuple(shaped, fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/xml', undefined))
      .map(([value, contentType]): Payload => ({ kind: 'json', value, contentType })),
  );
}

function payloadFor(op: FuzzOperation, clean: ValueContext, mixed: ValueContext): fc.Arbitrary<Payload> {
  const body = op.body;
  if (!body) {
    // an action without a body may still get one: it must be ignored or refused, never crash
    return op.method === 'GET' || op.method === 'DELETE'
      ? fc.constant({ kind: 'none' })
      : fc.oneof({ arbitrary: fc.constant<Payload>({ kind: 'none' }), weight: 10 }, { arbitrary: hostileBody(undefined, mixed), weight: 1 });
  }
  if (body.kind === 'multipart') {
    return fc.oneof(
      { arbitrary: csvUpload(body.field, body.csvColumns, clean), weight: 5 },
      { arbitrary: csvUpload(body.field, body.csvColumns, mixed), weight: 4 },
      { arbitrary: hostileBody(undefined, mixed), weight: 1 },
    );
  }
  const json = (value: fc.Arbitrary<unknown>) => value.map((v): Payload => ({ kind: 'json', value: v, contentType: 'application/json' }));
  return fc.oneof(
    { arbitrary: json(valueFor(body.schema, '', clean)), weight: 4 },
    { arbitrary: json(oneBadField(body.schema, '', mixed)), weight: 4 },
    { arbitrary: json(valueFor(body.schema, '', mixed)), weight: 1 },
    { arbitrary: hostileBody(body.schema, mixed), weight: 1 },
  );
}

/** Requests for one operation. */
export function requestsFor(op: FuzzOperation, pool: IdPool): fc.Arbitrary<FuzzRequest> {
  const clean: ValueContext = { pool, hostileWeight: 0 };
  const mixed: ValueContext = { pool, hostileWeight: 10 };
  const pathModel = Object.fromEntries(op.pathParams.map((param) => [param.name, pathValue(op, param, clean)]));
  return fc
    .tuple(credentials, fc.record(pathModel), fc.oneof(queryPairs(op, clean), queryPairs(op, mixed)), payloadFor(op, clean, mixed))
    .map(([creds, path, query, payload]) => ({ operationId: op.id, credentials: creds, path, query, payload }));
}

/** Requests for any of the operations, each as likely as the others. */
export function anyRequest(operations: readonly FuzzOperation[], pool: IdPool): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...operations.filter((op) => !(op.id in EXCLUDED_OPERATIONS)).map((op) => requestsFor(op, pool)));
}
