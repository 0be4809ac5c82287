// What other modules may use of notifications: the module, its service and what a new notification holds.
export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export { Notification, type NewNotification } from './notification.entity';
