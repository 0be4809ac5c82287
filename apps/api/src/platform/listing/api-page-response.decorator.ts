import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { EXACT_COUNT_LIMIT } from './list-runner';

/** Documents a list operation's envelope with items of `model` (one of the models, for a list with several shapes of item). */
export function ApiPageResponse(model: Type<unknown> | Type<unknown>[], description = 'One page of matching records.') {
  const models = Array.isArray(model) ? model : [model];
  const item = models.length === 1 ? { $ref: getSchemaPath(models[0]) } : { oneOf: models.map((one) => ({ $ref: getSchemaPath(one) })) };
  return applyDecorators(
    ApiExtraModels(...models),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize', 'totalExact'],
        properties: {
          items: { type: 'array', items: item },
          total: { type: 'integer', description: `Matching records; exact up to ${EXACT_COUNT_LIMIT}, an estimate above.`, example: 1234 },
          page: { type: 'integer', example: 1 },
          pageSize: { type: 'integer', example: 50 },
          totalExact: { type: 'boolean', description: 'false when total is an estimate.', example: true },
        },
      },
    }),
  );
}
