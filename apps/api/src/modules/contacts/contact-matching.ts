import type { MatchSource } from '../../platform/database/record-merge';

/** The contact columns duplicates are looked for in (read only; merges write through ContactsService). */
export const CONTACT_MATCH_SOURCE: MatchSource = {
  table: 'contacts',
  columns: {
    name: `coalesce(first_name, '') || ' ' || last_name`,
    firstName: 'first_name',
    lastName: 'last_name',
    email: 'email',
    phone: 'phone',
    mobilePhone: 'mobile_phone',
    city: 'address_city',
    postalCode: 'address_postal_code',
  },
};
