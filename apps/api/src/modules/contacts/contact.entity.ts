import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { Address } from '../../platform/contact/address';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

const text = (description: string, example: string) => ApiProperty({ description, example, nullable: true, type: String });

/** A person at a partner (or on their own), with call and email rejection. */
@Entity('contacts')
export class Contact extends AuditedEntity {
  @text('Civility.', 'Ms.')
  @Column('text', { nullable: true })
  title: string | null;

  @text('First name.', 'Jane')
  @Column('text', { nullable: true })
  firstName: string | null;

  @ApiProperty({ description: 'Last name.', example: 'Doe' })
  @Column('text')
  lastName: string;

  @text('Email address.', 'jane.doe@acme.com')
  @Column('text', { nullable: true })
  email: string | null;

  @text('Fixed phone.', '+33 1 23 45 67 89')
  @Column('text', { nullable: true })
  phone: string | null;

  @text('Mobile phone.', '+33 6 12 34 56 78')
  @Column('text', { nullable: true })
  mobilePhone: string | null;

  @text('Job title.', 'Head of purchasing')
  @Column('text', { nullable: true })
  jobTitle: string | null;

  @ApiProperty({
    description: 'The partner (company) the contact works for; null for a standalone contact.',
    nullable: true,
    type: String,
    format: 'uuid',
    example: EXAMPLE_ID,
  })
  @Column('uuid', { nullable: true })
  partnerId: string | null;

  @ApiProperty({ description: 'The contact refuses calls.', example: false })
  @Column('boolean', { default: false })
  doNotCall: boolean;

  @ApiProperty({ description: 'The contact refuses emails.', example: false })
  @Column('boolean', { default: false })
  doNotEmail: boolean;

  @ApiProperty({ description: 'Postal address.', type: Address })
  @Column(() => Address)
  address: Address;

  @text('Notes.', 'Prefers calls in the morning.')
  @Column('text', { nullable: true })
  description: string | null;

  @ApiProperty({ description: 'Salesperson in charge.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  assignedToId: string | null;
}
