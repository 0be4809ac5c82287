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
import { BoardQuery, OpportunityCard } from './dto/opportunity-card.dto';
import { CloseLostDto, MoveOpportunityDto, PipelineTotals, ReopenDto } from './dto/opportunity-actions.dto';
import { CreateOpportunityDto, ListOpportunitiesQuery, PipelineQuery, UpdateOpportunityDto } from './dto/opportunity.dto';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityView } from './opportunity.entity';

@ApiTags('Opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly history: HistoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List opportunities',
    description:
      'Search (`q`) over the name; filter by stage, closed, partnerId, leadId, contactId, assignedToId, teamId, ofTeamId, currency, sourceId, hasSource, ' +
      "and ranges of days (inclusive): createdFrom/createdTo and closedFrom/closedTo in the organisation's time zone, expectedCloseFrom/expectedCloseTo.",
  })
  @ApiPageResponse(OpportunityView)
  @ApiProblems(400)
  list(@Query() query: ListOpportunitiesQuery): Promise<Page<OpportunityView>> {
    return this.opportunities.list(query);
  }

  @Get('board')
  @ApiOperation({
    summary: 'Kanban cards, in column order',
    description:
      'The opportunities the list filters match (one column: `stage=`), sorted by rank, as narrow cards with the partner name: what the kanban shows and what a move needs. Paged like every list.',
  })
  @ApiPageResponse(OpportunityCard)
  @ApiProblems(400)
  board(@Query() query: BoardQuery): Promise<Page<OpportunityCard>> {
    return this.opportunities.board(query);
  }

  @Get('pipeline')
  @ApiOperation({
    summary: 'Weighted pipeline totals',
    description:
      'Count, amount and weighted amount (amount × probability / 100) per stage (default), assignee or team, and currency; takes the list filters. Feeds the kanban column headers and the list footer.',
  })
  @ApiOkResponse({ type: PipelineTotals })
  @ApiProblems(400)
  pipeline(@Query() query: PipelineQuery): Promise<PipelineTotals> {
    return this.opportunities.pipeline(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an opportunity' })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<OpportunityView> {
    return this.opportunities.get(id);
  }

  @Get(':id/timeline')
  @ApiTimeline('opportunity')
  async timeline(@IdParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<HistoryEntry>> {
    await this.opportunities.get(id);
    return this.history.timeline({ type: 'opportunity', id }, query);
  }

  @Post(':id/next-stage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move to the next stage',
    description: 'new → qualification → proposition → negotiation, with the stage default probability. From negotiation or a closed stage: 422.',
  })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404, 422)
  nextStage(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.opportunities.nextStage(id, actor);
  }

  @Post(':id/close-won')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close as won', description: 'Probability 100. A closed opportunity: 422 (reopen it first).' })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404, 422)
  closeWon(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.opportunities.closeWon(id, actor);
  }

  @Post(':id/close-lost')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close as lost', description: 'With a lost reason (400 without); probability 0. A closed opportunity: 422.' })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404, 422)
  closeLost(@IdParam() id: string, @Body() dto: CloseLostDto, @CurrentUser() actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.opportunities.closeLost(id, dto, actor);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a closed opportunity',
    description: 'Back to an open stage (default negotiation) with its default probability. An open opportunity: 422.',
  })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404, 422)
  reopen(@IdParam() id: string, @Body() dto: ReopenDto, @CurrentUser() actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.opportunities.reopen(id, dto.stage, actor);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move on the kanban',
    description:
      'To a stage column and a position in it (`rank` 0 = top; omitted: bottom). The order survives reloads and concurrent moves (no renumbering: fractional keys, one column at a time). A closed card only reorders within its column (422 otherwise); moving to closed_lost needs `lostReasonId`.',
  })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404, 422)
  move(@IdParam() id: string, @Body() dto: MoveOpportunityDto, @CurrentUser() actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.opportunities.move(id, dto, actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create an opportunity', description: "Starts at the `new` stage with that stage's default probability unless one is given." })
  @ApiCreatedResponse({ type: OpportunityView })
  @ApiProblems(400)
  create(@Body() dto: CreateOpportunityDto, @CurrentUser() actor: AuthenticatedUser): Promise<OpportunityView> {
    return this.opportunities.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an opportunity',
    description: 'The stage changes only through the actions. Send the `version` you loaded (409 when stale).',
  })
  @ApiOkResponse({ type: OpportunityView })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateOpportunityDto): Promise<OpportunityView> {
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
