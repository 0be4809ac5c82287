// What other modules may use of events: the module, its service and the raw row the feed and the reminders read.
export { EventsModule } from './events.module';
export { EventsService } from './events.service';
export type { EventRow } from './event-row';
// What objectives count of a user's calls and meetings, per period.
export { eventAchievements, type EventAchievement } from './event-achievements';
// The counts reports chart (event rows starting in a range), each the rows of a list query.
export { countEvents } from './event-stats';
export type { EventCountRow, EventGroup } from './event-stats';
