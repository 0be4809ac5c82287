import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Address, AddressField } from '../../../platform/contact/address';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { BooleanQuery } from '../../../platform/listing/query-transforms';
import { EmailField, OptionalFlag, OptionalId, OptionalText, PhoneField } from '../../../platform/validation/fields';

export class CreateContactDto {
  @OptionalText('Civility (M., Ms., Dr, Prof.).', 'Ms.', 20)
  title?: string | null;

  @OptionalText('First name.', 'Jane', 100)
  firstName?: string | null;

  @ApiProperty({ description: 'Last name (required).', example: 'Doe' })
  @IsString()
  @Length(1, 100)
  lastName: string;

  @EmailField('Email address.')
  email?: string | null;

  @PhoneField('Fixed phone.')
  phone?: string | null;

  @PhoneField('Mobile phone.', '+33 6 12 34 56 78')
  mobilePhone?: string | null;

  @OptionalText('Job title.', 'Head of purchasing', 100)
  jobTitle?: string | null;

  @OptionalId('The partner the contact works for; null: standalone.')
  partnerId?: string | null;

  @OptionalFlag('The contact refuses calls.')
  doNotCall?: boolean;

  @OptionalFlag('The contact refuses emails.')
  doNotEmail?: boolean;

  @AddressField()
  address?: Address;

  @OptionalText('Notes.', 'Prefers calls in the morning.', 10000)
  description?: string | null;

  @OptionalId('Salesperson in charge; default: the creator.')
  assignedToId?: string | null;
}

export class UpdateContactDto extends VersionedPartial(CreateContactDto) {}

export class ListContactsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: "Only this partner's contacts.", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ description: 'Only contacts assigned to this user.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedToId?: string;

  @ApiPropertyOptional({ description: 'Only contacts that refuse (true) or accept (false) calls.' })
  @BooleanQuery()
  doNotCall?: boolean;

  @ApiPropertyOptional({ description: 'Only contacts that refuse (true) or accept (false) emails.' })
  @BooleanQuery()
  doNotEmail?: boolean;
}
