import { ApiProperty, PickType } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import {
  CALL_DIRECTIONS,
  EVENT_PRIORITIES,
  EVENT_STATUSES,
  EVENT_TYPES,
  type CallDirection,
  type EventPriority,
  type EventStatus,
  type EventType,
  type Recurrence,
  type Reminder,
} from '@crm/domain';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';
import { RecurrenceDto, ReminderDto } from './dto/recurrence.dto';

const reference = (description: string) => ApiProperty({ description, nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID });
const text = (description: string, example: string) => ApiProperty({ description, example, nullable: true, type: String });
const instant = (description: string, example: string, nullable = false) =>
  ApiProperty({ description, example, type: String, format: 'date-time', ...(nullable ? { nullable: true } : {}) });

/**
 * A call, meeting, task or event on its organiser's calendar. A row with
 * `recurrence` is a whole series; a row with `seriesId` replaces (or, when
 * cancelled, removes) the one occurrence of that series that started at
 * `originalStartAt`.
 */
@Entity('events')
export class Event extends AuditedEntity {
  @ApiProperty({ description: 'Kind of event.', enum: EVENT_TYPES, example: 'meeting' })
  @Column('text')
  type: EventType;

  @ApiProperty({ description: 'planned, realized (a task: done) or cancelled.', enum: EVENT_STATUSES, example: 'planned' })
  @Column('text')
  status: EventStatus;

  @ApiProperty({ description: 'Calls only: inbound or outbound; null for other types.', enum: CALL_DIRECTIONS, nullable: true, example: null })
  @Column('text', { nullable: true })
  callDirection: CallDirection | null;

  @ApiProperty({ description: 'What it is about.', example: 'Demo of the new release' })
  @Column('text')
  subject: string;

  @text('Notes.', 'Bring the pricing sheet.')
  @Column('text', { nullable: true })
  description: string | null;

  @text('Where it takes place.', 'Acme HQ, Lyon')
  @Column('text', { nullable: true })
  location: string | null;

  @reference('Event category (of the same type).')
  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @instant('Start (UTC).', '2027-03-15T08:00:00.000Z')
  @Column('timestamptz')
  startAt: Date;

  @instant("End (UTC), after the start; a task's due time.", '2027-03-15T09:00:00.000Z')
  @Column('timestamptz')
  endAt: Date;

  @ApiProperty({ description: 'An all-day event (start and end at local midnights).', example: false })
  @Column('boolean')
  allDay: boolean;

  @ApiProperty({ description: 'IANA time zone whose wall-clock time a recurrence keeps across daylight-saving changes.', example: 'Europe/Paris' })
  @Column('text')
  timeZone: string;

  @ApiProperty({ description: 'Tasks only: low, normal, high or urgent; null for other types.', enum: EVENT_PRIORITIES, nullable: true, example: null })
  @Column('text', { nullable: true })
  priority: EventPriority | null;

  @ApiProperty({ description: 'The organiser, on whose calendar it is.', type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid')
  assignedToId: string;

  @reference('Team calendar it is also shown on.')
  @Column('uuid', { nullable: true })
  teamId: string | null;

  @reference('Linked lead.')
  @Column('uuid', { nullable: true })
  leadId: string | null;

  @reference('Linked partner.')
  @Column('uuid', { nullable: true })
  partnerId: string | null;

  @reference('Linked contact.')
  @Column('uuid', { nullable: true })
  contactId: string | null;

  @reference('Linked opportunity.')
  @Column('uuid', { nullable: true })
  opportunityId: string | null;

  @ApiProperty({ description: 'Reminders before the start.', type: [ReminderDto], example: [{ offsetMinutes: 15, channel: 'notification' }] })
  @Column('jsonb')
  reminders: Reminder[];

  @ApiProperty({
    description: 'How the event repeats; null for a single event.',
    type: RecurrenceDto,
    nullable: true,
    example: { frequency: 'weekly', interval: 1, byWeekday: ['MO'], count: 10 },
  })
  @Column('jsonb', { nullable: true })
  recurrence: Recurrence | null;

  @instant('A series: end of its last occurrence (null: endless); a single event: its end.', '2027-05-17T09:00:00.000Z', true)
  @Column('timestamptz', { nullable: true })
  seriesEndAt: Date | null;

  @reference('The series this row is one edited or cancelled occurrence of.')
  @Column('uuid', { nullable: true })
  seriesId: string | null;

  @instant('With seriesId: the start of the series occurrence this row replaces.', '2027-03-22T08:00:00.000Z', true)
  @Column('timestamptz', { nullable: true })
  originalStartAt: Date | null;
}

/** An event as the API shows it: the row and its attendees. */
export class EventView extends Event {
  @ApiProperty({ description: 'Users attending besides the organiser.', type: [String], format: 'uuid', example: [EXAMPLE_ID] })
  attendeeUserIds: string[];

  @ApiProperty({ description: 'Contacts attending.', type: [String], format: 'uuid', example: [] })
  attendeeContactIds: string[];
}

/**
 * One item of the calendar (`GET /events?from&to`): a single event, or one
 * occurrence of a series with its own start and end. `id` is the row to read
 * or change as a whole (the series row for a plain occurrence).
 */
export class EventOccurrenceView extends EventView {
  @ApiProperty({
    description: 'Unique per item: `${seriesId}:${originalStartAt}` for an occurrence of a series, the event id otherwise.',
    example: `${EXAMPLE_ID}:2027-03-22T08:00:00.000Z`,
  })
  occurrenceId: string;
}

/** What a calendar grid draws of an item and what a drag writes with (`GET /events?from&to&view=compact`); the form reads the rest. */
export const CALENDAR_ITEM_FIELDS = [
  'id',
  'occurrenceId',
  'seriesId',
  'originalStartAt',
  'type',
  'status',
  'callDirection',
  'priority',
  'subject',
  'startAt',
  'endAt',
  'allDay',
  'assignedToId',
  'teamId',
  'version',
] as const;

/** A compact calendar item: the fields of CALENDAR_ITEM_FIELDS of an EventOccurrenceView. */
export class EventCalendarItem extends PickType(EventOccurrenceView, CALENDAR_ITEM_FIELDS) {}
