import type { FieldError } from '../errors/domain-error';

/** Deeper than any request the API documents (a quotation's line is 3 levels down). */
export const MAX_INPUT_DEPTH = 16;

/**
 * What no field of any request may hold, whatever its DTO says, found before
 * validation runs:
 * - a NUL character, which PostgreSQL refuses in text (the request failed
 *   deep in the database with a 500);
 * - a lone UTF-16 surrogate, which is no character at all: validators threw
 *   on it (a 500 again), and the database driver would have stored a
 *   replacement character instead of what was sent;
 * - nesting deeper than MAX_INPUT_DEPTH, which no DTO has and which the
 *   recursive transformer and validator would overflow the stack on.
 * Keys are checked like values. Walked with an explicit stack: a hostile
 * body cannot make this check itself overflow.
 */
export function findUnsafeInput(input: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  while (pending.length && errors.length < 20) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = unsafeText(value);
      if (problem) errors.push({ field: path || 'body', message: `${path || 'the value'} ${problem}` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: path || 'body', message: `nests deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const keyProblem = unsafeText(key);
      if (keyProblem) errors.push({ field: path || 'body', message: `a property name ${keyProblem}` });
      else pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}

/**
 * In a `u` regular expression a surrogate pair is one code point, so only a
 * lone surrogate matches (String.isWellFormed is ES2024, past this lib).
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why a text cannot be stored, or undefined when it can. */
export function unsafeText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it contains a lone UTF-16 surrogate)';
  return undefined;
}
