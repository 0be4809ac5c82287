import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidInput } from '../errors/domain-error';

/** The `:id` route parameter, refused with 400 unless it is a UUID. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidInput([{ field: name, message: `${name} must be a UUID` }]) }));
