import { ApiProperty, OmitType } from '@nestjs/swagger';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '@crm/domain';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { ListOpportunitiesQuery } from './opportunity.dto';

/** What a kanban card shows and a move needs: a narrow view, so a column page is cheap to read and to send. */
export class OpportunityCard {
  @ApiProperty({ description: 'The opportunity.', format: 'uuid', example: EXAMPLE_ID })
  id: string;

  @ApiProperty({ description: 'Changes on every update (optimistic locking).', example: 3 })
  version: number;

  @ApiProperty({ description: 'Name of the deal.', example: 'Acme — 50 licences' })
  name: string;

  @ApiProperty({ description: 'Pipeline stage: the column.', enum: OPPORTUNITY_STAGES, example: 'proposition' })
  stage: OpportunityStage;

  @ApiProperty({ description: 'Place in the column (opaque; the board is sorted by it).', example: 'a0' })
  rank: string;

  @ApiProperty({ description: 'The partner.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  partnerId: string | null;

  @ApiProperty({ description: "The partner's name, so a card needs no second request.", nullable: true, type: String, example: 'Acme SA' })
  partnerName: string | null;

  @ApiProperty({ description: 'Expected amount, a decimal string.', nullable: true, type: String, example: '12500.00' })
  amount: string | null;

  @ApiProperty({ description: 'ISO 4217 currency code.', example: 'EUR' })
  currency: string;

  @ApiProperty({ description: 'Chance of winning, 0–100 (colours the card).', example: 50 })
  probability: number;

  @ApiProperty({ description: 'Expected close date.', nullable: true, type: String, format: 'date', example: '2027-01-31' })
  expectedCloseDate: string | null;

  @ApiProperty({ description: 'Salesperson in charge.', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  assignedToId: string | null;
}

/** The list filters of opportunities; a board is always in card order (rank). */
export class BoardQuery extends OmitType(ListOpportunitiesQuery, ['sort'] as const) {}
