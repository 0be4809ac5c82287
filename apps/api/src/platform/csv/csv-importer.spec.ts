import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, Validate, ValidateNested, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { mayValidateAsync } from './csv-importer';

@ValidatorConstraint({ name: 'remoteCheck', async: true })
class RemoteCheck implements ValidatorConstraintInterface {
  validate(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

class WithRemoteCheck {
  @Validate(RemoteCheck)
  code: string;
}

class NestsRemoteCheck {
  @IsOptional()
  @ValidateNested()
  @Type(() => WithRemoteCheck)
  inner?: WithRemoteCheck;
}

class NestsAnArray {
  @ValidateNested({ each: true })
  @Type(() => WithRemoteCheck)
  items: WithRemoteCheck[];
}

class Plain {
  @IsEmail()
  email: string;
}

/** As a create body nests its address. */
class NestsPlain {
  @IsOptional()
  @ValidateNested()
  @Type(() => Plain)
  address?: Plain;
}

describe('mayValidateAsync', () => {
  it.each([
    ['a class with synchronous rules only', Plain, false],
    ['a class nesting one with synchronous rules only', NestsPlain, false],
    ['a class with an asynchronous rule', WithRemoteCheck, true],
    ['a class nesting one with an asynchronous rule', NestsRemoteCheck, true],
    ['a class nesting an array, whose element type it cannot see', NestsAnArray, true],
  ])('%s → %s', (_, target, expected) => {
    expect(mayValidateAsync(target)).toBe(expected);
  });
});
