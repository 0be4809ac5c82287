import { Type } from '@nestjs/common';
import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

/** The PATCH body of a resource: every create field optional, plus the `version` the client loaded. */
export function VersionedPartial<T>(createDto: Type<T>): Type<Partial<T> & { version?: number }> {
  // A field left out stays as it is. A null is judged by the create body's own rules: fields optional there
  // (IsOptional) take it, a field the create requires refuses it (it would have reached a NOT NULL column).
  class VersionedPatch extends PartialType(createDto as Type<object>, { skipNullProperties: false }) {
    @ApiPropertyOptional({ description: 'The version you loaded; when given and the stored one differs, 409 and nothing changes.', example: 1 })
    @IsOptional()
    @IsInt()
    @Min(1)
    version?: number;
  }
  return VersionedPatch as Type<Partial<T> & { version?: number }>;
}
