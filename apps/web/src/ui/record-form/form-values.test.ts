import { describe, expect, it } from 'vitest';
import { buildRequestBody, initialFormValues } from './form-values';
import type { FieldDef } from './types';

const fields: FieldDef[] = [
  { name: 'lastName', label: 'Last name', kind: 'text', required: true },
  { name: 'email', label: 'Email', kind: 'email' },
  { name: 'address.city', label: 'City', kind: 'text' },
  { name: 'teamIds', label: 'Teams', kind: 'multiselect' },
  { name: 'password', label: 'Password', kind: 'password', required: 'create' },
];

describe('buildRequestBody', () => {
  it('creates with the filled fields only, nesting property paths', () => {
    const values = { lastName: ' Doe ', email: '', address: { city: 'Paris' }, teamIds: [], password: 'secret123' };
    expect(buildRequestBody(fields, values, initialFormValues(fields, undefined), 'create')).toEqual({
      lastName: 'Doe',
      address: { city: 'Paris' },
      teamIds: [],
      password: 'secret123',
    });
  });

  it('edits with the changes only: an emptied field as null, an empty password kept, and the version', () => {
    const record = { lastName: 'Doe', email: 'jane@acme.com', address: { city: 'Paris' }, teamIds: ['t1'] };
    const initial = initialFormValues(fields, record);
    const values = { ...initial, email: '', teamIds: ['t1', 't2'] };
    expect(buildRequestBody(fields, values, initial, 'edit', 7)).toEqual({ email: null, teamIds: ['t1', 't2'], version: 7 });
  });

  it('never loads a password into the form', () => {
    expect(initialFormValues(fields, { password: 'x' }).password).toBe('');
  });
});
