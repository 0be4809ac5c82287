import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EXAMPLE_ID } from '../../platform/openapi/examples';

/**
 * A calendar configuration (Axelor's CalendarConfiguration): a named view
 * that belongs to a user or a team, shows the events of the users and teams
 * it follows, and may be put in its owners' menu.
 */
@Entity('calendars')
export class Calendar extends AuditedEntity {
  @ApiProperty({ description: 'Name shown in the menu.', example: 'Key accounts team' })
  @Column('text')
  name: string;

  @ApiProperty({ description: 'The user it belongs to (or null when a team owns it).', nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID })
  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  @ApiProperty({
    description: 'The team it belongs to (or null when a user owns it); its members see it.',
    nullable: true,
    type: String,
    format: 'uuid',
    example: null,
  })
  @Column('uuid', { nullable: true })
  ownerTeamId: string | null;

  @ApiProperty({ description: 'Users whose events it shows.', type: [String], format: 'uuid', example: [EXAMPLE_ID] })
  @Column('uuid', { array: true })
  followedUserIds: string[];

  @ApiProperty({ description: 'Teams whose members’ events it shows (the members at the time of reading).', type: [String], format: 'uuid', example: [] })
  @Column('uuid', { array: true })
  followedTeamIds: string[];

  @ApiProperty({ description: 'Colour of its events, #rrggbb.', example: '#3b82f6' })
  @Column('text')
  colour: string;

  @ApiProperty({ description: 'Listed in the menu of the users it belongs to (`GET /calendars/menu`).', example: true })
  @Column('boolean')
  inMenu: boolean;
}
