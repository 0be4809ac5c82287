import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UserView, UsersService } from '../users';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { IdParam } from '../../platform/http/id-param';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CurrentUser, Public } from '../../platform/auth/auth.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { ApiTokenView, CreatedApiToken, CreateTokenDto, LoginDto, LoginResponse } from './dto/auth.dto';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/auth/session-cookie';

@ApiTags('Authentication')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Answers the session token and sets it as an httpOnly SameSite=Lax cookie for the SPA. Failed attempts are limited per account and per address (429).',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400, 401, 429)
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const result = await this.auth.login(dto.email, dto.password, request.ip ?? 'unknown');
    response.cookie(SESSION_COOKIE, result.accessToken, sessionCookieOptions(this.config.production, this.auth.sessionTtlMs));
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out', description: 'Ends the session that made this request and clears the cookie.' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  async logout(@CurrentUser() actor: AuthenticatedUser, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(actor);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'Who am I', description: 'The signed-in user; 401 when not signed in.' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() actor: AuthenticatedUser): Promise<UserView> {
    return this.users.get(actor.id);
  }

  @Get('tokens')
  @ApiOperation({ summary: 'List my personal API tokens', description: 'Secrets are never shown again after creation.' })
  @ApiOkResponse({ type: [ApiTokenView] })
  listTokens(@CurrentUser() actor: AuthenticatedUser): Promise<ApiTokenView[]> {
    return this.auth.listTokens(actor);
  }

  @Post('tokens')
  @ApiOperation({
    summary: 'Create a personal API token',
    description: 'For integrations: use as `Authorization: Bearer <token>`. Stored hashed; the secret is in this response only.',
  })
  @ApiCreatedResponse({ type: CreatedApiToken })
  @ApiProblems(400)
  createToken(@Body() dto: CreateTokenDto, @CurrentUser() actor: AuthenticatedUser): Promise<CreatedApiToken> {
    return this.auth.createToken(dto, actor);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a personal API token', description: 'Requests with it are refused (401) from now on.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblems(400, 404)
  revokeToken(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.auth.revokeToken(id, actor);
  }
}
