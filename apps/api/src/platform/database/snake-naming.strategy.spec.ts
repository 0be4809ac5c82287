import { toSnakeCase } from './snake-naming.strategy';

describe('toSnakeCase', () => {
  it.each([
    ['createdAt', 'created_at'],
    ['assignedToId', 'assigned_to_id'],
    ['address_postalCode', 'address_postal_code'],
    ['doNotEmail', 'do_not_email'],
    ['name', 'name'],
  ])('%s → %s', (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });
});
