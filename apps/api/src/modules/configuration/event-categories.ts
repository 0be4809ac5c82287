import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Column, Entity } from 'typeorm';
import { EVENT_TYPES, type EventType } from '@crm/domain';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { VersionedPartial } from '../../platform/database/versioned-partial';
import { ReferenceListDefinition } from './reference-list';
import { CodeField, NameField, ReferenceListQuery, referenceListSpec } from './reference-list.fields';

/** A kind of call, meeting, task or event (Customer meeting, Training…), with a calendar colour. */
@Entity('event_categories')
export class EventCategory extends AuditedEntity {
  @ApiProperty({ description: 'Category name.', example: 'Customer meeting' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'Short code.', example: 'CTMTG' })
  @Column('text')
  code: string;

  @ApiProperty({ description: 'The event type this category applies to.', enum: EVENT_TYPES, example: 'meeting' })
  @Column('text')
  type: EventType;

  @ApiProperty({ description: 'Calendar colour, `#rrggbb`.', example: '#2563eb', nullable: true, type: String })
  @Column('text', { nullable: true })
  color: string | null;
}

export class CreateEventCategoryDto {
  @NameField('Customer meeting')
  name: string;

  @CodeField('CTMTG', true)
  code: string;

  @ApiProperty({ description: 'The event type this category applies to.', enum: EVENT_TYPES, example: 'meeting' })
  @IsIn(EVENT_TYPES, { message: `type must be one of ${EVENT_TYPES.join(', ')}` })
  type: EventType;

  @ApiPropertyOptional({ description: 'Calendar colour, `#rrggbb`.', example: '#2563eb' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'color must look like #2563eb' })
  color?: string;
}

export class UpdateEventCategoryDto extends VersionedPartial(CreateEventCategoryDto) {}

class EventCategoryQuery extends ReferenceListQuery {
  @ApiPropertyOptional({ description: 'Only categories of this event type.', enum: EVENT_TYPES })
  @IsOptional()
  @IsIn(EVENT_TYPES)
  type?: EventType;
}

export const EVENT_CATEGORIES: ReferenceListDefinition<EventCategory> = {
  path: 'event-categories',
  what: 'event category',
  entity: EventCategory,
  createDto: CreateEventCategoryDto,
  updateDto: UpdateEventCategoryDto,
  listQuery: EventCategoryQuery,
  listSpec: referenceListSpec('category', { type: 'category.type' }),
};
