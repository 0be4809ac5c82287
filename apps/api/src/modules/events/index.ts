// What other modules may use of events: the module and the raw row the feed and the reminders read.
export { EventsModule } from './events.module';
export type { EventRow } from './event-row';
