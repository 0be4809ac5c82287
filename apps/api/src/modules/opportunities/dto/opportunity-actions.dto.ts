import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OPEN_STAGES, OPPORTUNITY_STAGES, type OpportunityStage } from '@crm/domain';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';

export class CloseLostDto {
  @ApiProperty({ description: 'Why it was lost (see /lost-reasons).', format: 'uuid', example: EXAMPLE_ID })
  @IsUUID('all', { message: 'lostReasonId must be a UUID' })
  lostReasonId: string;

  @ApiPropertyOptional({ description: 'Explanation; required when the reason asks for one.', example: 'Budget frozen until Q3.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReopenDto {
  @ApiPropertyOptional({ description: 'The open stage to go back to; default negotiation.', enum: OPEN_STAGES, example: 'negotiation' })
  @IsOptional()
  @IsIn(OPEN_STAGES as string[], { message: `stage must be one of ${OPEN_STAGES.join(', ')}` })
  stage?: OpportunityStage;
}

export class MoveOpportunityDto {
  @ApiProperty({ description: 'The kanban column to move to.', enum: OPPORTUNITY_STAGES, example: 'proposition' })
  @IsIn(OPPORTUNITY_STAGES, { message: `stage must be one of ${OPPORTUNITY_STAGES.join(', ')}` })
  stage: OpportunityStage;

  @ApiPropertyOptional({ description: 'Position in the column, 0 = top; omitted: the bottom.', example: 0, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  rank?: number;

  @ApiPropertyOptional({ description: 'Required when moving to closed_lost.', format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID('all', { message: 'lostReasonId must be a UUID' })
  lostReasonId?: string;
}

export const PIPELINE_GROUPS = ['stage', 'assignedToId', 'teamId'] as const;
export type PipelineGroup = (typeof PIPELINE_GROUPS)[number];

export class PipelineTotal {
  @ApiProperty({ description: 'The group: a stage, a user id or a team id (null: none).', nullable: true, type: String, example: 'proposition' })
  key: string | null;

  @ApiProperty({ description: 'Currency of the sums.', example: 'EUR' })
  currency: string;

  @ApiProperty({ description: 'Opportunities in the group.', example: 42 })
  count: number;

  @ApiProperty({ description: 'Sum of amounts, a decimal string.', example: '525000.00' })
  amount: string;

  @ApiProperty({ description: 'Sum of amount × probability / 100, a decimal string.', example: '262500.00' })
  weightedAmount: string;
}

export class PipelineTotals {
  @ApiProperty({ description: 'What the totals are grouped by.', enum: PIPELINE_GROUPS, example: 'stage' })
  groupBy: PipelineGroup;

  @ApiProperty({
    description: 'One row per group and currency.',
    type: [PipelineTotal],
    example: [{ key: 'proposition', currency: 'EUR', count: 42, amount: '525000.00', weightedAmount: '262500.00' }],
  })
  groups: PipelineTotal[];
}
