import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { translateDatabaseError } from './database-errors';
import { DomainError, DomainErrorKind } from './domain-error';
import { problem, ProblemDocument } from './problem-document';

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
};

function fromDomainError(error: DomainError): ProblemDocument {
  const status = STATUS_OF[error.kind];
  const errors = status === 400 ? error.fieldErrors : error.fieldErrors.length ? error.fieldErrors : undefined;
  return problem(status, error.message, error.code, errors);
}

function fromHttpException(error: HttpException): ProblemDocument {
  const status = error.getStatus();
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  // Nest's own exceptions carry a message or a list of them (the validation pipe's); anything else says nothing readable
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
  return problem(status, detail, undefined, status === 400 ? [] : undefined);
}

/** The one place error responses are written: RFC 9457, never a stack or SQL. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const refusal = error instanceof DomainError ? error : translateDatabaseError(error);
    const document = this.toProblem(error, refusal);
    if (document.status === 503) this.logger.warn(`${refusal?.code}: ${error instanceof Error ? error.message : String(error)}`);
    else if (document.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (refusal?.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(Math.max(1, Math.ceil(refusal.retryAfterSeconds))));
    response.status(document.status).type('application/problem+json').json(document);
  }

  private toProblem(error: unknown, refusal: DomainError | undefined): ProblemDocument {
    if (refusal) return fromDomainError(refusal);
    if (error instanceof HttpException) return fromHttpException(error);
    return problem(500, 'Something went wrong on our side. It has been logged.');
  }
}
