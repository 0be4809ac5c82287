import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { LEAD_STATUSES, type LeadStatus } from '@crm/domain';
import { Address } from '../../platform/contact/address';
import { EXAMPLE_ID } from '../../platform/openapi/examples';
import { AuditedEntity } from '../../platform/database/audited.entity';

const optionalText = (description: string, example: string | boolean | null) => ApiProperty({ description, example, nullable: true, type: String });

/** A person or company that might buy, before it becomes a partner (contract: Lead). */
@Entity('leads')
export class Lead extends AuditedEntity {
  @optionalText('Civility.', 'Ms.')
  @Column('text', { nullable: true })
  title: string | null;

  @optionalText('First name.', 'Jane')
  @Column('text', { nullable: true })
  firstName: string | null;

  @ApiProperty({ description: 'Last name.', example: 'Doe' })
  @Column('text')
  lastName: string;

  @optionalText('Company (enterprise) name.', 'Acme Corp')
  @Column('text', { nullable: true })
  companyName: string | null;

  @optionalText('Job title.', 'Head of purchasing')
  @Column('text', { nullable: true })
  jobTitle: string | null;

  @optionalText('Email address.', 'jane.doe@acme.com')
  @Column('text', { nullable: true })
  email: string | null;

  @optionalText('Fixed phone.', '+33 1 23 45 67 89')
  @Column('text', { nullable: true })
  phone: string | null;

  @optionalText('Mobile phone.', '+33 6 12 34 56 78')
  @Column('text', { nullable: true })
  mobilePhone: string | null;

  @optionalText('Web site.', 'https://acme.com')
  @Column('text', { nullable: true })
  website: string | null;

  @ApiProperty({ description: 'Postal address.', type: Address })
  @Column(() => Address)
  address: Address;

  @ApiProperty({ description: 'Lead source.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  sourceId: string | null;

  @optionalText('Who referred this lead (referent).', 'Paul Martin')
  @Column('text', { nullable: true })
  referredBy: string | null;

  @ApiProperty({ description: 'Salesperson in charge.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  assignedToId: string | null;

  @ApiProperty({ description: 'Sales team.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  teamId: string | null;

  @ApiProperty({ description: 'The lead refuses calls.', example: false })
  @Column('boolean', { default: false })
  doNotCall: boolean;

  @ApiProperty({ description: 'The lead refuses emails.', example: false })
  @Column('boolean', { default: false })
  doNotEmail: boolean;

  @ApiProperty({ description: 'Where the lead is in its life; changed only by the actions.', enum: LEAD_STATUSES, example: 'new' })
  @Column('text', { default: 'new' })
  status: LeadStatus;

  @ApiProperty({ description: 'Why the lead was lost.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  lostReasonId: string | null;

  @optionalText('Free-text note given when the lead was lost.', null)
  @Column('text', { nullable: true })
  lostNote: string | null;

  @optionalText('Notes about the lead.', 'Met at the Lyon trade show.')
  @Column('text', { nullable: true })
  description: string | null;

  @ApiProperty({
    description: 'When it was converted (UTC); null until then. Reports count a conversion on this date.',
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2027-01-15T16:30:00.000Z',
  })
  @Column('timestamptz', { nullable: true })
  convertedAt: Date | null;

  @ApiProperty({ description: 'The partner the lead became (after conversion).', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  partnerId: string | null;

  @ApiProperty({ description: 'The contact the lead became (after conversion).', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  contactId: string | null;
}
