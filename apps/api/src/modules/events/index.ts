// What other modules may use of events: the module, its service and the raw row the feed and the reminders read.
export { EventsModule } from './events.module';
export { EventsService } from './events.service';
export type { EventRow } from './event-row';
// What objectives count of a user's calls and meetings, per period.
export { eventAchievements, type EventAchievement } from './event-achievements';
