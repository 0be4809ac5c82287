import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_STAGE_PROBABILITIES, type OpportunityStage } from '@crm/domain';
import { isValidTimeZone } from '@crm/domain/recurrence';
import { getCountries } from 'libphonenumber-js';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { Optional } from '../../../platform/validation/fields';

const PROBABILITY = (stage: OpportunityStage) => (target: object, key: string) => {
  ApiPropertyOptional({
    description: `Default probability (%) of the ${stage.replace('_', ' ')} stage.`,
    example: DEFAULT_STAGE_PROBABILITIES[stage],
    minimum: 0,
    maximum: 100,
  })(target, key);
  // a null would be stored, and every move into that stage would then fail
  Optional()(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(100)(target, key);
};

export class StageProbabilitiesDto {
  @PROBABILITY('new') new?: number;
  @PROBABILITY('qualification') qualification?: number;
  @PROBABILITY('proposition') proposition?: number;
  @PROBABILITY('negotiation') negotiation?: number;
  @PROBABILITY('closed_won') closed_won?: number;
  @PROBABILITY('closed_lost') closed_lost?: number;
}

/** The CRM options as the API shows them; the SMTP password is never shown. */
export class CrmSettingsView {
  @ApiProperty({ description: 'Confirming an order linked to an opportunity closes it as won.', example: true })
  closeOpportunityOnOrderConfirmation: boolean;

  @ApiProperty({ description: "Show the customer's description on opportunities (`customerDescription`).", example: false })
  displayCustomerDescriptionInOpportunity: boolean;

  @ApiProperty({
    description: 'When not empty, only members of these teams may be assigned to partners (else 422).',
    type: [String],
    format: 'uuid',
    example: [],
  })
  customerAssignableTeamIds: string[];

  @ApiProperty({
    description: 'Default probability (%) per opportunity stage.',
    type: StageProbabilitiesDto,
    example: DEFAULT_STAGE_PROBABILITIES,
  })
  stageProbabilities: StageProbabilitiesDto;

  @ApiProperty({
    description: 'Outgoing mail server host (SMTP_URL in the environment wins when set).',
    nullable: true,
    type: String,
    example: 'smtp.example.com',
  })
  smtpHost: string | null;

  @ApiProperty({ description: 'Outgoing mail server port.', nullable: true, type: Number, example: 587 })
  smtpPort: number | null;

  @ApiProperty({ description: 'Use TLS from the start (port 465) rather than STARTTLS.', example: false })
  smtpSecure: boolean;

  @ApiProperty({ description: 'SMTP user name.', nullable: true, type: String, example: 'crm@example.com' })
  smtpUser: string | null;

  @ApiProperty({ description: 'Whether an SMTP password is stored (the password itself is never shown).', example: true })
  smtpPasswordSet: boolean;

  @ApiProperty({ description: 'Sender address of the emails the CRM sends.', nullable: true, type: String, example: 'crm@example.com' })
  smtpFrom: string | null;

  @ApiProperty({
    description: 'Country (ISO 3166-1 alpha-2) a phone number written without a country code is read in, when phones are compared for duplicates.',
    example: 'FR',
  })
  defaultCountry: string;

  @ApiProperty({
    description: "The organisation's time zone (IANA): objectives' periods and the reports' days and months follow its calendar.",
    example: 'Europe/Paris',
  })
  timeZone: string;

  @ApiProperty({ description: 'Incremented on every change; send it back in PATCH.', example: 1 })
  version: number;

  @ApiProperty({ description: 'Last change (UTC).', example: '2026-11-28T09:30:00.000Z' })
  updatedAt: Date;
}

/** The countries whose phone numbering plan is known. */
const PHONE_COUNTRIES: readonly string[] = getCountries();

@ValidatorConstraint({ name: 'isTimeZone' })
class IsTimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidTimeZone(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/Paris';
  }
}

const nullable = () => ValidateIf((_, value) => value !== null && value !== undefined);

export class UpdateCrmSettingsDto {
  @ApiPropertyOptional({ description: 'Confirming an order linked to an opportunity closes it as won.', example: true })
  @IsOptional()
  @IsBoolean()
  closeOpportunityOnOrderConfirmation?: boolean;

  @ApiPropertyOptional({ description: "Show the customer's description on opportunities.", example: true })
  @IsOptional()
  @IsBoolean()
  displayCustomerDescriptionInOpportunity?: boolean;

  @ApiPropertyOptional({
    description: 'Teams whose members may be assigned to partners; empty: everyone.',
    type: [String],
    format: 'uuid',
    example: [EXAMPLE_ID],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  customerAssignableTeamIds?: string[];

  @ApiPropertyOptional({
    description: 'Default probabilities of the stages given (the others keep theirs).',
    type: StageProbabilitiesDto,
    example: { proposition: 40 },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StageProbabilitiesDto)
  stageProbabilities?: StageProbabilitiesDto;

  @ApiPropertyOptional({ description: 'Outgoing mail server host; null clears.', nullable: true, type: String, example: 'smtp.example.com' })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(200)
  smtpHost?: string | null;

  @ApiPropertyOptional({ description: 'Outgoing mail server port.', nullable: true, type: Number, example: 587 })
  @IsOptional()
  @nullable()
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort?: number | null;

  @ApiPropertyOptional({ description: 'TLS from the start (465) rather than STARTTLS.', example: false })
  @IsOptional()
  @IsBoolean()
  smtpSecure?: boolean;

  @ApiPropertyOptional({ description: 'SMTP user name.', nullable: true, type: String, example: 'crm@example.com' })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(200)
  smtpUser?: string | null;

  @ApiPropertyOptional({ description: 'SMTP password (write-only); null clears.', nullable: true, type: String, writeOnly: true, example: 'app-password' })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(500)
  smtpPassword?: string | null;

  @ApiPropertyOptional({ description: 'Sender address.', nullable: true, type: String, example: 'crm@example.com' })
  @IsOptional()
  @nullable()
  @IsEmail()
  smtpFrom?: string | null;

  @ApiPropertyOptional({
    description: 'Country (ISO 3166-1 alpha-2, one libphonenumber knows) a phone number without a country code is read in.',
    example: 'BE',
  })
  @IsOptional()
  @IsIn(PHONE_COUNTRIES, { message: 'defaultCountry must be a country code such as FR, BE or US' })
  defaultCountry?: string;

  @ApiPropertyOptional({ description: "The organisation's time zone (IANA), for objectives and reports.", example: 'Europe/Paris' })
  @IsOptional()
  @IsString()
  @Validate(IsTimeZoneConstraint)
  timeZone?: string;

  @ApiPropertyOptional({ description: 'The version you loaded; a different stored version answers 409.', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
