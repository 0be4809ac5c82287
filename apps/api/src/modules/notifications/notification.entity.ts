import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

/** What a notification is about; the SPA picks the icon and wording by it. */
export const NOTIFICATION_KINDS = ['event_reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A message in a user's bell (in-app), e.g. an event reminder. */
@Entity('notifications')
export class Notification {
  @ApiProperty({ description: 'Notification id.', example: EXAMPLE_ID })
  @PrimaryColumn('uuid')
  id: string;

  @ApiProperty({ description: 'The user it is for.', format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid')
  userId: string;

  @ApiProperty({ description: 'What it is about.', enum: NOTIFICATION_KINDS, example: 'event_reminder' })
  @Column('text')
  kind: NotificationKind;

  @ApiProperty({ description: 'One line for the bell.', example: 'Meeting in 15 minutes: Demo of the new release' })
  @Column('text')
  title: string;

  @ApiProperty({ description: 'More detail.', nullable: true, type: String, example: 'Starts at 10:00 (Europe/Paris), Acme HQ, Lyon' })
  @Column('text', { nullable: true })
  body: string | null;

  @ApiProperty({ description: 'Kind of record it links to (e.g. `event`).', nullable: true, type: String, example: 'event' })
  @Column('text', { nullable: true })
  recordType: string | null;

  @ApiProperty({ description: 'Id of that record.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  recordId: string | null;

  @ApiProperty({
    description:
      'For an event reminder: the start of the occurrence it is about (a series has one per occurrence; `recordId` is the series); null for notifications that are not about one.',
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-11-28T09:45:00.000Z',
  })
  @Column('timestamptz', { nullable: true })
  occurrenceStartAt: Date | null;

  @ApiProperty({ description: 'Delivered later than it was due (e.g. the server was down at the time).', example: false })
  @Column('boolean')
  late: boolean;

  @ApiProperty({ description: 'When it was created.', example: '2026-11-28T09:30:00.000Z' })
  @Column('timestamptz')
  createdAt: Date;

  @ApiProperty({ description: 'When the user read it; null while unread.', nullable: true, type: String, format: 'date-time', example: null })
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}

/** What a module hands over to notify a user. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  occurrenceStartAt?: Date | null;
  late?: boolean;
}
