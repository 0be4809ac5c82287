import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser, Roles } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './dto/user.view';
import { UsersService } from './users.service';

@ApiTags('Users and teams')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users', description: 'Search (`q`) over name and email; filter by role, active, teamId.' })
  @ApiPageResponse(UserView)
  @ApiProblems(400)
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 403, 409)
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user',
    description:
      'Admins change anything; other users may change only their own name and password. The last active admin cannot be demoted or deactivated (422).',
  })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user (admin)', description: 'Users who own records cannot be deleted (409): deactivate them instead.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 403, 404, 409, 422)
  remove(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.users.remove(id, actor);
  }
}
