import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CreateLeadDto, ListLeadsQuery, UpdateLeadDto } from './dto/lead.dto';
import { Lead } from './lead.entity';
import { LeadsService } from './leads.service';

@ApiTags('Leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get()
  @ApiOperation({
    summary: 'List leads',
    description: 'Search (`q`) over names, company, email and phones; filter by status, assignedToId, teamId, sourceId, doNotCall, doNotEmail; sort by createdAt, updatedAt, lastName, firstName, companyName, status, email.',
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

  @Post()
  @ApiOperation({ summary: 'Create a lead', description: 'The lead starts as `new`, assigned to its creator unless `assignedToId` says otherwise.' })
  @ApiCreatedResponse({ type: Lead })
  @ApiProblems(400)
  create(@Body() dto: CreateLeadDto, @CurrentUser() actor: AuthenticatedUser): Promise<Lead> {
    return this.leads.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a lead', description: '`status` is changed only by the actions. Send the `version` you loaded to be protected from lost updates (409).' })
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
