import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser, Roles } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CreateObjectiveDto, ListObjectivesQuery, ObjectiveProgress, UpdateObjectiveDto } from './dto/objective.dto';
import { Objective } from './objective.entity';
import { ObjectivesService } from './objectives.service';

const READERS = 'Admins and managers see every objective; a salesperson sees their own and their teams’ (another answers 404).';

@ApiTags('Objectives')
@Controller('objectives')
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  @Get()
  @ApiOperation({ summary: 'List objectives', description: `Filter by userId, teamId, or \`on\` (a day the range includes). ${READERS}` })
  @ApiPageResponse(Objective)
  @ApiProblems(400)
  list(@Query() query: ListObjectivesQuery, @CurrentUser() actor: AuthenticatedUser): Promise<Page<Objective>> {
    return this.objectives.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an objective', description: READERS })
  @ApiOkResponse({ type: Objective })
  @ApiProblems(400, 404)
  get(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<Objective> {
    return this.objectives.get(id, actor);
  }

  @Get(':id/progress')
  @ApiOperation({
    summary: 'Progress of an objective',
    description:
      'Target, actual and completion (%) of each period and of the whole range, computed from the records now. Periods follow the calendar of ' +
      'the `timeZone` CRM setting. A deal counts when created (opportunitiesCreated) and on the day it was won (amountWon, opportunitiesWon; Axelor ' +
      'counts won deals by their creation date, which we do not). Calls: outgoing, realized; meetings: realized. A team counts its members’ records. ' +
      'Amounts are exact decimals in the objective’s currency; deals won in other currencies appear in amountWonByCurrency, never added in.',
  })
  @ApiOkResponse({ type: ObjectiveProgress })
  @ApiProblems(400, 404)
  progress(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<ObjectiveProgress> {
    return this.objectives.progress(id, actor);
  }

  @Post()
  @Roles('admin', 'manager')
  @ApiOperation({
    summary: 'Set an objective (admin, manager)',
    description: 'For one user or one team, over days `from`..`to`, split by `frequency`; targets per period.',
  })
  @ApiCreatedResponse({ type: Objective })
  @ApiProblems(400, 403)
  create(@Body() dto: CreateObjectiveDto, @CurrentUser() actor: AuthenticatedUser): Promise<Objective> {
    return this.objectives.create(dto, actor);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Change an objective (admin, manager)', description: 'Send the `version` you loaded (409 when stale).' })
  @ApiOkResponse({ type: Objective })
  @ApiProblems(400, 403, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateObjectiveDto, @CurrentUser() actor: AuthenticatedUser): Promise<Objective> {
    return this.objectives.update(id, dto, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Delete an objective (admin, manager)' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 403, 404)
  remove(@IdParam() id: string): Promise<void> {
    return this.objectives.remove(id);
  }
}
