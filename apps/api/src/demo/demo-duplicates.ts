import { generateNKeysBetween } from 'fractional-indexing';
import { EntityManager } from 'typeorm';
import { Contact } from '../modules/contacts/contact.entity';
import { Lead } from '../modules/leads/lead.entity';
import { Opportunity } from '../modules/opportunities/opportunity.entity';
import { Partner } from '../modules/partners/partner.entity';
import { newId } from '../platform/database/ids';

type DemoPartner = Pick<Partner, 'id' | 'name' | 'email' | 'phone' | 'website' | 'address' | 'assignedToId' | 'teamId'>;
type DemoLead = Pick<Lead, 'id' | 'firstName' | 'lastName' | 'companyName' | 'email' | 'phone' | 'assignedToId' | 'teamId'>;

/** "+33 1 23 45 67 89" as a French caller writes it: "01.23.45.67.89". */
const nationalPhone = (phone: string | null) => (phone ? `0${phone.slice(4)}`.replace(/ /g, '.') : null);

/**
 * Records a salesperson would find with Check duplicates, each in one of the
 * forms real data takes: another case and punctuation of the legal form, a
 * plus-addressed email, a phone in national format, a website without its
 * scheme, a name one letter apart; each duplicate has its own contact and
 * opportunity, so a merge has something to move. Fixed values, no random
 * draws: the rest of the demo data stays as it was.
 */
export async function seedDemoDuplicates(manager: EntityManager, partners: DemoPartner[], leads: DemoLead[]): Promise<void> {
  const [first, second, third] = partners;
  const copy = (original: DemoPartner, changes: Partial<Partner>) => ({
    ...original,
    id: newId(),
    kind: 'company' as const,
    isProspect: true,
    isCustomer: false,
    isSupplier: false,
    description: 'Created again by someone who did not find the first one.',
    ...changes,
  });
  const duplicates = [
    copy(first, {
      name: first.name.toUpperCase().replace(/ SA$/, ' S.A.'),
      email: first.email?.replace('contact@', 'Contact+sales@') ?? null,
      phone: nationalPhone(first.phone),
      website: first.website?.replace('https://', 'www.') ?? null,
    }),
    // one letter apart, the same email
    copy(second, { name: second.name.replace(/ob/, 'bo'), phone: null, website: null }),
    // without its legal form, the phone written from abroad
    copy(third, { name: third.name.replace(/ \S+$/, ''), phone: third.phone?.replace('+33', '0033') ?? null }),
  ];
  await manager.insert(Partner, duplicates);
  await manager.insert(
    Contact,
    duplicates.map((partner, i) => ({
      id: newId(),
      firstName: ['Émilie', 'Noah', 'Yasmine'][i],
      lastName: ['Rousseau', 'Perrin', 'Benali'][i],
      email: `${['emilie.rousseau', 'noah.perrin', 'yasmine.benali'][i]}@${partner.website?.replace(/^(https?:\/\/)?(www\.)?/, '') ?? 'example.com'}`,
      partnerId: partner.id,
      assignedToId: partner.assignedToId,
    })),
  );
  // the same person again at the original company, her name without its accent
  await manager.insert(Contact, {
    id: newId(),
    firstName: 'emilie',
    lastName: 'ROUSSEAU',
    email: `Emilie.Rousseau@${first.website?.slice(8)}`,
    partnerId: first.id,
    assignedToId: first.assignedToId,
  });
  const [{ last }]: { last: string | null }[] = await manager.query(`SELECT max(rank) AS last FROM opportunities WHERE stage = 'qualification'`);
  const ranks = generateNKeysBetween(last, null, duplicates.length);
  await manager.insert(
    Opportunity,
    duplicates.map((partner, i) => ({
      id: newId(),
      name: `${partner.name} — first order`,
      stage: 'qualification' as const,
      partnerId: partner.id,
      amount: '12000.00',
      currency: 'EUR',
      probability: 20,
      assignedToId: partner.assignedToId,
      rank: ranks[i],
    })),
  );
  // a lead typed twice, the second time in capitals with the company's legal form
  const lead = leads.find((candidate) => candidate.companyName && candidate.email && candidate.firstName);
  if (!lead) return;
  await manager.insert(Lead, {
    ...lead,
    id: newId(),
    firstName: lead.firstName!.toUpperCase(),
    lastName: lead.lastName.toUpperCase(),
    companyName: `${lead.companyName} SAS`,
    email: lead.email!.toUpperCase(),
    status: 'new',
    partnerId: null,
    contactId: null,
    lostReasonId: null,
  });
}
