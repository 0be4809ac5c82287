import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { EXACT_COUNT_LIMIT } from './list-runner';

/** Documents a list operation's envelope with items of `model`. */
export function ApiPageResponse(model: Type<unknown>, description = 'One page of matching records.') {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize', 'totalExact'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          total: { type: 'integer', description: `Matching records; exact up to ${EXACT_COUNT_LIMIT}, an estimate above.`, example: 1234 },
          page: { type: 'integer', example: 1 },
          pageSize: { type: 'integer', example: 50 },
          totalExact: { type: 'boolean', description: 'false when total is an estimate.', example: true },
        },
      },
    }),
  );
}
