import { Module } from '@nestjs/common';
import { EmailModule } from '../email';
import { NotificationsModule } from '../notifications';
import { ReminderPlanner } from './reminder-planner';
import { ReminderWorker } from './reminder-worker';

/** Event reminders: planned as database jobs, delivered once as a notification or an email. No HTTP routes. */
@Module({ imports: [NotificationsModule, EmailModule], providers: [ReminderPlanner, ReminderWorker], exports: [ReminderPlanner, ReminderWorker] })
export class RemindersModule {}
