// Sample values the benchmarks seed their databases with: names of people,
// companies, places and deals, the same in every benchmark that draws them.

export const COMPANY_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Cyberdyne',
  'Soylent',
  'Tyrell',
  'Wonka',
  'Vandelay',
  'Massive',
  'Oscorp',
  'Aperture',
  'Gringotts',
  'Dunder',
  'Monarch',
  'Nakatomi',
  'Pied',
  'Sterling',
  'Vehement',
  'Zorg',
  'Virtucon',
  'Buy More',
  'Prestige',
  'Bluth',
  'Kramerica',
  'Duff',
  'Krusty',
];
export const COMPANY_SUFFIXES = ['Industries', 'Ltd', 'GmbH', 'SA', 'Corp', 'Group'];
export const FIRST_NAMES = [
  'Jane',
  'John',
  'Amélie',
  'Paul',
  'Chloé',
  'Marc',
  'Sofia',
  'Lucas',
  'Emma',
  'Noah',
  'Léa',
  'Hugo',
  'Anna',
  'Louis',
  'Mia',
  'Jules',
  'Inès',
  'Adam',
  'Zoé',
  'Arthur',
  'Lina',
  'Ethan',
  'Nina',
  'Tom',
  'Clara',
  'Max',
  'Eva',
  'Leo',
  'Julia',
  'Sam',
  'Alice',
  'Oscar',
  'Rose',
  'Victor',
  'Lou',
  'Nathan',
  'Iris',
  'Gabriel',
  'Jade',
  'Raphaël',
];
export const LAST_NAMES = [
  'Doe',
  'Martin',
  'Bernard',
  'Dubois',
  'Durand',
  'Lefèvre',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'Müller',
  'Schmidt',
  'Rossi',
  'Russo',
  'Smith',
  'Jones',
  'Brown',
  'Taylor',
  'Wilson',
  'Novak',
  'Kowalski',
  'Nielsen',
  'Jansen',
  'Peeters',
  'Lopez',
  'Fernandez',
  'Silva',
  'Santos',
  'Weber',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Fontaine',
  'Roux',
  'Vincent',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fabre',
  'Mercier',
  'Blanc',
  'Guerin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'Francois',
  'Legrand',
];
export const CITIES = ['Paris', 'Lyon', 'Marseille', 'Berlin', 'Hamburg', 'Madrid', 'Barcelona', 'London', 'Milan', 'Brussels'];
/** null: a lead without a job title. */
export const JOB_TITLES = ['Buyer', 'CEO', 'CTO', 'Head of purchasing', 'Office manager', 'Sales director', 'Engineer', null];

/** Subjects of calls, meetings and tasks. */
export const EVENT_SUBJECTS = [
  'Follow-up call',
  'Qualification call',
  'Product demo',
  'Discovery meeting',
  'Negotiation meeting',
  'Send the proposal',
  'Prepare the quote',
  'Quarterly review',
  'Onboarding workshop',
  'Renewal call',
  'Trade show',
  'Contract signature',
];

export const STAGES = ['new', 'qualification', 'proposition', 'negotiation', 'closed_won', 'closed_lost'];
/** The share of a pipeline's deals in each stage. */
export const STAGE_SHARE = { new: 0.22, qualification: 0.18, proposition: 0.15, negotiation: 0.1, closed_won: 0.15, closed_lost: 0.2 };
export const PRODUCTS = [
  '50 licences',
  'annual support',
  'on-site training',
  'hardware refresh',
  'cloud migration',
  'maintenance contract',
  'pilot project',
  'renewal',
  'extension',
  'consulting days',
];
export const NEXT_STEPS = ['Send the proposal', 'Call back the buyer', 'Demo with the IT team', 'Negotiate the discount', 'Meet the CFO'];
export const LOST_REASONS = [
  ['Price too high', false],
  ['Chose a competitor', false],
  ['No budget', false],
  ['No decision', false],
  ['Other', true],
];

/** How many of `total` deals go to each stage, by STAGE_SHARE (the last stage takes what rounding left). */
export function stageCounts(total) {
  const counts = {};
  let left = total;
  for (const stage of STAGES.slice(0, -1)) {
    counts[stage] = Math.round(total * STAGE_SHARE[stage]);
    left -= counts[stage];
  }
  counts[STAGES.at(-1)] = left;
  return counts;
}
