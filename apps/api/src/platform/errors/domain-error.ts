/** What kind of refusal an error is; the problem filter maps each to one HTTP status. */
export type DomainErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'rule' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  /** Property path in the request, e.g. `email` or `address.city`. */
  field: string;
  message: string;
}

/**
 * An expected refusal, with a stable code (`LEAD_ALREADY_CONVERTED`) for
 * clients and a message for people. Services throw these; nothing else
 * builds error responses.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** For 429 and 503: when the client may try again, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id?: string) => new DomainError('not_found', 'NOT_FOUND', id ? `No ${what} with id ${id}.` : `No such ${what}.`);

export const invalidInput = (errors: FieldError[], message = 'The request has invalid fields.') =>
  new DomainError('invalid', 'VALIDATION_FAILED', message, errors);

export const forbidden = (message = 'You are not allowed to do this.') => new DomainError('forbidden', 'FORBIDDEN', message);

export const unauthenticated = (message = 'Sign in first.') => new DomainError('unauthenticated', 'UNAUTHENTICATED', message);

export const staleVersion = (what: string) =>
  new DomainError('conflict', 'STALE_VERSION', `This ${what} was changed by someone else since you loaded it. Reload it and try again.`);

/** A business rule refused the action (422). */
export const ruleViolation = (code: string, message: string) => new DomainError('rule', code, message);
