import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import {
  MAX_RECURRENCE_COUNT,
  MAX_RECURRENCE_INTERVAL,
  RECURRENCE_FREQUENCIES,
  REMINDER_CHANNELS,
  WEEKDAYS,
  type RecurrenceFrequency,
  type ReminderChannel,
  type Weekday,
} from '@crm/domain';

/** Four weeks: the furthest ahead a reminder may fire. */
export const MAX_REMINDER_OFFSET_MINUTES = 40_320;

export class ReminderDto {
  @ApiProperty({ description: 'Minutes before the start (0: at the start).', example: 15, minimum: 0, maximum: MAX_REMINDER_OFFSET_MINUTES })
  @IsInt()
  @Min(0)
  @Max(MAX_REMINDER_OFFSET_MINUTES)
  offsetMinutes: number;

  @ApiProperty({ description: 'An in-app notification or an email to the organiser.', enum: REMINDER_CHANNELS, example: 'notification' })
  @IsIn(REMINDER_CHANNELS, { message: `channel must be one of ${REMINDER_CHANNELS.join(', ')}` })
  channel: ReminderChannel;
}

/**
 * How a series repeats. Rules across fields (byWeekday only weekly, count or
 * until, until not before the start) are checked by the domain's
 * recurrenceProblems, so the SPA and the API agree.
 */
export class RecurrenceDto {
  @ApiProperty({ description: 'Repeat daily, weekly, monthly (same day of month) or yearly.', enum: RECURRENCE_FREQUENCIES, example: 'weekly' })
  @IsIn(RECURRENCE_FREQUENCIES, { message: `frequency must be one of ${RECURRENCE_FREQUENCIES.join(', ')}` })
  frequency: RecurrenceFrequency;

  @ApiProperty({ description: 'Every N days/weeks/months/years.', example: 1, minimum: 1, maximum: MAX_RECURRENCE_INTERVAL })
  @IsInt()
  @Min(1)
  @Max(MAX_RECURRENCE_INTERVAL)
  interval: number;

  @ApiPropertyOptional({
    description: 'Weekly only: the weekdays (RFC 5545 codes); default the start day.',
    enum: WEEKDAYS,
    isArray: true,
    example: ['MO', 'WE'],
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true, message: `byWeekday must list days among ${WEEKDAYS.join(', ')}` })
  byWeekday?: Weekday[];

  @ApiPropertyOptional({ description: 'End after this many occurrences (not with until).', example: 10, minimum: 1, maximum: MAX_RECURRENCE_COUNT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RECURRENCE_COUNT)
  count?: number;

  @ApiPropertyOptional({ description: 'Last day an occurrence may start, YYYY-MM-DD in the event time zone (not with count).', example: '2027-06-30' })
  @IsOptional()
  @IsString()
  until?: string;
}
