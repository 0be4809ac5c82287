import { QueryFailedError } from 'typeorm';
import { columnOf, isDatabaseUnavailable, translateDatabaseError } from './database-errors';

describe('columnOf', () => {
  it.each([
    ['Key (email)=(jane@acme.com) already exists.', 'email'],
    ['Key (lower(name))=(twin) already exists.', 'name'],
    ['Key (team_id, user_id)=(a, b) already exists.', 'userId'],
    ['Key (assigned_to_id)=(01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41) is not present in table "users".', 'assignedToId'],
    ['Key (coalesce(a, b))=(x) already exists.', undefined],
    [undefined, undefined],
  ])('%s → %s', (detail, field) => {
    expect(columnOf(detail)).toBe(field);
  });
});

describe('isDatabaseUnavailable', () => {
  const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

  it.each([
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is starting up', '57P03'),
    withCode('sorry, too many clients already', '53300'),
    withCode('connection failure', '08006'),
    withCode('database "crm" is not currently accepting connections', '55000'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')),
  ])('%s: the database is away', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(translateDatabaseError(error)).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 5 });
  });

  it.each([
    new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505')),
    withCode('invalid input syntax for type uuid', '22P02'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
    'a string',
  ])('%s: not about the connection', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('a NOT NULL violation', () => {
  it('is a 400 on the field of its column', () => {
    const error = new QueryFailedError('UPDATE', [], Object.assign(new Error('null value in column "last_name"'), { code: '23502', column: 'last_name' }));
    expect(translateDatabaseError(error)).toMatchObject({
      kind: 'invalid',
      fieldErrors: [{ field: 'lastName', message: 'lastName must have a value; null cannot clear it' }],
    });
  });
});
