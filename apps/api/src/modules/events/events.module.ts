import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars';
import { EventCalendarAnswers } from './event-calendar-answers';
import { EventCalendarService } from './event-calendar.service';
import { EventOccurrencesService } from './event-occurrences.service';
import { EventSeriesSplitService } from './event-series-split.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** Calls, meetings, tasks and events; others read calendars through EventsService (occurrences, findById). */
@Module({
  // the calendarId filter asks the calendars module whom a calendar follows
  imports: [CalendarsModule],
  controllers: [EventsController],
  providers: [EventsService, EventCalendarService, EventCalendarAnswers, EventOccurrencesService, EventSeriesSplitService],
  exports: [EventsService],
})
export class EventsModule {}
