import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsObject, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { isCalendarDate, isIsoDateTime } from '@crm/domain';
import { EXAMPLE_ID } from '../openapi/examples';

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/**
 * The field may be left out, but a null is validated like any value (and so
 * refused): for fields where null means nothing, such as a list or a nested
 * object. IsOptional skips null as well, which let `"reminders": null` reach
 * code that maps over the list (a 500). Fields whose column takes null keep
 * IsOptional (a null clears them), and a null sent for a NOT NULL column is
 * refused by the database (see translateDatabaseError).
 */
/** Money as the API takes it: a decimal string, up to 14 digits and 2 decimals (`12500.00`). */
export const AMOUNT_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;

export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A nested body (an object, not an array, a string or null), or with `each`, every element of a list of them. */
export const IsNestedObject = (each = false) =>
  IsObject({ each, message: ({ property }) => (each ? `each element of ${property} must be an object` : `${property} must be an object`) });

/** null clears the field in a PATCH; undefined leaves it as it is. */
const nullable = ValidateIf((_, value) => value !== null && value !== undefined);

/** Optional email, lower-cased. */
export const EmailField = (description: string, example = 'jane.doe@acme.com') =>
  applyDecorators(
    ApiPropertyOptional({ description, example, nullable: true, type: String }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsOptional(),
    nullable,
    IsEmail({}, { message: ({ property }) => `${property} must be a valid email address` }),
    MaxLength(254),
  );

/** Optional phone number: digits with the usual separators, an optional leading +. */
export const PhoneField = (description: string, example = '+33 1 23 45 67 89') =>
  applyDecorators(
    ApiPropertyOptional({ description, example, nullable: true, type: String }),
    trimmed,
    IsOptional(),
    nullable,
    Matches(/^\+?[0-9][0-9 ().\-/]{2,28}[0-9]$/, { message: ({ property }) => `${property} must be a phone number such as +33 1 23 45 67 89` }),
  );

/** Optional web site; `acme.com` is accepted and stored as written. */
export const WebsiteField = (description: string, example = 'https://acme.com') =>
  applyDecorators(
    ApiPropertyOptional({ description, example, nullable: true, type: String }),
    trimmed,
    IsOptional(),
    nullable,
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: false },
      { message: ({ property }) => `${property} must be a web address such as https://acme.com` },
    ),
    MaxLength(300),
  );

/** Optional free text; null clears it. */
export const OptionalText = (description: string, example: string, max = 200) =>
  applyDecorators(ApiPropertyOptional({ description, example, nullable: true, type: String }), IsOptional(), nullable, IsString(), MaxLength(max));

/** Optional reference to another record (`<name>Id`); null clears it. */
export const OptionalId = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, nullable: true, type: String, format: 'uuid', example: EXAMPLE_ID }),
    IsOptional(),
    nullable,
    IsUUID('all', { message: ({ property }) => `${property} must be a UUID` }),
  );

/** Optional true/false. */
export const OptionalFlag = (description: string, example = false) => applyDecorators(ApiPropertyOptional({ description, example }), IsOptional(), IsBoolean());

/**
 * Optional day, `YYYY-MM-DD`, that exists on the calendar (`2026-02-30`
 * does not); null clears it. The one rule of every date-only field.
 */
export const DateOnlyField = (description: string, example = '2027-01-31') =>
  applyDecorators(
    ApiPropertyOptional({ description, example, nullable: true, type: String, format: 'date' }),
    IsOptional(),
    nullable,
    ValidateBy(
      { name: 'isCalendarDate', validator: { validate: isCalendarDate } },
      { message: ({ property }) => `${property} must be a day of the calendar such as ${example}` },
    ),
  );

/** An instant with its offset (`Z` or `+02:00`), four-digit year: a time without an offset would mean the server's zone. */
export const InstantField = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example, type: String, format: 'date-time' }),
    ValidateBy(
      { name: 'isInstant', validator: { validate: (value: unknown) => isIsoDateTime(value, { instant: true }) } },
      { message: ({ property }) => `${property} must be an ISO 8601 date-time with its offset, such as ${example}` },
    ),
  );

/** A day or a date-time (ISO 8601, four-digit year), e.g. a range's bound in a query. */
export const IsDateTimeText = () =>
  ValidateBy(
    { name: 'isDateTime', validator: { validate: (value: unknown) => isIsoDateTime(value) } },
    { message: ({ property }) => `${property} must be an ISO 8601 date or date-time such as 2027-03-01T00:00:00Z` },
  );
