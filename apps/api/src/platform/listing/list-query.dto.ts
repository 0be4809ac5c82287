import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

/**
 * Paging, sorting and search shared by every list. Field filters are
 * declared per resource by extending this class.
 */
export class ListQueryDto {
  @ApiPropertyOptional({ description: 'Free-text search over the names, email and phone of the records.', example: 'acme' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated field names; a leading `-` sorts descending. Default `-createdAt`.',
    example: '-createdAt,name',
  })
  @IsOptional()
  @Matches(/^-?[A-Za-z]+(,-?[A-Za-z]+)*$/, { message: 'sort must be field names separated by commas, each optionally prefixed by -' })
  sort?: string;

  @ApiPropertyOptional({ description: 'Page number, from 1.', example: 1, minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ description: `Rows per page, at most ${MAX_PAGE_SIZE}.`, example: 50, minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
