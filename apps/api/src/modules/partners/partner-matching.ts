import type { MatchSource } from '../../platform/database/record-merge';

/** The partner columns duplicates are looked for in (read only; merges write through PartnersService). */
export const PARTNER_MATCH_SOURCE: MatchSource = {
  table: 'partners',
  columns: {
    name: 'name',
    firstName: 'first_name',
    email: 'email',
    phone: 'phone',
    mobilePhone: 'mobile_phone',
    website: 'website',
    city: 'address_city',
    postalCode: 'address_postal_code',
  },
};
