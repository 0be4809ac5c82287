import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { Address } from '../../platform/contact/address';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

export const PARTNER_KINDS = ['company', 'individual'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

const text = (description: string, example: string) => ApiProperty({ description, example, nullable: true, type: String });
const reference = (description: string) => ApiProperty({ description, nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID });

/** A company or person the sales team deals with: prospect, customer and/or supplier. */
@Entity('partners')
export class Partner extends AuditedEntity {
  @ApiProperty({ description: 'A company or an individual.', enum: PARTNER_KINDS, example: 'company' })
  @Column('text')
  kind: PartnerKind;

  @ApiProperty({ description: 'Company name, or last name of an individual.', example: 'Acme Corp' })
  @Column('text')
  name: string;

  @text('First name (individuals).', 'Jane')
  @Column('text', { nullable: true })
  firstName: string | null;

  @text('Main email address.', 'contact@acme.com')
  @Column('text', { nullable: true })
  email: string | null;

  @text('Main phone.', '+33 1 23 45 67 89')
  @Column('text', { nullable: true })
  phone: string | null;

  @text('Mobile phone.', '+33 6 12 34 56 78')
  @Column('text', { nullable: true })
  mobilePhone: string | null;

  @text('Web site.', 'https://acme.com')
  @Column('text', { nullable: true })
  website: string | null;

  @ApiProperty({ description: 'Main address.', type: Address })
  @Column(() => Address)
  address: Address;

  @text('Notes; shown on opportunities as customerDescription when that setting is on.', 'Key account since 2019.')
  @Column('text', { nullable: true })
  description: string | null;

  @reference('Where the partner came from (lead source).')
  @Column('uuid', { nullable: true })
  sourceId: string | null;

  @reference('Salesperson in charge.')
  @Column('uuid', { nullable: true })
  assignedToId: string | null;

  @reference('Sales team.')
  @Column('uuid', { nullable: true })
  teamId: string | null;

  @ApiProperty({ description: 'A prospect: not a customer yet.', example: true })
  @Column('boolean', { default: false })
  isProspect: boolean;

  @ApiProperty({ description: 'A customer: has a confirmed order.', example: false })
  @Column('boolean', { default: false })
  isCustomer: boolean;

  @ApiProperty({ description: 'A supplier.', example: false })
  @Column('boolean', { default: false })
  isSupplier: boolean;
}
