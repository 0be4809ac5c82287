import { applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiPageResponse } from '../listing/api-page-response.decorator';
import { ApiProblems } from '../openapi/problem.schema';
import { HistoryEntry } from './history-entry.entity';

/** Documents `GET /<records>/:id/timeline`. */
export const ApiTimeline = (what: string) =>
  applyDecorators(
    ApiOperation({
      summary: `Timeline of a ${what}`,
      description:
        'Everything that happened to the record: creation, status changes, assignments, conversion, events, emails, opportunities, orders; newest first, paged.',
    }),
    ApiPageResponse(HistoryEntry),
    ApiProblems(400, 404),
  );
