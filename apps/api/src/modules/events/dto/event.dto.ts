import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  CALL_DIRECTIONS,
  EVENT_PRIORITIES,
  EVENT_STATUSES,
  EVENT_TYPES,
  type CallDirection,
  type EventPriority,
  type EventStatus,
  type EventType,
} from '@crm/domain';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { BooleanQuery, DayQuery } from '../../../platform/listing/query-transforms';
import { InstantField, IsDateTimeText, IsNestedObject, Optional, OptionalFlag, OptionalId, OptionalText } from '../../../platform/validation/fields';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { RecurrenceDto, ReminderDto } from './recurrence.dto';

const nullable = () => ValidateIf((_, value) => value !== null && value !== undefined);
/** How much of each event a calendar answer carries (EventCalendarService). */
export const CALENDAR_VIEWS = ['full', 'compact'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const oneOf = (values: readonly string[], name: string) => IsIn(values, { message: `${name} must be one of ${values.join(', ')}` });

/** `?x=a&x=b` or `?x=a,b` as a list. */
const ListParam = () =>
  Transform(({ value }) =>
    value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((item: string) => String(item).split(',')).filter(Boolean),
  );

const UUID_LIST = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class CreateEventDto {
  @ApiProperty({ description: 'Kind of event.', enum: EVENT_TYPES, example: 'meeting' })
  @oneOf(EVENT_TYPES, 'type')
  type: EventType;

  @ApiPropertyOptional({ description: 'Default planned; realized marks a task done.', enum: EVENT_STATUSES, example: 'planned' })
  @IsOptional()
  @oneOf(EVENT_STATUSES, 'status')
  status?: EventStatus;

  @ApiPropertyOptional({
    description: 'Calls only (400 otherwise); default outbound for a new call.',
    enum: CALL_DIRECTIONS,
    nullable: true,
    example: 'outbound',
  })
  @IsOptional()
  @nullable()
  @oneOf(CALL_DIRECTIONS, 'callDirection')
  callDirection?: CallDirection | null;

  @ApiProperty({ description: 'What it is about (required).', example: 'Demo of the new release' })
  @IsString()
  @Length(1, 300)
  subject: string;

  @OptionalText('Notes.', 'Bring the pricing sheet.', 10000)
  description?: string | null;

  @OptionalText('Where it takes place.', 'Acme HQ, Lyon', 300)
  location?: string | null;

  @OptionalId('Event category, of the same type as the event (see /event-categories).')
  categoryId?: string | null;

  @InstantField('Start, ISO 8601 with offset.', '2027-03-15T09:00:00+01:00')
  startAt: string;

  @InstantField("End, after the start; a task's due time.", '2027-03-15T10:00:00+01:00')
  endAt: string;

  @OptionalFlag('An all-day event (start and end at local midnights).')
  allDay?: boolean;

  @ApiPropertyOptional({ description: 'IANA time zone whose wall-clock time a recurrence keeps (default UTC).', example: 'Europe/Paris' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ description: 'Tasks only (400 otherwise); default normal for a new task.', enum: EVENT_PRIORITIES, nullable: true, example: 'normal' })
  @IsOptional()
  @nullable()
  @oneOf(EVENT_PRIORITIES, 'priority')
  priority?: EventPriority | null;

  @ApiPropertyOptional({ description: 'The organiser; default: the creator.', type: String, format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID('all', { message: 'assignedToId must be a UUID' })
  assignedToId?: string;

  @OptionalId('Team calendar it is also shown on.')
  teamId?: string | null;

  @OptionalId('Linked lead.')
  leadId?: string | null;

  @OptionalId('Linked partner.')
  partnerId?: string | null;

  @OptionalId('Linked contact.')
  contactId?: string | null;

  @OptionalId('Linked opportunity.')
  opportunityId?: string | null;

  @ApiPropertyOptional({
    description: 'Reminders before the start (at most 5).',
    type: [ReminderDto],
    example: [{ offsetMinutes: 15, channel: 'notification' }],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsNestedObject(true)
  @ValidateNested({ each: true })
  @Type(() => ReminderDto)
  reminders?: ReminderDto[];

  @ApiPropertyOptional({ description: 'How it repeats; null or absent: a single event.', type: RecurrenceDto, nullable: true })
  @IsOptional()
  @nullable()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto | null;

  @ApiPropertyOptional({
    description: 'Users attending besides the organiser; in a PATCH the list replaces the stored one.',
    type: [String],
    format: 'uuid',
    example: [EXAMPLE_ID],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'attendeeUserIds must be UUIDs' })
  attendeeUserIds?: string[];

  @ApiPropertyOptional({ description: 'Contacts attending; in a PATCH the list replaces the stored one.', type: [String], format: 'uuid', example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'attendeeContactIds must be UUIDs' })
  attendeeContactIds?: string[];
}

export class UpdateEventDto extends VersionedPartial(CreateEventDto) {}

/** One occurrence of a series: any event field but the recurrence. */
export class UpdateOccurrenceDto extends VersionedPartial(OmitType(CreateEventDto, ['recurrence'] as const)) {}

export class ListEventsQuery extends ListQueryDto {
  @ApiPropertyOptional({
    description: 'Calendar mode, with `to`: every occurrence overlapping [from, to), series expanded (at most 366 days).',
    format: 'date-time',
    example: '2027-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTimeText()
  from?: string;

  @ApiPropertyOptional({ description: 'Calendar mode, with `from`: the end of the range (exclusive).', format: 'date-time', example: '2027-04-01T00:00:00Z' })
  @IsOptional()
  @IsDateTimeText()
  to?: string;

  @ApiPropertyOptional({
    description:
      'Calendar mode only: `full` (default) items carry every field of the event; `compact` items only what a calendar grid draws and a drag writes with ' +
      '(id, occurrenceId, seriesId, originalStartAt, type, status, callDirection, priority, subject, startAt, endAt, allDay, assignedToId, teamId, version): ' +
      'a quarter of the bytes, for screens that read the rest (`GET /events/:id`) when an item is opened.',
    enum: CALENDAR_VIEWS,
    default: 'full',
  })
  @IsOptional()
  @oneOf(CALENDAR_VIEWS, 'view')
  view?: CalendarView;

  @ApiPropertyOptional({ description: 'Only these types (repeat or comma-separated).', enum: EVENT_TYPES, isArray: true, example: ['call', 'meeting'] })
  @IsOptional()
  @ListParam()
  @IsIn(EVENT_TYPES, { each: true, message: `type must be among ${EVENT_TYPES.join(', ')}` })
  type?: EventType[];

  @ApiPropertyOptional({
    description: 'Only organised by these users (repeat or comma-separated). Calendar mode without it or teamId: the caller.',
    type: [String],
    example: [EXAMPLE_ID],
  })
  @IsOptional()
  @ListParam()
  @Matches(UUID_LIST, { each: true, message: 'assignedToId must be UUIDs' })
  assignedToId?: string[];

  @ApiPropertyOptional({ description: "A team's calendar: events organised by its members, and events put on the team.", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ description: "Calendar mode only: the events of the users a calendar follows (its users and its teams' members).", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'calendarId must be a UUID' })
  calendarId?: string;

  @ApiPropertyOptional({ description: 'Only this status.', enum: EVENT_STATUSES })
  @IsOptional()
  @oneOf(EVENT_STATUSES, 'status')
  status?: EventStatus;

  @ApiPropertyOptional({ description: 'Only calls in this direction.', enum: CALL_DIRECTIONS })
  @IsOptional()
  @oneOf(CALL_DIRECTIONS, 'callDirection')
  callDirection?: CallDirection;

  @DayQuery("List mode: rows starting on or after this day (the organisation's time zone; a series counts by its first occurrence).", '2026-01-01')
  startFrom?: string;

  @DayQuery("List mode: rows starting on or before this day (the organisation's time zone).", '2026-12-31')
  startTo?: string;

  @ApiPropertyOptional({ description: 'Only tasks of this priority.', enum: EVENT_PRIORITIES })
  @IsOptional()
  @oneOf(EVENT_PRIORITIES, 'priority')
  priority?: EventPriority;

  @ApiPropertyOptional({
    description: 'List mode: only overdue tasks (true) — planned tasks, not recurring, whose end (their due time) is past — or every row but those (false).',
  })
  @BooleanQuery()
  overdue?: boolean;

  @ApiPropertyOptional({ description: "A lead's events.", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'leadId must be a UUID' })
  leadId?: string;

  @ApiPropertyOptional({ description: "A partner's events.", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId?: string;

  @ApiPropertyOptional({ description: "A contact's events.", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a UUID' })
  contactId?: string;

  @ApiPropertyOptional({ description: "An opportunity's events.", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'opportunityId must be a UUID' })
  opportunityId?: string;

  @ApiPropertyOptional({ description: 'Only this category.', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId?: string;

  @ApiPropertyOptional({ description: "A series' edited or cancelled occurrences.", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'seriesId must be a UUID' })
  seriesId?: string;

  @ApiPropertyOptional({ description: 'Only recurring series (true) or only rows that do not recur (false).' })
  @BooleanQuery()
  recurring?: boolean;
}
