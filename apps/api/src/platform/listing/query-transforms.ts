import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateBy } from 'class-validator';
import { isCalendarDate } from '@crm/domain';

/** `?flag=true|false` as a boolean; anything else fails validation. */
export function BooleanQuery() {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
}

/**
 * `?createdFrom=2026-03-01`: a day of the calendar, `YYYY-MM-DD`, that
 * exists (`2026-02-30` does not); a bound of a range of days, inclusive.
 */
export function DayQuery(description: string, example = '2026-03-01') {
  return applyDecorators(
    ApiPropertyOptional({ description, example, type: String, format: 'date' }),
    IsOptional(),
    ValidateBy(
      { name: 'isCalendarDate', validator: { validate: isCalendarDate } },
      { message: ({ property }) => `${property} must be a day of the calendar such as ${example}` },
    ),
  );
}
