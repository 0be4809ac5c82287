import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from '@crm/domain';
import { Address, AddressField } from '../../../platform/contact/address';
import { EmailField, OptionalFlag, OptionalId, OptionalText, PhoneField, WebsiteField } from '../../../platform/validation/fields';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { BooleanQuery, DayQuery } from '../../../platform/listing/query-transforms';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';

export class CreateLeadDto {
  @OptionalText('Civility (M., Ms., Dr, Prof.).', 'Ms.', 20)
  title?: string | null;

  @OptionalText('First name.', 'Jane', 100)
  firstName?: string | null;

  @ApiProperty({ description: 'Last name (required).', example: 'Doe' })
  @IsString()
  @Length(1, 100)
  lastName: string;

  @OptionalText('Company name.', 'Acme Corp')
  companyName?: string | null;

  @OptionalText('Job title.', 'Head of purchasing', 100)
  jobTitle?: string | null;

  @EmailField('Email address.')
  email?: string | null;

  @PhoneField('Fixed phone.')
  phone?: string | null;

  @PhoneField('Mobile phone.', '+33 6 12 34 56 78')
  mobilePhone?: string | null;

  @WebsiteField('Web site.')
  website?: string | null;

  @AddressField()
  address?: Address;

  @OptionalId('Lead source (see /lead-sources).')
  sourceId?: string | null;

  @OptionalText('Who referred this lead (referent).', 'Paul Martin')
  referredBy?: string | null;

  @OptionalId('Salesperson in charge; default: the creator.')
  assignedToId?: string | null;

  @OptionalId('Sales team.')
  teamId?: string | null;

  @OptionalFlag('The lead refuses calls.')
  doNotCall?: boolean;

  @OptionalFlag('The lead refuses emails.')
  doNotEmail?: boolean;

  @OptionalText('Notes about the lead.', 'Met at the Lyon trade show.', 10000)
  description?: string | null;
}

export class UpdateLeadDto extends VersionedPartial(CreateLeadDto) {}

export class ListLeadsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only leads in this status.', enum: LEAD_STATUSES })
  @IsOptional()
  @IsIn(LEAD_STATUSES, { message: `status must be one of ${LEAD_STATUSES.join(', ')}` })
  status?: LeadStatus;

  @ApiPropertyOptional({ description: 'Only leads assigned to this user.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedToId?: string;

  @ApiPropertyOptional({ description: 'Only leads of this team.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    description: "A team's leads: put on the team, or assigned to one of its members (`teamId` matches the team field alone).",
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ofTeamId must be a UUID' })
  ofTeamId?: string;

  @ApiPropertyOptional({ description: 'Only leads from this source.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ description: 'Only leads with (true) or without (false) a source.' })
  @BooleanQuery()
  hasSource?: boolean;

  @DayQuery("Created on or after this day (the organisation's time zone).", '2026-01-01')
  createdFrom?: string;

  @DayQuery("Created on or before this day (the organisation's time zone).", '2026-12-31')
  createdTo?: string;

  @DayQuery("Converted on or after this day (the organisation's time zone); only converted leads.", '2026-01-01')
  convertedFrom?: string;

  @DayQuery("Converted on or before this day (the organisation's time zone); only converted leads.", '2026-12-31')
  convertedTo?: string;

  @ApiPropertyOptional({ description: 'Only leads that refuse (true) or accept (false) calls.' })
  @BooleanQuery()
  doNotCall?: boolean;

  @ApiPropertyOptional({ description: 'Only leads that refuse (true) or accept (false) emails.' })
  @BooleanQuery()
  doNotEmail?: boolean;
}
