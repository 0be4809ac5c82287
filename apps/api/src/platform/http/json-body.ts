import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import express, { type RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error';

/** The largest JSON body read (body-parser's default, which the API always had); files go as multipart uploads. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/** `application/json` and the `+json` types (`application/merge-patch+json`): what the JSON body parser reads. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses JSON bodies (the only kind the API reads besides multipart
 * uploads, which their routes stream themselves) and turns the parser's
 * refusals into ones a client can act on: 413 with the limit, 400
 * `MALFORMED_JSON` saying what is wrong.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: JSON_BODY_LIMIT_BYTES, type: JSON_MEDIA_TYPES });
  return (request, response, next) => parse(request, response, (error?: unknown) => (error ? next(explain(error)) : next()));
}

/** body-parser's errors carry a `type`; the rest keep their own status (Nest maps them). */
function explain(error: unknown): unknown {
  const { type, message } = error as { type?: unknown; message?: unknown };
  const reason = String(message).replace(/\.$/, '');
  switch (type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(`The request body is larger than ${JSON_BODY_LIMIT_BYTES / 1024} kB, the most the API reads as JSON.`);
    case 'entity.parse.failed':
      return new DomainError('invalid', 'MALFORMED_JSON', `The request body is not valid JSON: ${reason}.`);
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException(`The request body must be JSON in UTF-8 (${reason}).`);
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException(`The request body must be sent as it is or gzip-, deflate- or br-encoded (${reason}).`);
    default:
      return error;
  }
}
