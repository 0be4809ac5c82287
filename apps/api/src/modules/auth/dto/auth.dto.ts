import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { IsDateTimeText } from '../../../platform/validation/fields';
import { UserView } from '../../users';

export class LoginDto {
  @ApiProperty({ description: 'Sign-in email.', example: 'admin@example.com' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'Password.', example: 'admin' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Session token; send as `Authorization: Bearer <token>` (the SPA uses the cookie instead).', example: 'crm_s_q3W…' })
  accessToken: string;

  @ApiProperty({ description: 'When the session ends.', example: '2026-11-28T21:30:00.000Z' })
  expiresAt: Date;

  @ApiProperty({ description: 'The signed-in user.', type: UserView })
  user: UserView;
}

export class CreateTokenDto {
  @ApiProperty({ description: 'What the token is for, to recognise it later.', example: 'Zapier integration' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ description: 'When the token stops working; none: until revoked.', example: '2027-06-30T00:00:00.000Z' })
  @IsOptional()
  @IsDateTimeText()
  expiresAt?: string;
}

export class ApiTokenView {
  @ApiProperty({ description: 'Token id (to revoke it).', example: EXAMPLE_ID })
  id: string;

  @ApiProperty({ description: 'What the token is for.', example: 'Zapier integration' })
  name: string;

  @ApiProperty({ description: 'When it stops working; null: until revoked.', nullable: true, type: Date, example: null })
  expiresAt: Date | null;

  @ApiProperty({ description: 'Last time it authenticated a request (to the nearest few minutes).', nullable: true, type: Date, example: null })
  lastUsedAt: Date | null;

  @ApiProperty({ description: 'When it was made.', example: '2026-11-28T09:30:00.000Z' })
  createdAt: Date;
}

export class CreatedApiToken extends ApiTokenView {
  @ApiProperty({ description: 'The secret, shown this once only: store it now.', example: 'crm_pat_Zk9…' })
  token: string;
}
