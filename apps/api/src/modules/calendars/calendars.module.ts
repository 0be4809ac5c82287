import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';

@Module({
  imports: [TeamsModule],
  controllers: [CalendarsController, CalendarFeedController],
  providers: [CalendarsService, CalendarFeedService],
  exports: [CalendarsService],
})
export class CalendarsModule {}
