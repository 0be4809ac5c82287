import type { ReactNode } from 'react';
import { fullName } from '../../leads/lead-fields';
import { contactName } from '../../contacts/contact-fields';
import { partnerName } from '../../partners/partner-fields';
import { SimilarRecordsAlert, type SimilarMatch } from './SimilarRecordsAlert';
import type { SimilarEntity, SimilarRecordView, SimilarValues } from './similar-query';
import { useSimilarRecords } from './use-similar-records';

const TITLES: Record<SimilarEntity, { one: string; many: string }> = {
  leads: { one: 'A lead like this exists', many: 'Leads like this exist' },
  partners: { one: 'A partner like this exists', many: 'Partners like this exist' },
  contacts: { one: 'A contact like this exists', many: 'Contacts like this exist' },
};

const details = (...values: (string | null | undefined)[]) => values.filter(Boolean).join(' · ') || undefined;

/** The warning's line for one record (a partner has a kind, a lead a company name): its name, page and what tells it apart. */
export function similarMatch({ score, record }: SimilarRecordView): SimilarMatch {
  const phone = record.phone ?? record.mobilePhone;
  if ('kind' in record) {
    return { id: record.id, score, label: partnerName(record), href: `/partners/${record.id}`, detail: details(record.email, phone, record.address.city) };
  }
  if ('companyName' in record) {
    return { id: record.id, score, label: fullName(record), href: `/leads/${record.id}`, detail: details(record.companyName, record.email, phone) };
  }
  return { id: record.id, score, label: contactName(record), href: `/contacts/${record.id}`, detail: details(record.email, phone, record.address.city) };
}

interface SimilarRecordsNoticeProps<E extends SimilarEntity> {
  entity: E;
  values: SimilarValues<E>;
  excludeId?: string;
  hint?: ReactNode;
}

/** Looks up the records of `entity` like `values` as they are typed, and warns when there are some. */
export function SimilarRecordsNotice<E extends SimilarEntity>({ entity, values, excludeId, hint }: SimilarRecordsNoticeProps<E>) {
  const { items } = useSimilarRecords(entity, values, { excludeId });
  const title = items.length === 1 ? TITLES[entity].one : TITLES[entity].many;
  return <SimilarRecordsAlert title={title} matches={items.map(similarMatch)} hint={hint} />;
}
