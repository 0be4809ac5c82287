import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsISO4217CurrencyCode, IsOptional, IsString, IsUUID, Length, ValidateBy, ValidateNested } from 'class-validator';
import { isCalendarDate, OBJECTIVE_FREQUENCIES, type ObjectiveFrequency } from '@crm/domain';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { IsNestedObject, OptionalId } from '../../../platform/validation/fields';
import { ObjectiveTargets } from '../objective.entity';

const day = (description: string, example: string) => (target: object, key: string) => {
  ApiProperty({ description, format: 'date', example })(target, key);
  ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate } },
    { message: ({ property }) => `${property} must be a day of the calendar such as ${example}` },
  )(target, key);
};

export class CreateObjectiveDto {
  @ApiProperty({ description: 'What the objective is called.', example: 'Q1 new business' })
  @IsString()
  @Length(1, 200)
  name: string;

  @OptionalId('The salesperson it is for; give this or teamId, not both.')
  userId?: string | null;

  @OptionalId("The team it is for (its members' records count); give this or userId, not both.")
  teamId?: string | null;

  @ApiProperty({ description: 'How the range is split into periods; the targets apply to each.', enum: OBJECTIVE_FREQUENCIES, example: 'monthly' })
  @IsIn(OBJECTIVE_FREQUENCIES, { message: `frequency must be one of ${OBJECTIVE_FREQUENCIES.join(', ')}` })
  frequency: ObjectiveFrequency;

  @day('First day (inclusive).', '2027-01-01')
  from: string;

  @day('Last day (inclusive), on or after `from`.', '2027-03-31')
  to: string;

  @ApiPropertyOptional({ description: 'ISO 4217 currency of the amount target; default EUR.', example: 'EUR' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiProperty({ description: 'The targets of each period; at least one.', type: ObjectiveTargets })
  @IsNestedObject()
  @ValidateNested()
  @Type(() => ObjectiveTargets)
  targets: ObjectiveTargets;
}

export class UpdateObjectiveDto extends VersionedPartial(CreateObjectiveDto) {}

export class ListObjectivesQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: "Only this user's objectives.", format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: "Only this team's objectives.", format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'Only objectives whose range includes this day (e.g. today: the current ones).', format: 'date', example: '2027-02-15' })
  @IsOptional()
  @ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } }, { message: 'on must be a day of the calendar such as 2027-02-15' })
  on?: string;
}

/** The five measures, as numbers reached (amounts as decimal strings). */
export class ObjectiveActuals {
  @ApiProperty({ description: "Amount of the deals won, in the objective's currency (decimal string).", example: '12500.00' })
  amountWon: string;

  @ApiProperty({
    description: 'Amount won per currency, the objective’s included: deals in other currencies are shown here, never added to amountWon.',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { EUR: '12500.00', USD: '3000.00' },
  })
  amountWonByCurrency: Record<string, string>;

  @ApiProperty({ description: 'Opportunities created.', example: 8 })
  opportunitiesCreated: number;

  @ApiProperty({ description: 'Opportunities won (counted on the day they were won).', example: 2 })
  opportunitiesWon: number;

  @ApiProperty({ description: 'Outgoing calls held (status realized).', example: 64 })
  callsMade: number;

  @ApiProperty({ description: 'Meetings held (status realized).', example: 9 })
  meetings: number;
}

const percent = (what: string) =>
  ApiProperty({ description: `${what}: actual × 100 / target, one decimal; null without a target.`, nullable: true, type: Number, example: 62.5 });

export class ObjectiveCompletion {
  @percent('Amount won') amountWon: number | null;
  @percent('Opportunities created') opportunitiesCreated: number | null;
  @percent('Opportunities won') opportunitiesWon: number | null;
  @percent('Calls made') callsMade: number | null;
  @percent('Meetings') meetings: number | null;
}

export class ObjectivePeriodProgress {
  @ApiProperty({ description: 'First day of the period.', format: 'date', example: '2027-01-01' })
  from: string;

  @ApiProperty({ description: 'Last day of the period (inclusive).', format: 'date', example: '2027-01-31' })
  to: string;

  @ApiProperty({ description: 'The targets (for the total: each period’s added up).', type: ObjectiveTargets })
  target: ObjectiveTargets;

  @ApiProperty({ description: 'What was reached, from the records.', type: ObjectiveActuals })
  actual: ObjectiveActuals;

  @ApiProperty({ description: 'How much of each target is reached.', type: ObjectiveCompletion })
  percent: ObjectiveCompletion;
}

export class ObjectiveProgress {
  @ApiProperty({ description: 'The objective.', format: 'uuid', example: EXAMPLE_ID })
  objectiveId: string;

  @ApiProperty({ description: 'Currency of amountWon.', example: 'EUR' })
  currency: string;

  @ApiProperty({ description: 'The time zone whose calendar the periods follow (CRM setting).', example: 'Europe/Paris' })
  timeZone: string;

  @ApiProperty({
    description: 'One per period, in order.',
    type: [ObjectivePeriodProgress],
    example: [
      {
        from: '2027-01-01',
        to: '2027-01-31',
        target: { amountWon: '20000.00', opportunitiesCreated: 10, opportunitiesWon: 3, callsMade: 80, meetings: 12 },
        actual: { amountWon: '12500.00', amountWonByCurrency: { EUR: '12500.00' }, opportunitiesCreated: 8, opportunitiesWon: 2, callsMade: 64, meetings: 9 },
        percent: { amountWon: 62.5, opportunitiesCreated: 80, opportunitiesWon: 66.7, callsMade: 80, meetings: 75 },
      },
    ],
  })
  periods: ObjectivePeriodProgress[];

  @ApiProperty({ description: 'The whole range.', type: ObjectivePeriodProgress })
  total: ObjectivePeriodProgress;
}
