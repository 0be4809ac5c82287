import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser, Roles } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CreateTeamDto, ListTeamsQuery, TeamView, UpdateTeamDto } from './dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('Users and teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOperation({ summary: 'List teams', description: 'Search (`q`) over name and code; sort by name, code, createdAt.' })
  @ApiPageResponse(TeamView)
  @ApiProblems(400)
  list(@Query() query: ListTeamsQuery): Promise<Page<TeamView>> {
    return this.teams.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a team with its members' })
  @ApiOkResponse({ type: TeamView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<TeamView> {
    return this.teams.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a team (admin)' })
  @ApiCreatedResponse({ type: TeamView })
  @ApiProblems(400, 403, 409)
  create(@Body() dto: CreateTeamDto, @CurrentUser() actor: AuthenticatedUser): Promise<TeamView> {
    return this.teams.create(dto, actor);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a team (admin)', description: '`memberIds`, when given, replaces the whole member list.' })
  @ApiOkResponse({ type: TeamView })
  @ApiProblems(400, 403, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateTeamDto): Promise<TeamView> {
    return this.teams.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a team (admin)', description: '409 while the CRM settings name it among the teams whose members may own customers.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 403, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.teams.remove(id);
  }
}
