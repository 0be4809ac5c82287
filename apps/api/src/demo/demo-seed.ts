import { Logger } from '@nestjs/common';
import { generateNKeysBetween } from 'fractional-indexing';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_STAGE_PROBABILITIES, isClosedStage, LEAD_STATUSES, OPPORTUNITY_STAGES, type LeadStatus } from '@crm/domain';
import { LeadSource } from '../modules/configuration/lead-sources';
import { LostReason } from '../modules/configuration/lost-reasons';
import { OpportunityType } from '../modules/configuration/opportunity-types';
import { Contact } from '../modules/contacts/contact.entity';
import { Lead } from '../modules/leads/lead.entity';
import { Opportunity } from '../modules/opportunities/opportunity.entity';
import { Partner } from '../modules/partners/partner.entity';
import { Team, TeamMember } from '../modules/teams/team.entity';
import { User } from '../modules/users/user.entity';
import { hashPassword } from '../platform/auth/password';
import { newId } from '../platform/database/ids';
import { SeededRandom } from './random';
import { seedDemoDuplicates } from './demo-duplicates';
import { seedDemoEvents } from './demo-events';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_LEAD_COUNT = 240;
export const DEMO_PARTNER_COUNT = 60;
export const DEMO_OPPORTUNITY_COUNT = 120;

const FIRST_NAMES = [
  'Alice',
  'Bruno',
  'Chloé',
  'David',
  'Emma',
  'Farid',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Jules',
  'Karim',
  'Léa',
  'Marc',
  'Nina',
  'Oscar',
  'Paula',
  'Quentin',
  'Rosa',
  'Samir',
  'Tara',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'Roux',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
];
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka',
  'Oscorp',
  'Aperture',
  'Massive Dynamic',
];
// four lines of business per company, so no two demo partners are alike (bar the planted duplicates)
const SECTORS = ['Logistics', 'Software', 'Energy', 'Consulting'];
const SUFFIXES = ['SA', 'SAS', 'Ltd', 'GmbH', 'Inc.', 'Group'];
const CITIES: [string, string, string][] = [
  ['Paris', '75002', 'FR'],
  ['Lyon', '69002', 'FR'],
  ['Lille', '59000', 'FR'],
  ['Bruxelles', '1000', 'BE'],
  ['Genève', '1201', 'CH'],
  ['London', 'EC1A 1BB', 'GB'],
  ['Berlin', '10115', 'DE'],
];
const JOB_TITLES = ['CEO', 'Head of purchasing', 'IT manager', 'Office manager', 'CFO', 'Sales director', 'Operations lead'];
const SOURCES = [
  ['Web site', 'WEB'],
  ['Trade show', 'SHOW'],
  ['Referral', 'REF'],
  ['Cold call', 'CALL'],
  ['Partner', 'PART'],
];
const LOST_REASONS: [string, boolean][] = [
  ['Price too high', false],
  ['Chose a competitor', false],
  ['No budget', false],
  ['No answer', false],
  ['Other', true],
];

/** Loads the demo CRM (users, teams, lists, leads in every status) unless it already has leads. */
export async function seedDemoDataIfEmpty(dataSource: DataSource, logger: Logger): Promise<boolean> {
  if (await dataSource.getRepository(Lead).exists()) {
    logger.log('Demo data: the database already has leads, nothing loaded.');
    return false;
  }
  await dataSource.transaction((manager) => seedDemoData(manager));
  logger.log(
    `Demo data loaded: ${DEMO_LEAD_COUNT} leads, ${DEMO_PARTNER_COUNT} partners with contacts, ${DEMO_OPPORTUNITY_COUNT} opportunities, a few duplicates to find and merge; demo users sign in with password "${DEMO_PASSWORD}".`,
  );
  return true;
}

async function seedDemoData(manager: EntityManager): Promise<void> {
  const random = new SeededRandom(20261128);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people: [string, string, User['role']][] = [
    ['Maria Manager', 'maria@example.com', 'manager'],
    ['Sam Seller', 'sam@example.com', 'salesperson'],
    ['Lina Lopez', 'lina@example.com', 'salesperson'],
    ['Tom Novak', 'tom@example.com', 'salesperson'],
  ];
  const users = people.map(([name, email, role]) => ({ id: newId(), name, email, role, passwordHash, active: true }));
  await manager.insert(User, users);

  const teams = [
    { id: newId(), name: 'Direct sales', code: 'DIRECT', description: 'Small and mid-sized accounts.' },
    { id: newId(), name: 'Key accounts', code: 'KEY', description: 'Accounts over 500 employees.' },
  ];
  await manager.insert(Team, teams);
  await manager.insert(TeamMember, [
    { teamId: teams[0].id, userId: users[0].id },
    { teamId: teams[0].id, userId: users[1].id },
    { teamId: teams[0].id, userId: users[2].id },
    { teamId: teams[1].id, userId: users[0].id },
    { teamId: teams[1].id, userId: users[3].id },
  ]);

  const sources = SOURCES.map(([name, code]) => ({ id: newId(), name, code }));
  await manager.insert(LeadSource, sources);
  const reasons = LOST_REASONS.map(([name, freeText]) => ({ id: newId(), name, freeText }));
  await manager.insert(LostReason, reasons);

  const sellers = users.slice(1);
  const now = Date.now();
  const leads = Array.from({ length: DEMO_LEAD_COUNT }, (_, i) => {
    const status: LeadStatus = LEAD_STATUSES[i % LEAD_STATUSES.length];
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const company = `${random.pick(COMPANIES)} ${random.pick(SUFFIXES)}`;
    const [city, postalCode, country] = random.pick(CITIES);
    const domain = company.toLowerCase().replace(/[^a-z]+/g, '');
    const seller = random.pick(sellers);
    const createdAt = new Date(now - random.int(0, 120) * 86_400_000 - random.int(0, 86_399) * 1000);
    return {
      id: newId(),
      title: random.pick(['M.', 'Ms.', null]),
      firstName,
      lastName,
      companyName: company,
      jobTitle: random.pick(JOB_TITLES),
      email: `${firstName}.${lastName}@${domain}.example`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      phone: `+33 1 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      mobilePhone: random.chance(0.6) ? `+33 6 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}` : null,
      website: `https://${domain}.example`,
      address: { street: `${random.int(1, 120)} rue du Commerce`, city, postalCode, state: null, country },
      sourceId: random.pick(sources).id,
      referredBy: random.chance(0.2) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null,
      assignedToId: status === 'new' && random.chance(0.5) ? null : seller.id,
      teamId: teams[0].id,
      doNotCall: random.chance(0.1),
      doNotEmail: random.chance(0.1),
      status,
      // converted some days after it came in (no draw from `random`: the rest of the demo stays as it was)
      convertedAt: status === 'converted' ? new Date(Math.min(now, createdAt.getTime() + ((i * 11) % 30) * 86_400_000)) : null,
      lostReasonId: status === 'lost' ? random.pick(reasons).id : null,
      lostNote: status === 'lost' && random.chance(0.5) ? 'Decided to wait until next year.' : null,
      description: random.chance(0.3) ? 'Asked for a demo of the mobile app.' : null,
      createdById: seller.id,
      createdAt,
      updatedAt: createdAt,
    };
  });
  const partners = await seedPartners(
    manager,
    random,
    sellers,
    teams[0].id,
    sources.map((source) => source.id),
  );
  // converted demo leads became partners
  for (const lead of leads.filter((l) => l.status === 'converted')) (lead as { partnerId?: string }).partnerId = random.pick(partners).id;
  for (let i = 0; i < leads.length; i += 100) await manager.insert(Lead, leads.slice(i, i + 100));
  await seedOpportunities(
    manager,
    random,
    partners,
    sellers,
    reasons.map((reason) => reason.id),
    now,
  );
  await seedDemoEvents(manager, random, users, now);
  await seedDemoDuplicates(manager, partners, leads);
}

type DemoUser = { id: string };

async function seedPartners(manager: EntityManager, random: SeededRandom, sellers: DemoUser[], teamId: string, sourceIds: string[]) {
  const partners = Array.from({ length: DEMO_PARTNER_COUNT }, (_, i) => {
    const name = `${COMPANIES[i % COMPANIES.length]} ${SECTORS[Math.floor(i / COMPANIES.length) % SECTORS.length]} ${SUFFIXES[i % SUFFIXES.length]}`;
    const domain = name.toLowerCase().replace(/[^a-z]+/g, '');
    const [city, postalCode, country] = random.pick(CITIES);
    const isCustomer = random.chance(0.5);
    return {
      id: newId(),
      kind: 'company' as const,
      name,
      email: `contact@${domain}.example`,
      phone: `+33 1 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      website: `https://${domain}.example`,
      address: { street: `${random.int(1, 120)} avenue des Champs`, city, postalCode, state: null, country },
      description: random.chance(0.4) ? 'Renews every January; decisions by the purchasing committee.' : null,
      sourceId: random.pick(sourceIds),
      assignedToId: random.pick(sellers).id,
      teamId,
      isCustomer,
      isProspect: !isCustomer,
      isSupplier: random.chance(0.1),
    };
  });
  await manager.insert(Partner, partners);
  const contacts = partners.flatMap((partner) =>
    Array.from({ length: random.int(1, 3) }, () => {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      return {
        id: newId(),
        firstName,
        lastName,
        email: `${firstName}.${lastName}@${partner.website.slice(8)}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
        phone: partner.phone,
        jobTitle: random.pick(JOB_TITLES),
        partnerId: partner.id,
        assignedToId: partner.assignedToId,
        doNotCall: random.chance(0.1),
        doNotEmail: random.chance(0.1),
      };
    }),
  );
  await manager.insert(Contact, contacts);
  return partners;
}

async function seedOpportunities(
  manager: EntityManager,
  random: SeededRandom,
  partners: { id: string; name: string; assignedToId: string }[],
  sellers: DemoUser[],
  lostReasonIds: string[],
  now: number,
) {
  const types = await manager.find(OpportunityType);
  const opportunities = Array.from({ length: DEMO_OPPORTUNITY_COUNT }, (_, i) => {
    const stage = OPPORTUNITY_STAGES[i % OPPORTUNITY_STAGES.length];
    const partner = random.pick(partners);
    const createdAt = new Date(now - random.int(0, 90) * 86_400_000);
    return {
      id: newId(),
      name: `${partner.name} — ${random.pick(['licences', 'support plan', 'pilot', 'renewal', 'training', 'upgrade'])}`,
      stage,
      partnerId: partner.id,
      amount: `${random.int(10, 400) * 250}.00`,
      currency: 'EUR',
      probability: DEFAULT_STAGE_PROBABILITIES[stage],
      expectedCloseDate: new Date(now + random.int(-20, 120) * 86_400_000).toISOString().slice(0, 10),
      typeId: random.pick(types).id,
      assignedToId: random.chance(0.8) ? partner.assignedToId : random.pick(sellers).id,
      nextStep: random.chance(0.5) ? 'Call back after the budget meeting' : null,
      lostReasonId: stage === 'closed_lost' ? random.pick(lostReasonIds) : null,
      // closed within a month of its creation (no random draw: the rest of the demo stays as it was)
      closedAt: isClosedStage(stage) ? new Date(Math.min(now, createdAt.getTime() + ((i * 7) % 30) * 86_400_000)) : null,
      createdAt,
      updatedAt: createdAt,
    };
  });
  // each kanban column in creation order
  for (const stage of OPPORTUNITY_STAGES) {
    const column = opportunities.filter((o) => o.stage === stage).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    generateNKeysBetween(null, null, column.length).forEach((rank, i) => Object.assign(column[i], { rank }));
  }
  await manager.insert(Opportunity, opportunities);
}
