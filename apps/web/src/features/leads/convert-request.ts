import dayjs from 'dayjs';
import type { ConvertLeadBody, Lead } from './lead-actions';

export type PartnerKind = 'company' | 'individual';

export interface ConvertValues {
  partnerMode: 'new' | 'existing';
  /** New partner: company or individual. */
  partnerKind: PartnerKind;
  /** New partner: a prospect or already a customer (exclusive, as in Axelor's wizard). */
  partnerRole: 'prospect' | 'customer';
  /** Existing partner. */
  partnerId: string | null;
  /** The kind of the existing partner chosen: an individual has no contacts. */
  existingPartnerKind: PartnerKind | null;
  contactMode: 'new' | 'existing' | 'none';
  contactId: string | null;
  withOpportunity: boolean;
  opportunity: {
    name: string;
    amount: number | string;
    currency: string;
    expectedCloseDate: string | null;
    typeId: string | null;
  };
}

/** How far ahead a new opportunity is expected to close unless the user says otherwise: a quarter. */
const DEFAULT_CLOSE_MONTHS = 3;

function leadLabel(lead: Lead): string {
  return lead.companyName || [lead.firstName, lead.lastName].filter(Boolean).join(' ');
}

/** The wizard's starting choices, from the lead (Axelor: a company when the lead names one, a prospect). */
export function initialConvertValues(lead: Lead, today: Date = new Date()): ConvertValues {
  const partnerKind: PartnerKind = lead.companyName ? 'company' : 'individual';
  return {
    partnerMode: 'new',
    partnerKind,
    partnerRole: 'prospect',
    partnerId: null,
    existingPartnerKind: null,
    contactMode: partnerKind === 'individual' ? 'none' : 'new',
    contactId: null,
    withOpportunity: false,
    opportunity: {
      name: `${leadLabel(lead)} — opportunity`,
      amount: '',
      currency: 'EUR',
      expectedCloseDate: dayjs(today).add(DEFAULT_CLOSE_MONTHS, 'month').format('YYYY-MM-DD'),
      typeId: null,
    },
  };
}

/** An individual partner has no contacts: the only contact choice is none. */
export function partnerIsIndividual(values: ConvertValues): boolean {
  return values.partnerMode === 'new' ? values.partnerKind === 'individual' : values.existingPartnerKind === 'individual';
}

function opportunityBody(opportunity: ConvertValues['opportunity']): NonNullable<ConvertLeadBody['opportunity']> {
  const amount = opportunity.amount === '' ? null : Number(opportunity.amount);
  return {
    name: opportunity.name.trim(),
    // The API takes money as a decimal string.
    ...(amount !== null && Number.isFinite(amount) ? { amount: amount.toFixed(2) } : {}),
    ...(opportunity.currency.trim() ? { currency: opportunity.currency.trim().toUpperCase() } : {}),
    ...(opportunity.expectedCloseDate ? { expectedCloseDate: opportunity.expectedCloseDate } : {}),
    ...(opportunity.typeId ? { typeId: opportunity.typeId } : {}),
  };
}

/** The body of `POST /leads/:id/convert` for the choices made. */
export function buildConvertRequest(values: ConvertValues): ConvertLeadBody {
  const partner: ConvertLeadBody['partner'] =
    values.partnerMode === 'existing'
      ? { mode: 'existing', id: values.partnerId ?? undefined }
      : { mode: 'new', kind: values.partnerKind, isProspect: values.partnerRole === 'prospect', isCustomer: values.partnerRole === 'customer' };
  const contact: ConvertLeadBody['contact'] = partnerIsIndividual(values)
    ? { mode: 'none' }
    : values.contactMode === 'existing'
      ? { mode: 'existing', id: values.contactId ?? undefined }
      : { mode: values.contactMode };
  return { partner, contact, ...(values.withOpportunity ? { opportunity: opportunityBody(values.opportunity) } : {}) };
}

/** What must be chosen before asking the API. */
export function validateConvert(values: ConvertValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.partnerMode === 'existing' && !values.partnerId) errors.partnerId = 'Choose the partner';
  if (!partnerIsIndividual(values) && values.contactMode === 'existing' && !values.contactId) errors.contactId = 'Choose the contact';
  if (values.withOpportunity && !values.opportunity.name.trim()) errors['opportunity.name'] = 'Name is required';
  return errors;
}

/** The API names the request's fields (`partner.id`); the form names its own. */
export const CONVERT_FIELD_NAMES: Record<string, string> = {
  'partner.id': 'partnerId',
  'partner.kind': 'partnerKind',
  'contact.id': 'contactId',
  'opportunity.name': 'opportunity.name',
  'opportunity.amount': 'opportunity.amount',
  'opportunity.currency': 'opportunity.currency',
  'opportunity.expectedCloseDate': 'opportunity.expectedCloseDate',
  'opportunity.typeId': 'opportunity.typeId',
};
