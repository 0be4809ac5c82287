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
import { CreateOpportunityDto, ListOpportunitiesQuery, UpdateOpportunityDto } from './dto/opportunity.dto';
import { OpportunitiesService } from './opportunities.service';
import { Opportunity } from './opportunity.entity';

@ApiTags('Opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly history: HistoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List opportunities', description: 'Search (`q`) over the name; filter by stage, partnerId, leadId, contactId, assignedToId, teamId.' })
  @ApiPageResponse(Opportunity)
  @ApiProblems(400)
  list(@Query() query: ListOpportunitiesQuery): Promise<Page<Opportunity>> {
    return this.opportunities.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an opportunity' })
  @ApiOkResponse({ type: Opportunity })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<Opportunity> {
    return this.opportunities.get(id);
  }

  @Get(':id/timeline')
  @ApiTimeline('opportunity')
  async timeline(@IdParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<HistoryEntry>> {
    await this.opportunities.get(id);
    return this.history.timeline({ type: 'opportunity', id }, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create an opportunity', description: "Starts at the `new` stage with that stage's default probability unless one is given." })
  @ApiCreatedResponse({ type: Opportunity })
  @ApiProblems(400)
  create(@Body() dto: CreateOpportunityDto, @CurrentUser() actor: AuthenticatedUser): Promise<Opportunity> {
    return this.opportunities.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an opportunity', description: 'The stage changes only through the actions. Send the `version` you loaded (409 when stale).' })
  @ApiOkResponse({ type: Opportunity })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateOpportunityDto): Promise<Opportunity> {
    return this.opportunities.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an opportunity' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404)
  remove(@IdParam() id: string): Promise<void> {
    return this.opportunities.remove(id);
  }
}
