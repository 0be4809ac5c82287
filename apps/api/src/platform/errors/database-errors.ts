import { QueryFailedError } from 'typeorm';
import { toCamelCase } from '../text/case';
import { DomainError, invalidInput } from './domain-error';

interface PgErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
  /** The column of a NOT NULL violation. */
  column?: string;
}

/** Socket errors of a server that is down, restarting or out of reach. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server that will not serve now but may soon: shutting down, starting, full. */
const NOT_SERVING = new Set(['57P01', '57P02', '57P03', '53300']);
/** What node-postgres throws, without a code, when a connection ends or cannot be made in time. */
const LOST_CONNECTION =
  /^Connection terminated|^timeout exceeded when trying to connect|is not currently accepting connections|Client has encountered a connection error/;
/** Seconds a client is asked to wait before trying again while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database refuses or lost the connection (as opposed to refusing the
 * statement): the request may succeed once it is back, so 503, never 500.
 * The pool opens fresh connections on the next request, so the API
 * recovers by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, error instanceof QueryFailedError ? error.driverError : undefined];
  return candidates.some((candidate) => {
    if (!(candidate instanceof Error)) return false;
    const code = (candidate as PgErrorFields).code ?? '';
    return UNREACHABLE.has(code) || NOT_SERVING.has(code) || code.startsWith('08') || LOST_CONNECTION.test(candidate.message);
  });
}

export const databaseUnavailable = () =>
  new DomainError(
    'unavailable',
    'DATABASE_UNAVAILABLE',
    'The database does not answer right now. Try again in a few seconds.',
    [],
    DATABASE_RETRY_AFTER_SECONDS,
  );

/** `Key (email)=(…)`, `Key (team_id, user_id)=(…)`, `Key (lower(name))=(…)`. */
const KEY_COLUMNS = /Key \((.+?)\)=\(/;

/** The request field a constraint violation is about, read from PostgreSQL's detail. */
export function columnOf(detail: string | undefined): string | undefined {
  const columns = detail?.match(KEY_COLUMNS)?.[1];
  if (!columns) return undefined;
  // a multi-column key names the last column as the one a person would fix
  const last = columns.split(',').pop()!.trim();
  // an expression index such as lower(name) is about its column
  const column = last.match(/^\w+\((\w+)\)$/)?.[1] ?? last;
  return /^\w+$/.test(column) ? toCamelCase(column) : undefined;
}

/**
 * Turns the constraint violations PostgreSQL reports into the refusals a
 * client can act on; the constraint stays the guard (no read-then-write
 * race), this only explains it. Unknown database errors stay 500.
 */
export function translateDatabaseError(error: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (!(error instanceof QueryFailedError)) return undefined;
  const pg = error.driverError as PgErrorFields;
  const field = columnOf(pg.detail);
  switch (pg.code) {
    case '23505': // unique_violation
      return new DomainError(
        'conflict',
        'ALREADY_EXISTS',
        field ? `Another record already has this ${field}.` : 'A record with these values already exists.',
        field ? [{ field, message: 'is already taken' }] : [],
      );
    case '23503': // foreign_key_violation
      if (pg.detail?.includes('is still referenced')) {
        return new DomainError('conflict', 'STILL_REFERENCED', 'Other records still refer to this one; change them first.');
      }
      return invalidInput([{ field: field ?? 'unknown', message: 'refers to a record that does not exist' }]);
    case '23502': {
      // not_null_violation: a null sent for a field that must have a value (IsOptional lets null through)
      const column = pg.column && /^\w+$/.test(pg.column) ? toCamelCase(pg.column) : 'unknown';
      return invalidInput([{ field: column, message: `${column} must have a value; null cannot clear it` }]);
    }
    case '22P02': // invalid_text_representation (a malformed id or number slipped through)
    case '22003': // numeric_value_out_of_range
    case '22001': // string_data_right_truncation
      return invalidInput([], 'A value has the wrong format or is too long.');
    default:
      return undefined;
  }
}
