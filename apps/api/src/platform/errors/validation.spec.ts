import { flattenValidationErrors } from './validation';

describe('flattenValidationErrors', () => {
  it('names nested properties by their path and explains unknown properties', () => {
    const errors = flattenValidationErrors([
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'address',
        children: [{ property: 'country', constraints: { isISO31661Alpha2: 'bad country' }, children: [] }],
      },
      { property: 'colour', constraints: { whitelistValidation: 'property colour should not exist' }, children: [] },
    ]);
    expect(errors).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'address.country', message: 'bad country' },
      { field: 'colour', message: 'colour is not a known property' },
    ]);
  });
});
