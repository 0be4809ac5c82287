// What other modules may use of calendars: the module and its service.
export { CalendarsModule } from './calendars.module';
export { CalendarsService } from './calendars.service';
