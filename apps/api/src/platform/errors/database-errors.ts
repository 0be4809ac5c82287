import { QueryFailedError } from 'typeorm';
import { toCamelCase } from '../text/case';
import { DomainError, invalidInput } from './domain-error';

interface PgErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
}

const KEY_COLUMNS = /Key \(([^)]+)\)=/;

function columnOf(detail: string | undefined): string | undefined {
  const columns = detail?.match(KEY_COLUMNS)?.[1];
  // a multi-column key names the last column as the one a person would fix
  return columns ? toCamelCase(columns.split(',').pop()!.trim()) : undefined;
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
