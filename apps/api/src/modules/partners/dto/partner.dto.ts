import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Address, AddressField } from '../../../platform/contact/address';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { BooleanQuery } from '../../../platform/listing/query-transforms';
import { EmailField, OptionalFlag, OptionalId, OptionalText, PhoneField, WebsiteField } from '../../../platform/validation/fields';
import { PARTNER_KINDS, type PartnerKind } from '../partner.entity';

export class CreatePartnerDto {
  @ApiPropertyOptional({ description: 'A company (default) or an individual.', enum: PARTNER_KINDS, example: 'company' })
  @IsOptional()
  @IsIn(PARTNER_KINDS, { message: `kind must be one of ${PARTNER_KINDS.join(', ')}` })
  kind?: PartnerKind;

  @ApiProperty({ description: 'Company name, or last name of an individual.', example: 'Acme Corp' })
  @IsString()
  @Length(1, 200)
  name: string;

  @OptionalText('First name (individuals).', 'Jane', 100)
  firstName?: string | null;

  @EmailField('Main email address.', 'contact@acme.com')
  email?: string | null;

  @PhoneField('Main phone.')
  phone?: string | null;

  @PhoneField('Mobile phone.', '+33 6 12 34 56 78')
  mobilePhone?: string | null;

  @WebsiteField('Web site.')
  website?: string | null;

  @AddressField()
  address?: Address;

  @OptionalText('Notes about the partner.', 'Key account since 2019.', 10000)
  description?: string | null;

  @OptionalId('Lead source.')
  sourceId?: string | null;

  @OptionalId('Salesperson in charge; default: the creator. Restricted by the setting customerAssignableTeamIds (422).')
  assignedToId?: string | null;

  @OptionalId('Sales team.')
  teamId?: string | null;

  @OptionalFlag('A prospect.', true)
  isProspect?: boolean;

  @OptionalFlag('A customer.')
  isCustomer?: boolean;

  @OptionalFlag('A supplier.')
  isSupplier?: boolean;
}

export class UpdatePartnerDto extends VersionedPartial(CreatePartnerDto) {}

export class ListPartnersQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only companies or only individuals.', enum: PARTNER_KINDS })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ description: 'Only prospects (true) or non-prospects (false).' })
  @BooleanQuery()
  isProspect?: boolean;

  @ApiPropertyOptional({ description: 'Only customers (true) or non-customers (false).' })
  @BooleanQuery()
  isCustomer?: boolean;

  @ApiPropertyOptional({ description: 'Only suppliers (true) or non-suppliers (false).' })
  @BooleanQuery()
  isSupplier?: boolean;

  @ApiPropertyOptional({ description: 'Customers or prospects (the "Customers" menu).' })
  @BooleanQuery()
  isCustomerOrProspect?: boolean;

  @ApiPropertyOptional({ description: 'Only partners assigned to this user.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedToId?: string;

  @ApiPropertyOptional({ description: 'Only partners of this team.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'Only partners from this source.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;
}
