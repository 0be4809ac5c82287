import { columnOf } from './database-errors';

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
