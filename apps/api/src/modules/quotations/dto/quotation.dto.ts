import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO4217CurrencyCode, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { QUOTATION_STATUSES, type QuotationStatus } from '@crm/domain';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { DateOnlyField, IsNestedObject, OptionalId, OptionalText } from '../../../platform/validation/fields';

const decimal = (pattern: RegExp, field: string, example: string) => (target: object, key: string) => {
  Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))(target, key);
  Matches(pattern, { message: `${field} must be a decimal string such as ${example}` })(target, key);
};
const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export class QuotationLineDto {
  @ApiProperty({ description: 'What is sold.', example: 'CRM licence, 12 months' })
  @IsString()
  @Length(1, 2000)
  description: string;

  @ApiProperty({ description: 'Quantity, up to 3 decimals.', example: '5' })
  @decimal(/^\d{1,11}(\.\d{1,3})?$/, 'quantity', '5 or 2.5')
  quantity: string;

  @ApiProperty({ description: 'Unit price, up to 2 decimals.', example: '240.00' })
  @decimal(/^\d{1,14}(\.\d{1,2})?$/, 'unitPrice', '240.00')
  unitPrice: string;

  @ApiPropertyOptional({ description: 'Discount in percent, 0–100; default 0.', example: '10' })
  @IsOptional()
  @decimal(PERCENT, 'discountPercent', '10')
  discountPercent?: string;

  @ApiPropertyOptional({ description: 'Tax rate in percent, 0–100; default 0.', example: '20' })
  @IsOptional()
  @decimal(PERCENT, 'taxRate', '20')
  taxRate?: string;
}

export class CreateQuotationDto {
  @ApiProperty({ description: 'The customer or prospect.', format: 'uuid', example: '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41' })
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId: string;

  @OptionalId('The opportunity it answers.')
  opportunityId?: string | null;

  @OptionalId('The contact at the partner.')
  contactId?: string | null;

  @ApiPropertyOptional({ description: 'ISO 4217 currency code; default EUR.', example: 'EUR' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @OptionalId('Salesperson in charge; default: the creator.')
  assignedToId?: string | null;

  @DateOnlyField('Valid until, YYYY-MM-DD.')
  validUntil?: string | null;

  @OptionalText('Notes printed on the quotation.', 'Payment at 30 days.', 5000)
  notes?: string | null;

  @ApiPropertyOptional({
    description: 'The lines; in a PATCH they replace all the lines.',
    type: [QuotationLineDto],
    example: [{ description: 'CRM licence, 12 months', quantity: '5', unitPrice: '240.00', discountPercent: '10', taxRate: '20' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsNestedObject(true)
  @ValidateNested({ each: true })
  @Type(() => QuotationLineDto)
  lines?: QuotationLineDto[];
}

/** What a draft made from an opportunity may add; the rest comes from the opportunity. */
export class QuoteOpportunityDto extends PickType(CreateQuotationDto, ['validUntil', 'notes', 'lines'] as const) {}

export class UpdateQuotationDto extends VersionedPartial(CreateQuotationDto) {}

export class ListQuotationsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only this status.', enum: QUOTATION_STATUSES })
  @IsOptional()
  @IsIn(QUOTATION_STATUSES)
  status?: QuotationStatus;

  @ApiPropertyOptional({ description: "Only this opportunity's quotations.", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;

  @ApiPropertyOptional({ description: "Only this partner's quotations.", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}
