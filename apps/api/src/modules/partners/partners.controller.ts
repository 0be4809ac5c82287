import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
import { CreatePartnerDto, ListPartnersQuery, UpdatePartnerDto } from './dto/partner.dto';
import { Partner } from './partner.entity';
import { PartnerReportService } from './partner-report.service';
import { PartnersService } from './partners.service';

@ApiTags('Partners')
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly history: HistoryService,
    private readonly reports: PartnerReportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List partners (customers, prospects, suppliers)',
    description:
      'Search (`q`) over names, email and phones; filter by kind, isProspect, isCustomer, isSupplier, isCustomerOrProspect, assignedToId, teamId, sourceId.',
  })
  @ApiPageResponse(Partner)
  @ApiProblems(400)
  list(@Query() query: ListPartnersQuery): Promise<Page<Partner>> {
    return this.partners.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a partner' })
  @ApiOkResponse({ type: Partner })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<Partner> {
    return this.partners.get(id);
  }

  @Get(':id/timeline')
  @ApiTimeline('partner')
  async timeline(@IdParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<HistoryEntry>> {
    await this.partners.get(id);
    return this.history.timeline({ type: 'partner', id }, query);
  }

  @Get(':id/report.pdf')
  @ApiOperation({
    summary: 'Partner report (PDF)',
    description: 'One page on the partner: roles, contact details, address, contacts, open opportunities and recent activity.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 404)
  async report(@IdParam() id: string): Promise<StreamableFile> {
    const { filename, pdf } = await this.reports.report(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"` });
  }

  @Post()
  @ApiOperation({
    summary: 'Create a partner',
    description: 'Assigned to its creator unless `assignedToId` says otherwise; the CRM settings may restrict who can be assigned (422).',
  })
  @ApiCreatedResponse({ type: Partner })
  @ApiProblems(400, 422)
  create(@Body() dto: CreatePartnerDto, @CurrentUser() actor: AuthenticatedUser): Promise<Partner> {
    return this.partners.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a partner', description: 'Send the `version` you loaded (409 when stale).' })
  @ApiOkResponse({ type: Partner })
  @ApiProblems(400, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdatePartnerDto, @CurrentUser() actor: AuthenticatedUser): Promise<Partner> {
    return this.partners.update(id, dto, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a partner', description: 'Refused (409) while opportunities refer to it; its contacts stay, without partner.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.partners.remove(id);
  }
}
