import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

export const EMAIL_RECIPIENT_TYPES = ['lead', 'partner', 'contact'] as const;
export type EmailRecipientType = (typeof EMAIL_RECIPIENT_TYPES)[number];
/** What an email is about: a record it was sent to, or an event it reminds its organiser of. */
export const EMAIL_SUBJECT_TYPES = [...EMAIL_RECIPIENT_TYPES, 'event'] as const;
export type EmailSubjectType = (typeof EMAIL_SUBJECT_TYPES)[number];
export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** An email to a lead, partner or contact, queued in the database until the worker sends it. */
@Entity('outbound_emails')
export class OutboundEmail {
  @ApiProperty({ description: 'Email id.', example: EXAMPLE_ID })
  @PrimaryColumn('uuid')
  id: string;

  @ApiProperty({ description: 'Kind of record it was sent to (or, for a reminder, the event it is about).', enum: EMAIL_SUBJECT_TYPES, example: 'lead' })
  @Column('text')
  subjectType: EmailSubjectType;

  @ApiProperty({ description: 'Id of that record.', example: EXAMPLE_ID })
  @Column('uuid')
  subjectId: string;

  @ApiProperty({ description: 'Recipient address (the record’s email when queued).', example: 'jane@acme.com' })
  @Column('text')
  toAddress: string;

  @ApiProperty({ description: 'Subject line.', example: 'Your quote' })
  @Column('text')
  subject: string;

  @ApiProperty({ description: 'Plain-text body.', example: 'Hello Jane, …' })
  @Column('text')
  body: string;

  @ApiProperty({ description: 'queued → sending → sent, or failed after 5 attempts.', enum: ['queued', 'sending', 'sent', 'failed'], example: 'queued' })
  @Column('text')
  status: EmailStatus;

  @ApiProperty({ description: 'Sending attempts so far.', example: 0 })
  @Column('int')
  attempts: number;

  @ApiProperty({ description: 'When the next attempt may run (a lease while sending).', example: '2026-11-28T09:30:00.000Z' })
  @Column('timestamptz')
  nextAttemptAt: Date;

  @ApiProperty({ description: 'Why the last attempt failed.', nullable: true, type: String, example: null })
  @Column('text', { nullable: true })
  lastError: string | null;

  @ApiProperty({ description: 'When the mail server accepted it.', nullable: true, type: Date, example: null })
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @ApiProperty({ description: 'Who sent it.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ApiProperty({ description: 'When it was queued.', example: '2026-11-28T09:30:00.000Z' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
