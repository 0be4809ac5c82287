import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '@crm/domain';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

const reference = (description: string) => ApiProperty({ description, nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID });
const text = (description: string, example: string) => ApiProperty({ description, example, nullable: true, type: String });

/** A possible sale to a partner, moving through the pipeline stages. */
@Entity('opportunities')
export class Opportunity extends AuditedEntity {
  @ApiProperty({ description: 'Name of the deal.', example: 'Acme — 50 licences' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'Pipeline stage.', enum: OPPORTUNITY_STAGES, example: 'new' })
  @Column('text')
  stage: OpportunityStage;

  @reference('The partner (customer or prospect).')
  @Column('uuid', { nullable: true })
  partnerId: string | null;

  @reference('The lead it came from.')
  @Column('uuid', { nullable: true })
  leadId: string | null;

  @reference('The contact at the partner.')
  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ApiProperty({ description: 'Expected amount, a decimal string.', nullable: true, type: String, example: '12500.00' })
  @Column('numeric', { precision: 16, scale: 2, nullable: true })
  amount: string | null;

  @ApiProperty({ description: 'ISO 4217 currency code.', example: 'EUR' })
  @Column('char', { length: 3 })
  currency: string;

  @ApiProperty({ description: 'Chance of winning, 0–100; defaults to the stage probability of the CRM settings.', example: 10 })
  @Column('int')
  probability: number;

  @ApiProperty({ description: 'Expected close date.', nullable: true, type: String, format: 'date', example: '2027-01-31' })
  @Column('date', { nullable: true })
  expectedCloseDate: string | null;

  @reference('Opportunity type (new customer, existing customer, recurring…).')
  @Column('uuid', { nullable: true })
  typeId: string | null;

  @reference('Lead source.')
  @Column('uuid', { nullable: true })
  sourceId: string | null;

  @reference('Salesperson in charge.')
  @Column('uuid', { nullable: true })
  assignedToId: string | null;

  @reference('Sales team.')
  @Column('uuid', { nullable: true })
  teamId: string | null;

  @text('Next step to take.', 'Send the proposal')
  @Column('text', { nullable: true })
  nextStep: string | null;

  @reference('Why it was lost.')
  @Column('uuid', { nullable: true })
  lostReasonId: string | null;

  @text('Notes.', 'Budget confirmed by the CFO.')
  @Column('text', { nullable: true })
  description: string | null;

  @ApiProperty({ description: 'Place in its kanban column (opaque; sort by it, move with /move).', example: 'a0' })
  @Column('text')
  rank: string;

  @ApiProperty({
    description: 'When it was won or lost (UTC); null while open. Objectives and reports count a won deal on this date.',
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2027-01-15T16:30:00.000Z',
  })
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;
}

/** An opportunity as the API shows it. */
export class OpportunityView extends Opportunity {
  @ApiProperty({
    description: "The partner's description, when the setting displayCustomerDescriptionInOpportunity is on; otherwise null.",
    nullable: true,
    type: String,
    example: 'Key account since 2019.',
  })
  customerDescription: string | null;
}
