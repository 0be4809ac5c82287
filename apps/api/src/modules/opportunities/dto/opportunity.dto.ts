import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO4217CurrencyCode, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '@crm/domain';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { BooleanQuery, DayQuery } from '../../../platform/listing/query-transforms';
import { DateOnlyField, OptionalId, OptionalText, AMOUNT_PATTERN } from '../../../platform/validation/fields';
import { PIPELINE_GROUPS, type PipelineGroup } from './opportunity-actions.dto';

const nullable = () => ValidateIf((_, value) => value !== null && value !== undefined);

/** Money as a decimal string (never a float): up to 14 digits and 2 decimals. */

export class CreateOpportunityDto {
  @ApiProperty({ description: 'Name of the deal (required).', example: 'Acme — 50 licences' })
  @IsString()
  @Length(1, 200)
  name: string;

  @OptionalId('The partner (customer or prospect).')
  partnerId?: string | null;

  @OptionalId('The lead it came from.')
  leadId?: string | null;

  @OptionalId('The contact at the partner.')
  contactId?: string | null;

  @ApiPropertyOptional({ description: 'Expected amount as a decimal string.', example: '12500.00', nullable: true, type: String })
  @IsOptional()
  @nullable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))
  @Matches(AMOUNT_PATTERN, { message: 'amount must be a decimal string such as 12500.00' })
  amount?: string | null;

  @ApiPropertyOptional({ description: 'ISO 4217 currency code; default EUR.', example: 'EUR' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ description: "Chance of winning, 0–100; default: the stage's probability.", example: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  probability?: number;

  @DateOnlyField('Expected close date, YYYY-MM-DD.')
  expectedCloseDate?: string | null;

  @OptionalId('Opportunity type.')
  typeId?: string | null;

  @OptionalId('Lead source.')
  sourceId?: string | null;

  @OptionalId('Salesperson in charge; default: the creator.')
  assignedToId?: string | null;

  @OptionalId('Sales team.')
  teamId?: string | null;

  @OptionalText('Next step to take.', 'Send the proposal', 500)
  nextStep?: string | null;

  @OptionalText('Notes.', 'Budget confirmed by the CFO.', 10000)
  description?: string | null;
}

export class UpdateOpportunityDto extends VersionedPartial(CreateOpportunityDto) {}

export class ListOpportunitiesQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only open (false) or closed (true) opportunities.' })
  @BooleanQuery()
  closed?: boolean;

  @ApiPropertyOptional({ description: 'Only this stage.', enum: OPPORTUNITY_STAGES })
  @IsOptional()
  @IsIn(OPPORTUNITY_STAGES, { message: `stage must be one of ${OPPORTUNITY_STAGES.join(', ')}` })
  stage?: OpportunityStage;

  @ApiPropertyOptional({ description: "Only this partner's opportunities.", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ description: "Only this lead's opportunities.", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ description: "Only this contact's opportunities.", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Only opportunities assigned to this user.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedToId?: string;

  @ApiPropertyOptional({ description: 'Only opportunities of this team.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    description: "A team's opportunities: put on the team, or assigned to one of its members (`teamId` matches the team field alone).",
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ofTeamId must be a UUID' })
  ofTeamId?: string;

  @ApiPropertyOptional({ description: 'Only opportunities in this currency (ISO 4217).', example: 'EUR' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ description: 'Only opportunities from this lead source.', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be a UUID' })
  sourceId?: string;

  @ApiPropertyOptional({ description: 'Only opportunities with (true) or without (false) a lead source.' })
  @BooleanQuery()
  hasSource?: boolean;

  @DayQuery("Created on or after this day (the organisation's time zone).", '2026-01-01')
  createdFrom?: string;

  @DayQuery("Created on or before this day (the organisation's time zone).", '2026-12-31')
  createdTo?: string;

  @DayQuery("Won or lost on or after this day (the organisation's time zone); only closed opportunities.", '2026-01-01')
  closedFrom?: string;

  @DayQuery("Won or lost on or before this day (the organisation's time zone); only closed opportunities.", '2026-12-31')
  closedTo?: string;

  @DayQuery('Expected to close on or after this day.', '2026-01-01')
  expectedCloseFrom?: string;

  @DayQuery('Expected to close on or before this day.', '2026-12-31')
  expectedCloseTo?: string;
}

export class PipelineQuery extends OmitType(ListOpportunitiesQuery, ['sort', 'page', 'pageSize'] as const) {
  @ApiPropertyOptional({ description: 'Group the totals by stage (default), assignee or team.', enum: PIPELINE_GROUPS, example: 'stage' })
  @IsOptional()
  @IsIn(PIPELINE_GROUPS)
  groupBy?: PipelineGroup;
}
