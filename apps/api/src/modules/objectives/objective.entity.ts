import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Column, Entity } from 'typeorm';
import { OBJECTIVE_FREQUENCIES, type ObjectiveFrequency } from '@crm/domain';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';
import { AMOUNT_PATTERN } from '../../platform/validation/fields';

const count = (description: string, example: number) => (target: object, key: string) => {
  ApiPropertyOptional({ description: `${description} per period; null: not aimed at.`, example, nullable: true, type: Number, minimum: 0 })(target, key);
  IsOptional()(target, key);
  ValidateIf((_object: object, value: unknown) => value !== null)(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(1_000_000)(target, key);
  Column('int', { nullable: true })(target, key);
};

/** What an objective aims at in each of its periods; a null target is not aimed at. Embedded as `target_*` columns. */
export class ObjectiveTargets {
  @ApiPropertyOptional({
    description: "Amount of the deals won in the period, in the objective's currency, a decimal string; null: not aimed at.",
    example: '50000.00',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))
  @Matches(AMOUNT_PATTERN, { message: 'amountWon must be a decimal string such as 50000.00' })
  @Column('numeric', { precision: 16, scale: 2, nullable: true })
  amountWon?: string | null;

  @count('Opportunities created', 20)
  opportunitiesCreated?: number | null;

  @count('Opportunities won', 5)
  opportunitiesWon?: number | null;

  @count('Outgoing calls held (realized)', 120)
  callsMade?: number | null;

  @count('Meetings held (realized)', 15)
  meetings?: number | null;
}

/** A commercial objective of a user or a team (Axelor: Objectives configuration); its progress is computed from the records. */
@Entity('objectives')
export class Objective extends AuditedEntity {
  @ApiProperty({ description: 'What the objective is called.', example: 'Q1 new business' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'The salesperson it is for (or null: a team objective).', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  userId: string | null;

  @ApiProperty({
    description: "The team it is for (or null: a user's objective); the team's actual is the sum of its members'.",
    nullable: true,
    type: String,
    format: 'uuid',
    example: null,
  })
  @Column('uuid', { nullable: true })
  teamId: string | null;

  @ApiProperty({ description: 'How the range is split into periods; the targets apply to each.', enum: OBJECTIVE_FREQUENCIES, example: 'monthly' })
  @Column('text')
  frequency: ObjectiveFrequency;

  @ApiProperty({ description: 'First day (inclusive), in the organisation time zone.', format: 'date', example: '2027-01-01' })
  @Column('date', { name: 'from_date' })
  from: string;

  @ApiProperty({ description: 'Last day (inclusive).', format: 'date', example: '2027-03-31' })
  @Column('date', { name: 'to_date' })
  to: string;

  @ApiProperty({ description: 'ISO 4217 currency of the amount target; deals won in other currencies are shown apart, never added in.', example: 'EUR' })
  @Column('char', { length: 3 })
  currency: string;

  @ApiProperty({ description: 'The targets of each period.', type: ObjectiveTargets })
  @Column(() => ObjectiveTargets, { prefix: 'target' })
  targets: ObjectiveTargets;
}
