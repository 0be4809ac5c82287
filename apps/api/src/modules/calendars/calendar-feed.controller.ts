import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser, Public } from '../../platform/auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeedUrl } from './dto/calendar-feed.dto';

@ApiTags('Calendars')
@Controller('calendar/feed')
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My iCalendar feed address', description: 'The same secret URL every time, until it is regenerated.' })
  @ApiOkResponse({ type: CalendarFeedUrl })
  async url(@CurrentUser() actor: AuthenticatedUser, @Req() request: Request): Promise<CalendarFeedUrl> {
    return { url: this.apiBase(request) + (await this.feeds.feedPath(actor)) };
  }

  @Post('regenerate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give my feed a new address', description: 'The old URL stops working at once (404); subscribed applications need the new one.' })
  @ApiOkResponse({ type: CalendarFeedUrl })
  async regenerate(@CurrentUser() actor: AuthenticatedUser, @Req() request: Request): Promise<CalendarFeedUrl> {
    return { url: this.apiBase(request) + (await this.feeds.regenerate(actor)) };
  }

  @Get(':file')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({
    summary: 'A user’s events as iCalendar',
    description:
      'RFC 5545, authenticated by the secret in the path only (`<token>.ics`): the events from 3 months ago to 12 months ahead, series as RRULE with EXDATE and RECURRENCE-ID overrides, reminders as VALARM. Unknown token: 404.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The calendar.', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(404)
  document(@Param('file') file: string): Promise<string> {
    return this.feeds.document(file);
  }

  /**
   * `https://host/api/v1/`, the feed URL must work from outside: under the
   * configured public address (CRM_PUBLIC_URL: behind a proxy that ends TLS
   * the request says http://), or else as the client reached it.
   */
  private apiBase(request: Request): string {
    const path = request.originalUrl.split('?')[0].replace(/calendar\/feed(\/regenerate)?\/?$/, '');
    return (this.config.publicUrl ?? `${request.protocol}://${request.get('host')}`) + path;
  }
}
