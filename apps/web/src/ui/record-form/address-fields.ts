import type { FieldDef } from './types';

/** The contract's address (leads, partners, contacts all carry one), as form fields. */
export const ADDRESS_FIELDS: FieldDef[] = [
  { name: 'address.street', label: 'Street', kind: 'text', wide: true },
  { name: 'address.postalCode', label: 'Postal code', kind: 'text' },
  { name: 'address.city', label: 'City', kind: 'text' },
  { name: 'address.state', label: 'State or region', kind: 'text' },
  { name: 'address.country', label: 'Country', kind: 'text', description: 'Two-letter code, like FR or US' },
];
