// A timing check run by hand, skipped otherwise: it prints the CPU time of findDuplicateGroups over
// 200,000 generated records with [name, email], and asserts nothing about it (a timed assertion fails on
// a loaded machine and says little).
//   cd apps/api && MATCHING_TIMING=1 pnpm exec jest src/modules/duplicates/matching/duplicate-groups.timing
import { findDuplicateGroups } from './duplicate-groups';
import type { FieldSpec, MatchRecord } from './match-types';

/** Park-Miller: the same records on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const random = seeded(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
// 40 syllables, 3 to 4 a word: 2.6 million words, so that unrelated names rarely coincide
const SYLLABLES =
  'ac me bo lt ver dis tra no va lux pro ter ma ri sol gen tec bel mont ca du pont mar tin sa vi lo ra nu ke zen or el an ix qu fa go ly hem'.split(' ');
const WORDS = ['Industries', 'Services', 'Conseil', 'Transports', 'Group', 'Solutions', 'Bâtiment', 'Immobilier', 'Santé', 'Digital', '', '', '', '', '', ''];
const FORMS = ['SARL', 'SAS', 'S.A.', 'GmbH', 'Ltd', 'Inc.', '', '', ''];

function word(): string {
  let text = '';
  for (let count = 3 + Math.floor(random() * 2); count > 0; count--) text += pick(SYLLABLES);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typo(name: string): string {
  const at = 1 + Math.floor(random() * (name.length - 2));
  return name.slice(0, at) + name.slice(at + 1);
}

const COUNT = 200_000;

/** Company names, 5 % of them copied with a typo or in upper case, the same email or none. */
function generateRecords(): MatchRecord[] {
  const records: MatchRecord[] = [];
  for (let index = 0; index < COUNT; index++) {
    const id = `0190${index.toString(16).padStart(8, '0')}`;
    const copied = index > 10 && random() < 0.05 ? records[Math.floor(random() * index)] : undefined;
    if (copied) {
      const name = copied.values.name ?? '';
      records.push({ id, values: { name: random() < 0.5 ? typo(name) : name.toUpperCase(), email: random() < 0.7 ? copied.values.email : null } });
      continue;
    }
    const name = `${word()} ${pick(WORDS)} ${pick(FORMS)}`.trim();
    const email = random() < 0.8 ? `${word().toLowerCase()}.${index}@${pick(['gmail.com', 'orange.fr', 'acme.com'])}` : null;
    records.push({ id, values: { name, email } });
  }
  return records;
}

const fields: FieldSpec[] = [
  { field: 'name', kind: 'companyName' },
  { field: 'email', kind: 'email' },
];

(process.env.MATCHING_TIMING ? it : it.skip)(`groups ${COUNT} records by name and email`, () => {
  const records = generateRecords();
  for (const run of ['cold', 'warm']) {
    const before = process.cpuUsage();
    const started = performance.now();
    const groups = findDuplicateGroups(records, fields, { defaultCountry: 'FR' });
    const cpu = process.cpuUsage(before);
    const figures = `${Math.round((cpu.user + cpu.system) / 1000)} ms CPU, ${Math.round(performance.now() - started)} ms wall`;
    process.stdout.write(`${run}: ${COUNT} records → ${groups.length} groups: ${figures}\n`);
  }
});
