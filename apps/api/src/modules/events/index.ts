// What other modules may use of events: the module, its service and the raw row the feed and the reminders read.
export { EventsModule } from './events.module';
export { EventsService } from './events.service';
export type { EventRow } from './event-row';
