import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SendEmailDto {
  @ApiProperty({ description: 'Subject line.', example: 'Following up on our call' })
  @IsString()
  @Length(1, 300)
  subject: string;

  @ApiProperty({ description: 'Plain-text body.', example: 'Hello Jane,\n\nAs promised, here is…' })
  @IsString()
  @Length(1, 100_000)
  body: string;
}
