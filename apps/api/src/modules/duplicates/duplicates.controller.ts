import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { Contact } from '../contacts';
import { Lead } from '../leads';
import { Partner } from '../partners';
import { DuplicateMergeService } from './duplicate-merge.service';
import { DuplicateRecord } from './duplicate-records';
import { DuplicateSearchService } from './duplicate-search.service';
import { DuplicateSearchResult, MergeDuplicatesDto, SearchDuplicatesDto, SimilarRecordsQuery, SimilarRecordsResult } from './dto/duplicates.dto';

@ApiTags('Duplicates')
@ApiExtraModels(Lead, Partner, Contact)
@Controller('duplicates')
export class DuplicatesController {
  constructor(
    private readonly search: DuplicateSearchService,
    private readonly merges: DuplicateMergeService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check duplicates',
    description:
      'Groups the leads, partners or contacts that look like the same one on the fields given: case, accents, punctuation and spaces, ' +
      'legal forms (SA, SARL, GmbH, Inc, Ltd, LLC, B.V. ...), phone formats (compared as E.164, read in the `defaultCountry` setting when written ' +
      'without a country code), email case and plus-addressing, website scheme and `www.` do not tell records apart; names one typo apart group ' +
      'with a lower score. Records group when every field both have agrees. Best groups first.',
  })
  @ApiOkResponse({ type: DuplicateSearchResult })
  @ApiProblems(400)
  find(@Body() dto: SearchDuplicatesDto): Promise<DuplicateSearchResult> {
    return this.search.search(dto);
  }

  @Get('similar')
  @ApiOperation({
    summary: 'Existing records like the one being typed',
    description:
      'What a create form shows as "this looks like an existing record" before saving: the records of the entity whose name, email, phone or ' +
      'website match what was typed (with the tolerance of Check duplicates; a name from its fourth character), best first.',
  })
  @ApiOkResponse({ type: SimilarRecordsResult })
  @ApiProblems(400)
  similar(@Query() query: SimilarRecordsQuery): Promise<SimilarRecordsResult> {
    return this.search.similar(query);
  }

  @Post('merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge duplicates into one record',
    description:
      'In one transaction: every reference to the merged records (contacts, opportunities, events and their attendees, emails, quotations and orders, ' +
      "timeline entries, converted leads' links) moves to the kept record, which takes `values` (by default its own, filled from the merged records " +
      "where empty; flags united), and the merged records are deleted. The kept record's timeline tells what was merged. A record missing: 404; " +
      'a version in `versions` that changed since: 409; nothing is merged on any refusal.',
  })
  @ApiOkResponse({
    description: 'The kept record.',
    schema: { oneOf: [{ $ref: getSchemaPath(Lead) }, { $ref: getSchemaPath(Partner) }, { $ref: getSchemaPath(Contact) }] },
  })
  @ApiProblems(400, 404, 409, 422)
  merge(@Body() dto: MergeDuplicatesDto, @CurrentUser() actor: AuthenticatedUser): Promise<DuplicateRecord> {
    return this.merges.merge(dto, actor);
  }
}
