import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReminderPlanner } from './reminder-planner';
import { ReminderWorker } from './reminder-worker';

/** Event reminders: planned as database jobs, delivered once as a notification or an email. No HTTP routes. */
@Module({ imports: [NotificationsModule, EmailModule], providers: [ReminderPlanner, ReminderWorker], exports: [ReminderPlanner, ReminderWorker] })
export class RemindersModule {}
