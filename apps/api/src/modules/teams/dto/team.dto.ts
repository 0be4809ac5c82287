import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { AuditedEntity } from '../../../platform/database/audited.entity';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';

export class TeamView extends AuditedEntity {
  @ApiProperty({ description: 'Team name, unique.', example: 'Enterprise sales' })
  name: string;

  @ApiProperty({ description: 'Short code.', example: 'ENT', nullable: true, type: String })
  code: string | null;

  @ApiProperty({ description: 'What the team does.', example: 'Accounts over 500 employees.', nullable: true, type: String })
  description: string | null;

  @ApiProperty({ description: 'Users in the team.', type: [String], format: 'uuid', example: [] })
  memberIds: string[];
}

export class CreateTeamDto {
  @ApiProperty({ description: 'Team name, unique.', example: 'Enterprise sales' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ description: 'Short code.', example: 'ENT' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  code?: string;

  @ApiPropertyOptional({ description: 'What the team does.', example: 'Accounts over 500 employees.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ description: 'Users in the team (replaces the whole set).', type: [String], format: 'uuid', example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class UpdateTeamDto extends VersionedPartial(CreateTeamDto) {}

export class ListTeamsQuery extends ListQueryDto {}
