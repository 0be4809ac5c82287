import type { components } from '../../api/schema';
import { contactName } from '../contacts/contact-fields';
import { fullName } from '../leads/lead-fields';
import { partnerName } from '../partners/partner-fields';

export type DuplicateEntity = components['schemas']['SearchDuplicatesDto']['entity'];
type Lead = components['schemas']['Lead'];
type Partner = components['schemas']['Partner'];
type Contact = components['schemas']['Contact'];
export type DuplicateRecord = Lead | Partner | Contact;
export type DuplicateGroup = components['schemas']['DuplicateGroupView'];

/** How a field's value reads: a reference is shown by the name of what it points to. */
export type FieldFormat = 'text' | 'user' | 'team' | 'source' | 'partner' | 'kind' | 'address' | 'flag' | 'date';

export interface FieldSpec {
  name: string;
  label: string;
  format?: FieldFormat;
}

export interface DuplicateEntityConfig {
  entity: DuplicateEntity;
  path: '/api/v1/leads' | '/api/v1/partners' | '/api/v1/contacts';
  /** The list screen, whose record pages are `${route}/:id`. */
  route: string;
  /** The list screen's title, for the way back. */
  listTitle: string;
  singular: string;
  plural: string;
  /** The fields a search may compare, in the order offered. */
  searchFields: FieldSpec[];
  defaultFields: string[];
  /** Shown on the results besides the fields compared, to tell the records apart. */
  identifying: FieldSpec[];
  /** The fields a merge carries, one choice each. */
  mergeFields: FieldSpec[];
  /** Flags the server unites (true on the kept record when true on any). */
  flags: FieldSpec[];
  /** What moves from the merged records to the kept one. */
  moves: string;
  name: (record: DuplicateRecord) => string;
}

const text = (name: string, label: string): FieldSpec => ({ name, label });
const EMAIL = text('email', 'Email');
const PHONE = text('phone', 'Phone');
const MOBILE = text('mobilePhone', 'Mobile phone');
const WEBSITE = text('website', 'Website');
const FIRST_NAME = text('firstName', 'First name');
const LAST_NAME = text('lastName', 'Last name');
const CITY = text('city', 'City');
const POSTAL_CODE = text('postalCode', 'Postal code');
const CREATED: FieldSpec = { name: 'createdAt', label: 'Created', format: 'date' };
const ASSIGNED: FieldSpec = { name: 'assignedToId', label: 'Assigned to', format: 'user' };
const TEAM: FieldSpec = { name: 'teamId', label: 'Team', format: 'team' };
const SOURCE: FieldSpec = { name: 'sourceId', label: 'Source', format: 'source' };
const ADDRESS: FieldSpec = { name: 'address', label: 'Address', format: 'address' };
const DESCRIPTION = text('description', 'Description');
const PERSON_FLAGS: FieldSpec[] = [
  { name: 'doNotCall', label: 'Do not call', format: 'flag' },
  { name: 'doNotEmail', label: 'Do not email', format: 'flag' },
];

export const DUPLICATE_ENTITIES: Record<DuplicateEntity, DuplicateEntityConfig> = {
  partners: {
    entity: 'partners',
    path: '/api/v1/partners',
    route: '/partners',
    listTitle: 'Customers',
    singular: 'partner',
    plural: 'partners',
    searchFields: [text('name', 'Name'), FIRST_NAME, EMAIL, PHONE, MOBILE, WEBSITE, CITY, POSTAL_CODE],
    defaultFields: ['name', 'email'],
    identifying: [text('name', 'Name'), EMAIL, PHONE, CITY, CREATED],
    mergeFields: [
      { name: 'kind', label: 'Kind', format: 'kind' },
      text('name', 'Name'),
      FIRST_NAME,
      EMAIL,
      PHONE,
      MOBILE,
      WEBSITE,
      ADDRESS,
      SOURCE,
      ASSIGNED,
      TEAM,
      DESCRIPTION,
    ],
    flags: [
      { name: 'isProspect', label: 'Prospect', format: 'flag' },
      { name: 'isCustomer', label: 'Customer', format: 'flag' },
      { name: 'isSupplier', label: 'Supplier', format: 'flag' },
    ],
    moves: 'contacts, opportunities, events, emails, quotations and history',
    name: (record) => partnerName(record as Partner),
  },
  contacts: {
    entity: 'contacts',
    path: '/api/v1/contacts',
    route: '/contacts',
    listTitle: 'Contacts',
    singular: 'contact',
    plural: 'contacts',
    searchFields: [text('name', 'Full name'), FIRST_NAME, LAST_NAME, EMAIL, PHONE, MOBILE, CITY, POSTAL_CODE],
    defaultFields: ['firstName', 'lastName'],
    identifying: [text('name', 'Full name'), EMAIL, PHONE, { name: 'partnerId', label: 'Partner', format: 'partner' }, CREATED],
    mergeFields: [
      text('title', 'Title'),
      FIRST_NAME,
      LAST_NAME,
      text('jobTitle', 'Job title'),
      { name: 'partnerId', label: 'Partner', format: 'partner' },
      EMAIL,
      PHONE,
      MOBILE,
      ADDRESS,
      ASSIGNED,
      DESCRIPTION,
    ],
    flags: PERSON_FLAGS,
    moves: 'opportunities, events, emails, quotations and history',
    name: (record) => contactName(record as Contact),
  },
  leads: {
    entity: 'leads',
    path: '/api/v1/leads',
    route: '/leads',
    listTitle: 'Leads',
    singular: 'lead',
    plural: 'leads',
    searchFields: [text('name', 'Full name'), FIRST_NAME, LAST_NAME, text('companyName', 'Company'), EMAIL, PHONE, MOBILE, WEBSITE, CITY, POSTAL_CODE],
    defaultFields: ['firstName', 'lastName', 'companyName'],
    identifying: [text('name', 'Full name'), text('companyName', 'Company'), EMAIL, PHONE, CREATED],
    mergeFields: [
      text('title', 'Title'),
      FIRST_NAME,
      LAST_NAME,
      text('companyName', 'Company'),
      text('jobTitle', 'Job title'),
      EMAIL,
      PHONE,
      MOBILE,
      WEBSITE,
      ADDRESS,
      SOURCE,
      text('referredBy', 'Referred by'),
      ASSIGNED,
      TEAM,
      DESCRIPTION,
    ],
    flags: PERSON_FLAGS,
    moves: 'opportunities, events, emails and history',
    name: (record) => fullName(record as Lead),
  },
};

/** The fields of a search as the URL gives them (`name,email`), known ones only, in the order offered. */
export function parseFields(config: DuplicateEntityConfig, param: string | null): string[] {
  const asked = new Set((param ?? '').split(',').map((field) => field.trim()));
  return config.searchFields.map((field) => field.name).filter((name) => asked.has(name));
}

/** `/partners/duplicates?fields=name,email`: the commas left readable, the names need no escaping. */
export function duplicatesUrl(config: DuplicateEntityConfig, fields: string[]): string {
  return `${config.route}/duplicates?fields=${fields.join(',')}`;
}

export function mergeUrl(config: DuplicateEntityConfig, ids: string[]): string {
  return `${config.route}/merge?ids=${ids.join(',')}`;
}

/** "name, email": the fields compared, as a sentence says them. */
export function fieldList(config: DuplicateEntityConfig, fields: string[]): string {
  return fields.map((field) => (config.searchFields.find((spec) => spec.name === field)?.label ?? field).toLowerCase()).join(', ');
}

/** A compared or identifying field's value: city and postal code are in the address, `name` of a person is the full name. */
export function fieldValue(config: DuplicateEntityConfig, record: DuplicateRecord, field: string): unknown {
  if (field === 'city' || field === 'postalCode') return record.address[field];
  if (field === 'name' && config.entity !== 'partners') return config.name(record);
  return (record as unknown as Record<string, unknown>)[field];
}
