import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { ApiTimeline } from '../../platform/history/api-timeline.decorator';
import { HistoryEntry } from '../../platform/history/history-entry.entity';
import { HistoryService } from '../../platform/history/history.service';
import { TimelineQueryDto } from '../../platform/history/timeline-query.dto';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { ConversionResult } from './dto/conversion-result.dto';
import { AssignLeadDto, ConvertLeadDto, LoseLeadDto } from './dto/lead-actions.dto';
import { CreateLeadDto, ListLeadsQuery, UpdateLeadDto } from './dto/lead.dto';
import { LeadConversionService } from './lead-conversion.service';
import { Lead } from './lead.entity';
import { LeadsService } from './leads.service';

@ApiTags('Leads')
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly conversion: LeadConversionService,
    private readonly history: HistoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List leads',
    description:
      'Search (`q`) over names, company, email and phones; filter by status, assignedToId, teamId, ofTeamId, sourceId, hasSource, doNotCall, doNotEmail, ' +
      "and ranges of days (inclusive, in the organisation's time zone): createdFrom/createdTo, convertedFrom/convertedTo; " +
      'sort by createdAt, updatedAt, lastName, firstName, companyName, status, email.',
  })
  @ApiPageResponse(Lead)
  @ApiProblems(400)
  list(@Query() query: ListLeadsQuery): Promise<Page<Lead>> {
    return this.leads.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a lead' })
  @ApiOkResponse({ type: Lead })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<Lead> {
    return this.leads.get(id);
  }

  @Get(':id/timeline')
  @ApiTimeline('lead')
  async timeline(@IdParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<HistoryEntry>> {
    await this.leads.get(id);
    return this.history.timeline({ type: 'lead', id }, query);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign a lead',
    description:
      'To `userId`, or to the caller when omitted (self-assign). A new lead becomes assigned; an assigned or in-progress lead changes hands. Converted or lost: 422.',
  })
  @ApiOkResponse({ type: Lead })
  @ApiProblems(400, 404, 422)
  assign(@IdParam() id: string, @Body() dto: AssignLeadDto, @CurrentUser() actor: AuthenticatedUser): Promise<Lead> {
    return this.leads.assign(id, dto, actor);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start working on a lead', description: 'new or assigned → in_progress; otherwise 422.' })
  @ApiOkResponse({ type: Lead })
  @ApiProblems(400, 404, 422)
  start(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<Lead> {
    return this.leads.start(id, actor);
  }

  @Post(':id/lose')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a lead lost',
    description: 'Any open status → lost, with a lost reason (400 without) and a note (kept; required when the reason asks for one).',
  })
  @ApiOkResponse({ type: Lead })
  @ApiProblems(400, 404, 422)
  lose(@IdParam() id: string, @Body() dto: LoseLeadDto, @CurrentUser() actor: AuthenticatedUser): Promise<Lead> {
    return this.leads.lose(id, dto, actor);
  }

  @Post(':id/recycle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recycle a lost lead', description: 'lost → in_progress; otherwise 422.' })
  @ApiOkResponse({ type: Lead })
  @ApiProblems(400, 404, 422)
  recycle(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<Lead> {
    return this.leads.recycle(id, actor);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Convert a lead',
    description:
      'Into a new or existing partner, a new, existing or no contact, and optionally an opportunity linked to all three — in one transaction. A converted or lost lead: 422; an existing partner or contact that does not exist: 404; a contact of another partner: 422.',
  })
  @ApiOkResponse({ type: ConversionResult })
  @ApiProblems(400, 404, 422)
  convert(@IdParam() id: string, @Body() dto: ConvertLeadDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConversionResult> {
    return this.conversion.convert(id, dto, actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a lead', description: 'The lead starts as `new`, assigned to its creator unless `assignedToId` says otherwise.' })
  @ApiCreatedResponse({ type: Lead })
  @ApiProblems(400)
  create(@Body() dto: CreateLeadDto, @CurrentUser() actor: AuthenticatedUser): Promise<Lead> {
    return this.leads.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a lead',
    description: '`status` is changed only by the actions. Send the `version` you loaded to be protected from lost updates (409).',
  })
  @ApiOkResponse({ type: Lead })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateLeadDto): Promise<Lead> {
    return this.leads.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a lead' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404)
  remove(@IdParam() id: string): Promise<void> {
    return this.leads.remove(id);
  }
}
