import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { USER_ROLES, type UserRole } from '@crm/domain';
import { BooleanQuery } from '../../../platform/listing/query-transforms';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';

export class ListUsersQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only users with this role.', enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ description: 'Only active (true) or inactive (false) users.', example: true })
  @BooleanQuery()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Only members of this team.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
