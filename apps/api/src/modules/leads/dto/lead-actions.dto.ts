import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { IsNestedObject } from '../../../platform/validation/fields';
import { CreateOpportunityDto } from '../../opportunities';
import { PARTNER_KINDS, type PartnerKind } from '../../partners';

export class AssignLeadDto {
  @ApiPropertyOptional({ description: 'Who takes the lead; omitted: the caller (self-assign).', format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;
}

export class LoseLeadDto {
  @ApiProperty({ description: 'Why the lead was lost (see /lost-reasons).', format: 'uuid', example: EXAMPLE_ID })
  @IsUUID('all', { message: 'lostReasonId must be a UUID' })
  lostReasonId: string;

  @ApiPropertyOptional({
    description: 'Free-text explanation; required when the reason asks for one (freeText).',
    example: 'Went with a cheaper local supplier.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ConvertPartnerChoiceDto {
  @ApiProperty({ description: '`new`: a partner made from the lead; `existing`: the partner `id`.', enum: ['new', 'existing'], example: 'new' })
  @IsIn(['new', 'existing'], { message: 'partner.mode must be new or existing' })
  mode: 'new' | 'existing';

  @ApiPropertyOptional({ description: 'The existing partner (mode existing).', format: 'uuid', example: EXAMPLE_ID })
  @ValidateIf((choice: ConvertPartnerChoiceDto) => choice.mode === 'existing' || choice.id !== undefined)
  @IsUUID('all', { message: 'id must be the UUID of an existing partner' })
  id?: string;

  @ApiPropertyOptional({ description: 'New partner: a prospect (default true unless isCustomer).', example: true })
  @IsOptional()
  @IsBoolean()
  isProspect?: boolean;

  @ApiPropertyOptional({ description: 'New partner: already a customer.', example: false })
  @IsOptional()
  @IsBoolean()
  isCustomer?: boolean;

  @ApiPropertyOptional({
    description: 'New partner: company (default when the lead has a company name) or individual.',
    enum: PARTNER_KINDS,
    example: 'company',
  })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;
}

export class ConvertContactChoiceDto {
  @ApiProperty({ description: '`new`: a contact made from the lead; `existing`: the contact `id`; `none`.', enum: ['new', 'existing', 'none'], example: 'new' })
  @IsIn(['new', 'existing', 'none'], { message: 'contact.mode must be new, existing or none' })
  mode: 'new' | 'existing' | 'none';

  @ApiPropertyOptional({ description: 'The existing contact (mode existing); it must belong to the partner or to none.', format: 'uuid', example: EXAMPLE_ID })
  @ValidateIf((choice: ConvertContactChoiceDto) => choice.mode === 'existing' || choice.id !== undefined)
  @IsUUID('all', { message: 'id must be the UUID of an existing contact' })
  id?: string;
}

export class ConvertOpportunityDto extends PickType(CreateOpportunityDto, ['name', 'amount', 'currency', 'expectedCloseDate', 'typeId'] as const) {}

export class ConvertLeadDto {
  @ApiProperty({ description: 'The partner the lead becomes.', type: ConvertPartnerChoiceDto })
  @IsNestedObject()
  @ValidateNested()
  @Type(() => ConvertPartnerChoiceDto)
  partner: ConvertPartnerChoiceDto;

  @ApiProperty({ description: 'The contact the lead becomes (individual partners have none).', type: ConvertContactChoiceDto })
  @IsNestedObject()
  @ValidateNested()
  @Type(() => ConvertContactChoiceDto)
  contact: ConvertContactChoiceDto;

  @ApiPropertyOptional({ description: 'An opportunity to open, linked to the lead, the partner and the contact.', type: ConvertOpportunityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConvertOpportunityDto)
  opportunity?: ConvertOpportunityDto;
}
