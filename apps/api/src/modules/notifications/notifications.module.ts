import { Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({ controllers: [NotificationsController], providers: [NotificationsService, NotificationBus], exports: [NotificationsService] })
export class NotificationsModule {}
