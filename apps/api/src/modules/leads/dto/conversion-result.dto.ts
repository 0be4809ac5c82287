import { ApiProperty } from '@nestjs/swagger';
import { Contact } from '../../contacts';
import { Opportunity } from '../../opportunities';
import { Partner } from '../../partners';
import { Lead } from '../lead.entity';

export class ConversionResult {
  @ApiProperty({ description: 'The lead, now converted, with partnerId and contactId.', type: Lead })
  lead: Lead;

  @ApiProperty({ description: 'The partner made or chosen.', type: Partner })
  partner: Partner;

  @ApiProperty({ description: 'The contact made or chosen; null with mode none.', type: Contact, nullable: true })
  contact: Contact | null;

  @ApiProperty({ description: 'The opportunity opened; null when none was asked for.', type: Opportunity, nullable: true })
  opportunity: Opportunity | null;
}
