import type { MatchSource } from '../../platform/database/record-merge';

/** The lead columns duplicates are looked for in (read only; merges write through LeadsService). */
export const LEAD_MATCH_SOURCE: MatchSource = {
  table: 'leads',
  columns: {
    name: `coalesce(first_name, '') || ' ' || last_name`,
    firstName: 'first_name',
    lastName: 'last_name',
    companyName: 'company_name',
    email: 'email',
    phone: 'phone',
    mobilePhone: 'mobile_phone',
    website: 'website',
    city: 'address_city',
    postalCode: 'address_postal_code',
  },
};
