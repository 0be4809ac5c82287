import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { Calendar } from './calendar.entity';
import { CalendarsService } from './calendars.service';
import { CreateCalendarDto, ListCalendarsQuery, UpdateCalendarDto } from './dto/calendar.dto';

@ApiTags('Calendars')
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @ApiOperation({
    summary: 'List calendars',
    description: 'Those the caller sees: their own and their teams’ (an admin sees all). Search (`q`) over the name; filters ownerUserId, ownerTeamId, inMenu.',
  })
  @ApiPageResponse(Calendar)
  @ApiProblems(400)
  list(@Query() query: ListCalendarsQuery, @CurrentUser() actor: AuthenticatedUser): Promise<Page<Calendar>> {
    return this.calendars.list(query, actor);
  }

  @Get('menu')
  @ApiOperation({ summary: 'Calendars of my menu', description: 'The caller’s and their teams’ calendars marked `inMenu`, by name.' })
  @ApiOkResponse({ type: [Calendar] })
  menu(@CurrentUser() actor: AuthenticatedUser): Promise<Calendar[]> {
    return this.calendars.menu(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a calendar' })
  @ApiOkResponse({ type: Calendar })
  @ApiProblems(400, 403, 404)
  get(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<Calendar> {
    return this.calendars.get(id, actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a calendar',
    description:
      'Owned by the caller unless `ownerUserId` (admin only) or `ownerTeamId` (an admin or a manager of that team) says otherwise; unknown users or teams: 400.',
  })
  @ApiCreatedResponse({ type: Calendar })
  @ApiProblems(400, 403)
  create(@Body() dto: CreateCalendarDto, @CurrentUser() actor: AuthenticatedUser): Promise<Calendar> {
    return this.calendars.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a calendar',
    description: 'Its owner (a team’s: a manager of it) or an admin. Send the `version` you loaded (409 when stale).',
  })
  @ApiOkResponse({ type: Calendar })
  @ApiProblems(400, 403, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateCalendarDto, @CurrentUser() actor: AuthenticatedUser): Promise<Calendar> {
    return this.calendars.update(id, dto, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a calendar', description: 'Its owner (a team’s: a manager of it) or an admin.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 403, 404)
  remove(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.calendars.remove(id, actor);
  }
}
