import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { findUnsafeInput } from '../validation/unsafe-input';
import { FieldError, invalidInput } from './domain-error';

/** Flattens class-validator's tree into `{field: 'address.city', message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `${field} is not a known property` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Refuses what no field may hold (NUL, lone surrogates, absurd nesting)
 * in any body, query or path parameter, whatever its DTO, before the DTO's
 * own rules run.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeInput(value, metadata.data ?? '');
      if (unsafe.length) throw invalidInput(unsafe);
    }
    return super.transform(value, metadata);
  }
}

/** Every body and query is validated and stripped of nothing: unknown properties are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // one message per field: the first rule it breaks
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => invalidInput(flattenValidationErrors(errors)),
  });
}
