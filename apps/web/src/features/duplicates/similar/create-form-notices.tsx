import type { components } from '../../../api/schema';
import { SimilarRecordsNotice } from './SimilarRecordsNotice';

/** A create form's values as RecordForm hands them to its `notice`. */
type FormValues = Record<string, unknown>;
type Lead = components['schemas']['Lead'];

/** "New partner": partners alike by name (an individual's first name too), email, phones or website. */
export function NewPartnerNotice({ values }: { values: FormValues }) {
  const { name, firstName, email, phone, mobilePhone, website } = values;
  // The first name is for individuals only; a company's stray one would only lower the scores.
  const personFirstName = values.kind === 'individual' ? firstName : undefined;
  return <SimilarRecordsNotice entity="partners" values={{ name, firstName: personFirstName, email, phone, mobilePhone, website }} />;
}

/** "New contact": contacts alike by name, email or phones. */
export function NewContactNotice({ values }: { values: FormValues }) {
  const { firstName, lastName, email, phone, mobilePhone } = values;
  return <SimilarRecordsNotice entity="contacts" values={{ firstName, lastName, email, phone, mobilePhone }} />;
}

/**
 * "New lead": leads alike, and partners whose company the lead names (by the
 * company's name, email, phone or website): a lead for a known customer is
 * better handled from the customer.
 */
export function NewLeadNotice({ values }: { values: FormValues }) {
  const { firstName, lastName, companyName, email, phone, mobilePhone, website } = values;
  return (
    <>
      <SimilarRecordsNotice entity="leads" values={{ firstName, lastName, companyName, email, phone, mobilePhone, website }} />
      <SimilarRecordsNotice entity="partners" values={{ name: companyName, email, phone, website }} />
    </>
  );
}

/**
 * Converting into a new partner: the partners alike the one the conversion
 * would create, from the values it takes from the lead (the company's name,
 * or an individual's names; email, phones, website).
 */
export function ConversionPartnerNotice({ lead, kind }: { lead: Lead; kind: 'company' | 'individual' }) {
  const individual = kind === 'individual';
  const values = {
    name: individual ? lead.lastName : (lead.companyName ?? lead.lastName),
    firstName: individual ? lead.firstName : undefined,
    email: lead.email,
    phone: lead.phone,
    mobilePhone: lead.mobilePhone,
    website: lead.website,
  };
  return <SimilarRecordsNotice entity="partners" values={values} hint="If it is the same one, choose “An existing partner” rather than creating another." />;
}
