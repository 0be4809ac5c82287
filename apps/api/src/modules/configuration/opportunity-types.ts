import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { VersionedPartial } from '../../platform/database/versioned-partial';
import { ReferenceListDefinition } from './reference-list';
import { CodeField, NameField, ReferenceListQuery, referenceListSpec } from './reference-list.fields';

/** New customer, existing customer, recurring… (seeded; admins may add more). */
@Entity('opportunity_types')
export class OpportunityType extends AuditedEntity {
  @ApiProperty({ description: 'Type name.', example: 'New customer' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'Short code.', example: 'NEW' })
  @Column('text')
  code: string;
}

export class CreateOpportunityTypeDto {
  @NameField('New customer')
  name: string;

  @CodeField('NEW', true)
  code: string;
}

export class UpdateOpportunityTypeDto extends VersionedPartial(CreateOpportunityTypeDto) {}

export const OPPORTUNITY_TYPES: ReferenceListDefinition<OpportunityType> = {
  path: 'opportunity-types',
  what: 'opportunity type',
  entity: OpportunityType,
  createDto: CreateOpportunityTypeDto,
  updateDto: UpdateOpportunityTypeDto,
  listQuery: ReferenceListQuery,
  listSpec: referenceListSpec('type'),
};
