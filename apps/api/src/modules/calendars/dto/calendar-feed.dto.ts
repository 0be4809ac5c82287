import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedUrl {
  @ApiProperty({
    description:
      'Secret address of the caller’s events as an iCalendar (RFC 5545) feed, for Google Calendar, Outlook or Thunderbird; anyone with it can read them.',
    example: 'https://crm.example.com/api/v1/calendar/feed/crm_cal_Zk9…ics',
  })
  url: string;
}
