import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({ description: 'Property path of the request field.', example: 'email' })
  field: string;

  @ApiProperty({ description: 'What is wrong with it.', example: 'email must be a valid email address' })
  message: string;
}

/** RFC 9457 problem document, the body of every error. */
export class Problem {
  @ApiProperty({ description: 'Problem type URI.', example: 'urn:crm:problem:validation-failed' })
  type: string;

  @ApiProperty({ description: 'HTTP status title.', example: 'Bad Request' })
  title: string;

  @ApiProperty({ description: 'HTTP status.', example: 400 })
  status: number;

  @ApiProperty({ description: 'What happened, for a person.', example: 'The request has invalid fields.' })
  detail: string;

  @ApiPropertyOptional({ description: 'Stable machine-readable code.', example: 'VALIDATION_FAILED' })
  code?: string;

  @ApiPropertyOptional({
    description: 'Field errors (400).',
    type: [FieldErrorSchema],
    example: [{ field: 'email', message: 'email must be a valid email address' }],
  })
  errors?: FieldErrorSchema[];
}

const MEANING: Record<number, string> = {
  400: 'Invalid input: see `errors[]` for each field.',
  401: 'Not authenticated.',
  403: 'Authenticated, but not allowed.',
  404: 'No such record.',
  409: 'The record changed since you loaded it (stale `version`), or a unique value is taken.',
  422: 'A business rule refused the action.',
  429: 'Too many attempts; retry later.',
  503: 'The database does not answer.',
};

/** Documents the problem responses an operation can give. 401 is added to every protected route. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((status) =>
      ApiResponse({ status, description: MEANING[status], content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } } }),
    ),
  );
}
