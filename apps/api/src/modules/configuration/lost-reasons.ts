import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Column, Entity, EntityManager } from 'typeorm';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { VersionedPartial } from '../../platform/database/versioned-partial';
import { invalidInput } from '../../platform/errors/domain-error';
import { ReferenceListDefinition } from './reference-list';
import { NameField, ReferenceListQuery, referenceListSpec } from './reference-list.fields';

/** Why a lead or an opportunity was lost. */
@Entity('lost_reasons')
export class LostReason extends AuditedEntity {
  @ApiProperty({ description: 'The reason.', example: 'Price too high' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'When true, losing with this reason asks for a free-text explanation.', example: false })
  @Column('boolean', { default: false })
  freeText: boolean;
}

export class CreateLostReasonDto {
  @NameField('Price too high')
  name: string;

  @ApiPropertyOptional({ description: 'Ask for a free-text explanation with this reason. Default false.', example: false })
  @IsOptional()
  @IsBoolean()
  freeText?: boolean;
}

export class UpdateLostReasonDto extends VersionedPartial(CreateLostReasonDto) {}

export const LOST_REASONS: ReferenceListDefinition<LostReason> = {
  path: 'lost-reasons',
  what: 'lost reason',
  entity: LostReason,
  createDto: CreateLostReasonDto,
  updateDto: UpdateLostReasonDto,
  listQuery: ReferenceListQuery,
  listSpec: { ...referenceListSpec('reason'), sorts: { name: 'reason.name', createdAt: 'reason.created_at' } },
};

/**
 * The lost reason a lead or an opportunity is closed with, read in the
 * caller's transaction: 400 when it does not exist, or when it asks for an
 * explanation (free text) and the note is empty. The one check of both.
 */
export async function lostReasonFor(manager: EntityManager, lostReasonId: string, note: string | undefined): Promise<LostReason> {
  const reason = await manager.getRepository(LostReason).findOneBy({ id: lostReasonId });
  if (!reason) throw invalidInput([{ field: 'lostReasonId', message: 'refers to a lost reason that does not exist' }]);
  if (reason.freeText && !note?.trim()) throw invalidInput([{ field: 'note', message: `the reason "${reason.name}" asks for an explanation` }]);
  return reason;
}
