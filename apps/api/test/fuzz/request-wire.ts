import { multipartBody, renderCsv } from './csv-bodies';
import type { Actor } from './fuzz-fixtures';
import type { FuzzRequest } from './fuzz-requests';
import type { HttpRequest } from './http-client';
import { IdPool, IdRef } from './id-pool';
import type { FuzzOperation } from './openapi-operations';
import { CurrentVersion } from './field-formats';
import { percentEncode, RawJson, toJsonText, truncate, wtf8 } from './wire-encoding';

/** A request as a failure report shows it. */
export interface PrintedRequest {
  as: string;
  method: string;
  target: string;
  body: string;
}

/**
 * Node's HTTP parser answers a bare 431 to request heads over 16 kB before
 * the app sees them; a longer path or query would test Node, not the API.
 */
const MAX_ENCODED_VALUE = 6_000;

/** Replaces pool references by the ids they name now and `currentVersion` by `version`, keeping own `__proto__` keys and raw JSON. */
export function resolveRefs(value: unknown, pool: IdPool, version = 1): unknown {
  if (value instanceof IdRef) return pool.resolve(value);
  if (value instanceof CurrentVersion) return version;
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, pool, version));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: resolveRefs((value as Record<string, unknown>)[key], pool, version),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return copy;
}

/** A resolved value as it goes in a path, a query or a CSV cell. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return toJsonText(value);
}

function encoded(value: unknown): string {
  const text = percentEncode(asText(value));
  return text.length <= MAX_ENCODED_VALUE ? text : text.slice(0, MAX_ENCODED_VALUE).replace(/%[0-9A-F]?$/, '');
}

/** The bytes and headers of a generated request, for the given actor. */
export function toWire(req: FuzzRequest, op: FuzzOperation, actor: Actor, pool: IdPool, version = 1): { wire: HttpRequest; printed: PrintedRequest } {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encoded(resolveRefs(req.path[name], pool)));
  const query = req.query.map(([name, value]) => `${percentEncode(name)}=${encoded(resolveRefs(value, pool))}`).join('&');
  const target = query ? `${path}?${query}` : path;
  const headers: Record<string, string> = {};
  if (req.credentials.kind === 'actor') headers.authorization = `Bearer ${actor.token}`;
  if (req.credentials.kind === 'header') headers.authorization = req.credentials.value;
  const as =
    req.credentials.kind === 'actor' ? actor.role : req.credentials.kind === 'none' ? 'nobody' : `"Authorization: ${truncate(req.credentials.value, 40)}"`;
  const payload = req.payload;
  let body: Buffer | undefined;
  let shown = '';
  if (payload.kind === 'json' || payload.kind === 'text') {
    shown = payload.kind === 'json' ? toJsonText(resolveRefs(payload.value, pool, version)) : payload.text;
    body = wtf8(shown);
    if (payload.contentType) headers['content-type'] = payload.contentType;
    shown = `${payload.contentType ?? '(no content-type)'} ${shown}`;
  } else if (payload.kind === 'multipart') {
    const csv = renderCsv(payload, (cell) => asText(resolveRefs(cell, pool)));
    const multipart = multipartBody(payload, payload.damage === 'latin1' ? Buffer.from(csv, 'latin1') : wtf8(csv));
    body = multipart.body;
    headers['content-type'] = multipart.contentType;
    shown = `multipart field "${payload.field}" file "${payload.filename}" (${payload.partType}, damage: ${payload.damage}):\n${csv}`;
  }
  return {
    wire: { method: op.method, target, headers, body },
    printed: { as, method: op.method, target, body: truncate(JSON.stringify(shown).slice(1, -1), 1_500) },
  };
}
