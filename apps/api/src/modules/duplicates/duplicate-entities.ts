import type { MatchSource, MergeableRecordType } from '../../platform/database/record-merge';
import { CONTACT_MATCH_SOURCE, UpdateContactDto } from '../contacts';
import { LEAD_MATCH_SOURCE, UpdateLeadDto } from '../leads';
import { PARTNER_MATCH_SOURCE, UpdatePartnerDto } from '../partners';
import type { FieldSpec, MatchKind } from './matching';

export const DUPLICATE_ENTITIES = ['leads', 'partners', 'contacts'] as const;
export type DuplicateEntity = (typeof DUPLICATE_ENTITIES)[number];

/** A probe of `GET /duplicates/similar`: one indexed lookup (see the DuplicateCandidates migration for the indexes). */
export interface CandidateProbe {
  /** `trigram`: names alike (`%` and `<%` over crm_match_text); `equal`: the same key. */
  match: 'trigram' | 'equal';
  /** The indexed expression, written exactly as in the index. */
  indexed: string;
  /** The same key function applied to the typed value. */
  key: 'crm_match_text' | 'crm_match_email' | 'crm_match_phone' | 'crm_match_host';
  /** The query field whose value is looked up. */
  field: string;
  /** The column a partial index is limited to (`WHERE column IS NOT NULL`): the probe must say it, or the index is not used. */
  notNull?: string;
}

export interface DuplicateEntityRules {
  type: MergeableRecordType;
  source: MatchSource;
  /** How each comparable field is compared. */
  kinds: Readonly<Record<string, MatchKind>>;
  probes: readonly CandidateProbe[];
  /** The update body a merge's `values` must pass. */
  updateDto: new () => object;
  /** The fields a merge carries over, field by field (`address` as one value). */
  mergeFields: readonly string[];
  /** Flags a merge unites: true on the kept record when true on any merged one. */
  unitedFlags: readonly string[];
}

const PERSON_NAME = `crm_match_text(coalesce(first_name, '') || ' ' || last_name)`;
const phoneProbes = (fields: string[]): CandidateProbe[] =>
  fields.flatMap((field) => [
    { match: 'equal', indexed: 'crm_match_phone(phone)', key: 'crm_match_phone', field, notNull: 'phone' },
    { match: 'equal', indexed: 'crm_match_phone(mobile_phone)', key: 'crm_match_phone', field, notNull: 'mobile_phone' },
  ]);
const emailProbe: CandidateProbe = { match: 'equal', indexed: 'crm_match_email(email)', key: 'crm_match_email', field: 'email', notNull: 'email' };
const websiteProbe: CandidateProbe = { match: 'equal', indexed: 'crm_match_host(website)', key: 'crm_match_host', field: 'website', notNull: 'website' };

const CONTACT_DETAILS = ['email', 'phone', 'mobilePhone', 'address', 'description', 'assignedToId'] as const;

export const DUPLICATE_RULES: Readonly<Record<DuplicateEntity, DuplicateEntityRules>> = {
  partners: {
    type: 'partner',
    source: PARTNER_MATCH_SOURCE,
    kinds: {
      name: 'companyName',
      firstName: 'personName',
      email: 'email',
      phone: 'phone',
      mobilePhone: 'phone',
      website: 'website',
      city: 'text',
      postalCode: 'postalCode',
    },
    probes: [
      { match: 'trigram', indexed: 'crm_match_text(name)', key: 'crm_match_text', field: 'name' },
      emailProbe,
      websiteProbe,
      ...phoneProbes(['phone', 'mobilePhone']),
    ],
    updateDto: UpdatePartnerDto,
    mergeFields: ['kind', 'name', 'firstName', 'website', 'sourceId', 'teamId', ...CONTACT_DETAILS],
    unitedFlags: ['isProspect', 'isCustomer', 'isSupplier'],
  },
  contacts: {
    type: 'contact',
    source: CONTACT_MATCH_SOURCE,
    kinds: {
      name: 'personName',
      firstName: 'personName',
      lastName: 'personName',
      email: 'email',
      phone: 'phone',
      mobilePhone: 'phone',
      city: 'text',
      postalCode: 'postalCode',
    },
    probes: [{ match: 'trigram', indexed: PERSON_NAME, key: 'crm_match_text', field: 'name' }, emailProbe, ...phoneProbes(['phone', 'mobilePhone'])],
    updateDto: UpdateContactDto,
    mergeFields: ['title', 'firstName', 'lastName', 'jobTitle', 'partnerId', ...CONTACT_DETAILS],
    unitedFlags: ['doNotCall', 'doNotEmail'],
  },
  leads: {
    type: 'lead',
    source: LEAD_MATCH_SOURCE,
    kinds: {
      name: 'personName',
      firstName: 'personName',
      lastName: 'personName',
      companyName: 'companyName',
      email: 'email',
      phone: 'phone',
      mobilePhone: 'phone',
      website: 'website',
      city: 'text',
      postalCode: 'postalCode',
    },
    probes: [
      { match: 'trigram', indexed: PERSON_NAME, key: 'crm_match_text', field: 'name' },
      { match: 'trigram', indexed: 'crm_match_text(company_name)', key: 'crm_match_text', field: 'companyName', notNull: 'company_name' },
      emailProbe,
      websiteProbe,
      ...phoneProbes(['phone', 'mobilePhone']),
    ],
    updateDto: UpdateLeadDto,
    mergeFields: ['title', 'firstName', 'lastName', 'companyName', 'jobTitle', 'website', 'sourceId', 'referredBy', 'teamId', ...CONTACT_DETAILS],
    unitedFlags: ['doNotCall', 'doNotEmail'],
  },
};

/** The fields of a search as the matcher takes them; an unknown one is named in the answer. */
export function fieldSpecs(rules: DuplicateEntityRules, fields: string[]): { specs: FieldSpec[]; unknown: string[] } {
  const unknown = fields.filter((field) => !(field in rules.kinds));
  return { specs: fields.filter((field) => field in rules.kinds).map((field) => ({ field, kind: rules.kinds[field] })), unknown };
}
