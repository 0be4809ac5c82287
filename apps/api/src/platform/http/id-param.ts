import { Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { isIsoDateTime } from '@crm/domain';
import { invalidInput } from '../errors/domain-error';

/** The `:id` route parameter, refused with 400 unless it is a UUID. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidInput([{ field: name, message: `${name} must be a UUID` }]) }));

/** A route parameter that is an instant (ISO 8601 with its offset), refused with 400 otherwise; the handler gets it as written. */
export const InstantParam = (name: string) =>
  Param(name, {
    transform(value: string) {
      if (!isIsoDateTime(value, { instant: true }))
        throw invalidInput([{ field: name, message: `${name} must be an ISO 8601 date-time with its offset, such as 2027-03-22T08:00:00.000Z` }]);
      return value;
    },
  } satisfies PipeTransform<string, string>);
