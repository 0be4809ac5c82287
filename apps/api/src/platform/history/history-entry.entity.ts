import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EXAMPLE_ID } from '../openapi/examples';

/** The kinds of record that have a timeline. */
export const HISTORY_SUBJECTS = ['lead', 'partner', 'contact', 'opportunity'] as const;
export type HistorySubjectType = (typeof HISTORY_SUBJECTS)[number];

/** Details of an entry: flat values (old/new status, linked ids) so clients can rely on them. */
export type HistoryData = Record<string, string | number | boolean | null>;

/**
 * One line of a record's timeline. An event that concerns several records
 * (a conversion touches the lead, the partner, the contact) is written once
 * per record, so each timeline is one indexed range scan.
 */
@Entity('history_entries')
export class HistoryEntry {
  @ApiProperty({ description: 'Entry id.', example: EXAMPLE_ID })
  @PrimaryColumn('uuid')
  id: string;

  @ApiProperty({ description: 'Kind of record whose timeline this is.', enum: HISTORY_SUBJECTS, example: 'lead' })
  @Column('text')
  subjectType: HistorySubjectType;

  @ApiProperty({ description: 'Id of that record.', example: EXAMPLE_ID })
  @Column('uuid')
  subjectId: string;

  @ApiProperty({
    description: 'What happened: created, status_changed, assigned, converted, opportunity_created, event, email, order…',
    example: 'status_changed',
  })
  @Column('text')
  kind: string;

  @ApiProperty({ description: 'One line for a person.', example: 'Status changed from new to in_progress' })
  @Column('text')
  summary: string;

  @ApiProperty({ description: 'Details for programs (old/new values, linked record ids).', example: { from: 'new', to: 'in_progress' } })
  @Column('jsonb', { default: {} })
  data: HistoryData;

  @ApiProperty({ description: 'Who did it; null for the system.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @ApiProperty({ description: 'When it happened (UTC).', example: '2026-11-28T09:30:00.000Z' })
  @Column('timestamptz')
  occurredAt: Date;
}
