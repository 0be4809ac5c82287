import { mergedValues } from './merged-values';

const RULES = { mergeFields: ['name', 'email', 'phone', 'address'], unitedFlags: ['isCustomer', 'isSupplier'] };
const EMPTY_ADDRESS = { street: null, city: null, postalCode: null, state: null, country: null };

describe('mergedValues', () => {
  it.each([
    ['keeps the kept record values when nothing is chosen', { name: 'Acme', email: 'a@acme.com' }, [{ name: 'ACME SA', email: 'b@acme.com' }], {}, {}],
    [
      'fills an empty field from the first merged record that has one',
      { name: 'Acme', email: null },
      [{ email: '' }, { email: 'b@acme.com' }, { email: 'c@acme.com' }],
      {},
      { email: 'b@acme.com' },
    ],
    [
      'takes the value the user chose, even over a filled one',
      { name: 'Acme', email: 'a@acme.com' },
      [{ name: 'ACME SA' }],
      { name: 'ACME SA' },
      { name: 'ACME SA' },
    ],
    ['lets the user empty a field', { name: 'Acme', phone: '01' }, [{ phone: '02' }], { phone: null }, { phone: null }],
    [
      'treats an address with nothing in it as empty',
      { name: 'Acme', address: EMPTY_ADDRESS },
      [{ address: { ...EMPTY_ADDRESS, city: 'Lyon' } }],
      {},
      { address: { ...EMPTY_ADDRESS, city: 'Lyon' } },
    ],
    ['unites the flags', { name: 'Acme', isCustomer: false, isSupplier: true }, [{ isCustomer: true, isSupplier: false }], {}, { isCustomer: true }],
    ['answers only what differs from the kept record', { name: 'Acme' }, [{ name: 'Other' }], { name: 'Acme' }, {}],
  ])('%s', (_behaviour, kept, merged, chosen, expected) => {
    expect(mergedValues(kept, merged, RULES, chosen)).toEqual(expected);
  });

  it('never carries a field outside the rules', () => {
    expect(mergedValues({ name: 'Acme' }, [{ status: 'lost', name: 'x' }], RULES)).toEqual({});
  });
});
