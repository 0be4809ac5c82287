import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '@crm/domain';
import { AuditedEntity } from '../../../platform/database/audited.entity';

/** A user as the API shows it: never a password or its hash. */
export class UserView extends AuditedEntity {
  @ApiProperty({ description: 'Sign-in email, unique, lower-cased.', example: 'jane.doe@example.com' })
  email: string;

  @ApiProperty({ description: 'Full name shown in lists and on records.', example: 'Jane Doe' })
  name: string;

  @ApiProperty({ description: 'What the user may do.', enum: USER_ROLES, example: 'salesperson' })
  role: UserRole;

  @ApiProperty({ description: 'Teams the user belongs to.', type: [String], format: 'uuid', example: [] })
  teamIds: string[];

  @ApiProperty({ description: 'Inactive users cannot sign in; their records stay.', example: true })
  active: boolean;
}
