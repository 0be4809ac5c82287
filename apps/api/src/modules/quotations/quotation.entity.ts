import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { QUOTATION_STATUSES, type QuotationStatus } from '@crm/domain';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

const money = (description: string, example: string) => ApiProperty({ description, example, type: String });

/** One line of a quotation; its totals are computed, never sent. */
@Entity('quotation_lines')
export class QuotationLine {
  @ApiProperty({ description: 'Line id.', example: EXAMPLE_ID })
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  quotationId: string;

  @ApiProperty({ description: 'Order of the line, from 0.', example: 0 })
  @Column('int')
  position: number;

  @ApiProperty({ description: 'What is sold.', example: 'CRM licence, 12 months' })
  @Column('text')
  description: string;

  @money('Quantity, a decimal string (3 decimals).', '5.000')
  @Column('numeric', { precision: 14, scale: 3 })
  quantity: string;

  @money('Unit price, a decimal string.', '240.00')
  @Column('numeric', { precision: 16, scale: 2 })
  unitPrice: string;

  @money('Discount in percent.', '10.00')
  @Column('numeric', { precision: 5, scale: 2 })
  discountPercent: string;

  @money('Tax rate in percent.', '20.00')
  @Column('numeric', { precision: 5, scale: 2 })
  taxRate: string;

  @money('Quantity × price less the discount, rounded to the cent.', '1080.00')
  @Column('numeric', { precision: 18, scale: 2 })
  net: string;

  @money('Tax of the line, rounded to the cent.', '216.00')
  @Column('numeric', { precision: 18, scale: 2 })
  tax: string;

  @money('net + tax.', '1296.00')
  @Column('numeric', { precision: 18, scale: 2 })
  total: string;
}

/** A quotation to a partner; confirmed, it is the order. */
@Entity('quotations')
export class Quotation extends AuditedEntity {
  @ApiProperty({ description: 'Quotation number.', example: 'Q00042' })
  @Column('text')
  number: string;

  @ApiProperty({ description: 'draft → sent → confirmed (the order), or cancelled.', enum: QUOTATION_STATUSES, example: 'draft' })
  @Column('text')
  status: QuotationStatus;

  @ApiProperty({ description: 'The opportunity it answers.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  opportunityId: string | null;

  @ApiProperty({ description: 'The customer or prospect.', format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid')
  partnerId: string;

  @ApiProperty({ description: 'The contact at the partner.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ApiProperty({ description: 'ISO 4217 currency code.', example: 'EUR' })
  @Column('char', { length: 3 })
  currency: string;

  @ApiProperty({ description: 'Salesperson in charge.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  assignedToId: string | null;

  @ApiProperty({ description: 'Valid until (YYYY-MM-DD).', nullable: true, type: String, format: 'date', example: '2027-01-31' })
  @Column('date', { nullable: true })
  validUntil: string | null;

  @ApiProperty({ description: 'Notes printed on the quotation.', nullable: true, type: String, example: 'Payment at 30 days.' })
  @Column('text', { nullable: true })
  notes: string | null;

  @money('Total before tax.', '1080.00')
  @Column('numeric', { precision: 18, scale: 2 })
  untaxed: string;

  @money('Total tax.', '216.00')
  @Column('numeric', { precision: 18, scale: 2 })
  tax: string;

  @money('Total with tax.', '1296.00')
  @Column('numeric', { precision: 18, scale: 2 })
  total: string;

  @ApiProperty({ description: 'When it became an order.', nullable: true, type: Date, example: null })
  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;
}

export class QuotationView extends Quotation {
  @ApiProperty({
    description: 'The lines, in order.',
    type: [QuotationLine],
    example: [{ description: 'CRM licence, 12 months', quantity: '5', unitPrice: '240.00', discountPercent: '10', taxRate: '20' }],
  })
  lines: QuotationLine[];
}
