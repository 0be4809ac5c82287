import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, EntityManager, In } from 'typeorm';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { VersionedPartial } from '../../platform/database/versioned-partial';
import { ReferenceListDefinition } from './reference-list';
import { CodeField, NameField, ReferenceListQuery, referenceListSpec } from './reference-list.fields';

/** Where a lead came from (web site, trade show, referral…). */
@Entity('lead_sources')
export class LeadSource extends AuditedEntity {
  @ApiProperty({ description: 'Name of the source.', example: 'Trade show' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'Short code.', example: 'SHOW', nullable: true, type: String })
  @Column('text', { nullable: true })
  code: string | null;
}

export class CreateLeadSourceDto {
  @NameField('Trade show')
  name: string;

  @CodeField('SHOW', false)
  code?: string;
}

export class UpdateLeadSourceDto extends VersionedPartial(CreateLeadSourceDto) {}

export const LEAD_SOURCES: ReferenceListDefinition<LeadSource> = {
  path: 'lead-sources',
  what: 'lead source',
  entity: LeadSource,
  createDto: CreateLeadSourceDto,
  updateDto: UpdateLeadSourceDto,
  listQuery: ReferenceListQuery,
  listSpec: referenceListSpec('source'),
};

/** id → name of these lead sources (unknown ids are left out), for reports; one query. */
export async function leadSourceNames(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const sources = unique.length ? await manager.getRepository(LeadSource).find({ select: { id: true, name: true }, where: { id: In(unique) } }) : [];
  return new Map(sources.map((source) => [source.id, source.name]));
}
