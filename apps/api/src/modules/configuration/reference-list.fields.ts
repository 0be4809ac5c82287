import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ListQueryDto } from '../../platform/listing/list-query.dto';
import { ListSpec } from '../../platform/listing/list-spec';

/** Validation and docs of the `name` every reference list has. */
export const NameField = (example: string) =>
  applyDecorators(ApiProperty({ description: 'Name shown in forms and lists; unique in the list.', example }), IsString(), Length(1, 120));

/** A short upper-case code (`NEW`, `INTM`); stored upper-cased, unique in the list. */
export const CodeField = (example: string, required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ description: 'Short code, upper-cased; unique in the list.', example }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    ...(required ? [] : [IsOptional()]),
    IsString(),
    Matches(/^[A-Z0-9_-]{1,20}$/, { message: 'code must be 1 to 20 letters, digits, - or _' }),
  );

export class ReferenceListQuery extends ListQueryDto {}

/** Search, sort by name/code/createdAt: the same for every reference list. */
export function referenceListSpec(alias: string, extraFilters: ListSpec['filters'] = {}): ListSpec {
  return {
    alias,
    filters: extraFilters,
    sorts: { name: `${alias}.name`, code: `${alias}.code`, createdAt: `${alias}.created_at` },
    searchColumn: `${alias}.search_text`,
    defaultSort: 'name',
    nullableSorts: ['code'],
  };
}
