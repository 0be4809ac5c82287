import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '@crm/domain';

export const PASSWORD_MIN_LENGTH = 8;

export class CreateUserDto {
  @ApiProperty({ description: 'Sign-in email; stored lower-cased and unique.', example: 'jane.doe@example.com' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'Full name.', example: 'Jane Doe' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'Role: admin manages users and configuration.', enum: USER_ROLES, example: 'salesperson' })
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role: UserRole;

  @ApiProperty({ description: `Password, at least ${PASSWORD_MIN_LENGTH} characters; write-only.`, example: 'correct horse battery', writeOnly: true })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200)
  password: string;

  @ApiPropertyOptional({ description: 'Teams the user belongs to.', type: [String], format: 'uuid', example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional({ description: 'false blocks sign-in. Default true.', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
