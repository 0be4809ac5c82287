import { Controller, Get, HttpCode, MessageEvent, Post, Query, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, Observable } from 'rxjs';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { ListNotificationsQuery, ReadAllResult, UnreadCount } from './dto/notification.dto';
import { NotificationBus } from './notification-bus';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

/** A keep-alive event, so proxies do not close an idle stream. */
const HEARTBEAT_MS = 25_000;

@ApiTags('Notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly bus: NotificationBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List my notifications',
    description: 'The caller’s own, newest first; `unread=true` for the unread ones only; `q` searches the titles.',
  })
  @ApiPageResponse(Notification)
  @ApiProblems(400)
  list(@Query() query: ListNotificationsQuery, @CurrentUser() actor: AuthenticatedUser): Promise<Page<Notification>> {
    return this.notifications.list(query, actor);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Count my unread notifications', description: 'The number on the bell.' })
  @ApiOkResponse({ type: UnreadCount })
  async unreadCount(@CurrentUser() actor: AuthenticatedUser): Promise<UnreadCount> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Sse('stream')
  @ApiOperation({
    summary: 'Live notifications (Server-Sent Events)',
    description:
      'An `EventSource` stream (the session cookie authenticates it): a `notification` event whose data is the new notification as JSON, the moment it is created in any API process; a `ping` event every 25 s keeps the connection open.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream.' })
  stream(@CurrentUser() actor: AuthenticatedUser): Observable<MessageEvent> {
    const arrivals = this.bus.stream(actor.id).pipe(map((notification): MessageEvent => ({ type: 'notification', id: notification.id, data: notification })));
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));
    return merge(arrivals, heartbeat);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllResult })
  async readAll(@CurrentUser() actor: AuthenticatedUser): Promise<ReadAllResult> {
    return { marked: await this.notifications.markAllRead(actor) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read', description: 'Only the caller’s own (403 for someone else’s).' })
  @ApiOkResponse({ type: Notification })
  @ApiProblems(400, 403, 404)
  read(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<Notification> {
    return this.notifications.markRead(id, actor);
  }
}
