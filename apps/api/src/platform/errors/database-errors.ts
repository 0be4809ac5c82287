import { QueryFailedError } from 'typeorm';
import { toCamelCase } from '../text/case';
import { DomainError, invalidInput } from './domain-error';

interface PgErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
}

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
    case '22P02': // invalid_text_representation (a malformed id or number slipped through)
    case '22003': // numeric_value_out_of_range
    case '22001': // string_data_right_truncation
      return invalidInput([], 'A value has the wrong format or is too long.');
    default:
      return undefined;
  }
}
