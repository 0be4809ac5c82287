import { isRecord } from './openapi-operations';

export type Rule = 'server-error' | 'no-answer' | 'not-problem-json' | 'leaks-internals' | 'refused-write-changed-data';

export interface Violation {
  rule: Rule;
  detail: string;
}

/** What a client must never read in an error: stack frames, module paths, driver errors, SQL. */
const INTERNALS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat \/|at .+\.[jt]s:\d+|at [\w.<>]+ \(/],
  ['a module path', /node_modules|\/src\/|\/dist\//],
  ['a driver error', /QueryFailedError|EntityNotFound|TypeORMError|DatabaseError|error: .* at character \d+/],
  ['SQL', /\bSELECT |\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bDELETE FROM\b|\bviolates\b|relation "|syntax error at or near|invalid input syntax for|of relation/],
];

/** RFC 9457 problem document: the content type and the four members every error answer has. */
function problemViolations(status: number, contentType: string, text: string): Violation[] {
  if (!contentType.startsWith('application/problem+json')) return [{ rule: 'not-problem-json', detail: `content-type "${contentType}"` }];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [{ rule: 'not-problem-json', detail: 'the body is not JSON' }];
  }
  if (!isRecord(body)) return [{ rule: 'not-problem-json', detail: 'the body is not an object' }];
  const missing = ['type', 'title', 'detail'].filter((key) => typeof body[key] !== 'string');
  if (body.status !== status) missing.push('status');
  return missing.length ? [{ rule: 'not-problem-json', detail: `missing or wrong: ${missing.join(', ')}` }] : [];
}

/** The invariants an answer alone can break: no 5xx; every 4xx a problem document that gives nothing away. */
export function responseViolations(status: number, contentType: string, text: string): Violation[] {
  if (status >= 500) return [{ rule: 'server-error', detail: `status ${status}` }];
  if (status < 400) return [];
  const leaks = INTERNALS.filter(([, pattern]) => pattern.test(text)).map(([what]): Violation => ({
    rule: 'leaks-internals',
    detail: `the body shows ${what}`,
  }));
  return [...problemViolations(status, contentType, text), ...leaks];
}

/**
 * A message with its variable parts blanked, so that one cause groups as
 * one: ids, numbers, quoted values. Quoted identifiers stay (`null value in
 * column "currency" of relation "quotations"` names the cause).
 */
export function normalizeMessage(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/"[^"]*"|'[^']*'/g, (quoted) => (/^["'][A-Za-z_][\w.]*["']$/.test(quoted) ? quoted : '<s>'))
    .replace(/(?<![\w"])\d+(?![\w"])/g, '<n>')
    .slice(0, 200);
}

/** The error line and the first frame in the app's own code, from a logged stack. */
export function causeOf(stack: string): { message: string; frame: string } {
  const lines = stack.split('\n');
  const frame =
    lines.find((line) => /^\s*at /.test(line) && /\/src\//.test(line) && !/node_modules/.test(line)) ?? lines.find((line) => /^\s*at /.test(line)) ?? '';
  // `at Service.method (/abs/apps/api/src/x.ts:12:5)`, `at src/x.ts:12:5` → `Service.method (apps/api/src/x.ts:12)`
  const parts = frame.trim().match(/^at (?:(.*?) \()?(.*?):(\d+):\d+\)?$/);
  const file = parts?.[2].match(/((?:apps|libs)\/[\w-]+\/src\/.*)$/)?.[1] ?? parts?.[2].replace(/^src\//, 'apps/api/src/');
  const where = parts ? `${parts[1] ? `${parts[1]} ` : ''}(${file}:${parts[3]})` : frame.trim();
  return { message: lines[0].trim(), frame: where };
}
