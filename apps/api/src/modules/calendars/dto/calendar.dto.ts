import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { BooleanQuery } from '../../../platform/listing/query-transforms';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { OptionalFlag, OptionalId } from '../../../platform/validation/fields';

const MAX_FOLLOWED = 500;

export class CreateCalendarDto {
  @ApiProperty({ description: 'Name shown in the menu (required).', example: 'Key accounts team' })
  @IsString()
  @Length(1, 100)
  name: string;

  @OptionalId('The user it belongs to; default: the caller (unless ownerTeamId is given). Only an admin gives a calendar to someone else.')
  ownerUserId?: string | null;

  @OptionalId('The team it belongs to, instead of a user: an admin, or a manager of that team.')
  ownerTeamId?: string | null;

  @ApiPropertyOptional({ description: 'Users whose events it shows.', type: [String], format: 'uuid', example: [EXAMPLE_ID] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FOLLOWED)
  @IsUUID('all', { each: true, message: 'followedUserIds must hold user ids (UUIDs)' })
  followedUserIds?: string[];

  @ApiPropertyOptional({ description: 'Teams whose members’ events it shows.', type: [String], format: 'uuid', example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FOLLOWED)
  @IsUUID('all', { each: true, message: 'followedTeamIds must hold team ids (UUIDs)' })
  followedTeamIds?: string[];

  @ApiPropertyOptional({ description: 'Colour of its events, #rrggbb; default #3b82f6.', example: '#16a34a' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'colour must be a colour such as #16a34a' })
  colour?: string;

  @OptionalFlag('Put it in the menu of the users it belongs to.', true)
  inMenu?: boolean;
}

export class UpdateCalendarDto extends VersionedPartial(CreateCalendarDto) {}

export class ListCalendarsQuery extends ListQueryDto {
  @OptionalId('Calendars of this user.')
  ownerUserId?: string;

  @OptionalId('Calendars of this team.')
  ownerTeamId?: string;

  @ApiPropertyOptional({ description: 'Only those in the menu (true) or not (false).' })
  @BooleanQuery()
  inMenu?: boolean;
}
