#!/usr/bin/env node
// Duplicates at volume: a fresh database `crm_bench_duplicates` with 200,000
// partners, ~2% of them planted duplicates of another (case and accents,
// punctuation, legal form, email case and plus-addressing, phone format,
// website form, one typo), the built API on it, then (1) Check duplicates,
// `POST /duplicates/search {fields: [name, email]}`, timed, with the recall
// and precision of the planted pairs; (2) `GET /duplicates/similar` p50/p95/p99
// over 500 typed values; (3) `POST /duplicates/merge` of a partner with 10,000
// linked records; each beside the same SQL on a bare `pg` client; MET/MISSED.
//
//   BENCH_PG_URL            server to use, default postgres://root@127.0.0.1:5432/postgres (trust auth)
//   BENCH_PORT              API port, default 3995
//   BENCH_PARTNERS          partners in all, planted duplicates included, default 200000
//   BENCH_DUPLICATE_SHARE   share of them that are planted duplicates, default 0.02
//   BENCH_SEARCH_RUNS       measured searches (after one warm-up), default 3
//   BENCH_SIMILAR_REQUESTS  measured similar lookups, default 500      BENCH_SIMILAR_WARMUP  default 50
//   BENCH_MERGE_LINKS       records linked to a merged duplicate, default 10000
//   BENCH_MERGE_RUNS        merges through the API (one fresh duplicate each), default 3
//   BENCH_SEED              seed of the generated data, default 42
//   BENCH_KEEP_DB=1         keep crm_bench_duplicates afterwards (to EXPLAIN by hand)
//   BENCH_REUSE_DB=1        measure a kept crm_bench_duplicates (no reseed, not dropped)
//
// Needs: a PostgreSQL server with pg_trgm (superuser for the fast load), and
// apps/api built (built here with tsc when dist/ is missing), port 3995 free.
// A quick check of the script: BENCH_PARTNERS=20000 BENCH_MERGE_LINKS=2000 pnpm bench duplicates

import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  API_DIR,
  apiRequire,
  capturingDataSource,
  importApiDependency,
  pg,
  recreateDatabase,
  ensureBuilt,
  startApi,
  stopApi,
  createHttpClient,
  login,
  dropSecondaryIndexes,
  buildIndex,
  loadSettings,
  settleAfterLoad,
  printSizes,
  explainAnalyze,
  shortPlan,
  summarize,
  printTable,
  ms,
  sec,
  runBench,
  benchSettings,
  finishBench,
} from './lib/harness.mjs';
import { CITIES, COMPANY_WORDS, EVENT_SUBJECTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES, STAGES } from './lib/sample-data.mjs';

const env = process.env;
const SETTINGS = benchSettings('crm_bench_duplicates', 3995);
const { ADMIN_URL, DB_NAME, DB_URL, PORT, API, REUSE_DB } = SETTINGS;
const PARTNERS = Number(env.BENCH_PARTNERS ?? 200_000);
const DUPLICATE_SHARE = Number(env.BENCH_DUPLICATE_SHARE ?? 0.02);
const SEARCH_RUNS = Number(env.BENCH_SEARCH_RUNS ?? 3);
const SIMILAR_REQUESTS = Number(env.BENCH_SIMILAR_REQUESTS ?? 500);
const SIMILAR_WARMUP = Number(env.BENCH_SIMILAR_WARMUP ?? 50);
const MERGE_LINKS = Number(env.BENCH_MERGE_LINKS ?? 10_000);
const MERGE_RUNS = Number(env.BENCH_MERGE_RUNS ?? 3);
const SEED = Number(env.BENCH_SEED ?? 42);

/** The most groups a search answers (the DTO's @Max). */
const SEARCH_LIMIT = 500;
const SEARCH_FIELDS = ['name', 'email'];
const GOALS = { searchMs: 10_000, recall: 0.95, precision: 0.95, mergeMs: 2000, similarP95Ms: 50 };

/** What every API session runs with (SESSION_OPTIONS of data-source.ts); the bare client uses the same. */
const SESSION_OPTIONS = sessionOptions();

// one keep-alive connection: every phase here sends one request at a time
const { request } = createHttpClient(1);
const fi = await importApiDependency('fractional-indexing');

runBench(main);

async function main() {
  const started = performance.now();
  const duplicates = Math.round(PARTNERS * DUPLICATE_SHARE);
  console.log(
    `duplicates bench: ${PARTNERS.toLocaleString('en')} partners (${duplicates.toLocaleString('en')} planted duplicates), ` +
      `merges of ${MERGE_LINKS.toLocaleString('en')} linked records, database ${DB_NAME}`,
  );
  if (REUSE_DB) console.log(`reusing the seeded database ${DB_NAME} as it is (BENCH_REUSE_DB=1)`);
  else await recreateDatabase(ADMIN_URL, DB_NAME);
  ensureBuilt();
  printBuildState();
  await startApi({ port: PORT, dbUrl: DB_URL, logPrefix: 'duplicates-bench-', request });

  const db = new pg.Pool({ connectionString: DB_URL, max: 4, options: SESSION_OPTIONS });
  // pool.end() resolves before its connections have closed, so the final DROP
  // DATABASE … WITH (FORCE) may still terminate them (57P01): expected, not a failure
  db.on('error', (error) => {
    if (error.code !== '57P01') console.error(`bare pool: ${error.message}`);
  });
  console.log(`bare client: a pg Pool with the API's session options (${SESSION_OPTIONS})`);
  const report = {};
  try {
    if (!REUSE_DB) await seed(db);
    const planted = await loadPlanted(db);
    const token = await login(request, API);
    const auth = { authorization: `Bearer ${token}` };
    const services = inProcessServices();

    report.search = await searchPhase(db, auth, planted, services);
    report.similar = await similarPhase(db, auth, services);
    report.merge = await mergePhase(db, auth, services);
    if (services?.ds.isInitialized) await services.ds.destroy();

    await stopApi();
    printResults(report, planted);
    printSummary(report);
  } finally {
    await db.end();
    await finishBench(SETTINGS, started);
  }
}

function sessionOptions() {
  try {
    return apiRequire('./dist/platform/database/data-source.js').SESSION_OPTIONS ?? '-c jit=off -c max_parallel_workers_per_gather=0';
  } catch {
    return '-c jit=off -c max_parallel_workers_per_gather=0';
  }
}

/** Which API is measured: dist's build time against the newest source file (a source newer than dist is not measured). */
function printBuildState() {
  const newest = (dir) => {
    let latest = { mtime: 0, file: '' };
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.name.endsWith('.spec.ts')) continue; // not in the build
      const found = entry.isDirectory() ? newest(path) : { mtime: statSync(path).mtimeMs, file: path };
      if (found.mtime > latest.mtime) latest = found;
    }
    return latest;
  };
  const built = statSync(join(API_DIR, 'dist/main.js')).mtimeMs;
  const source = newest(join(API_DIR, 'src'));
  const stale = source.mtime > built;
  console.log(
    `API: apps/api/dist built ${new Date(built).toISOString()}; newest source ${source.file.slice(API_DIR.length + 1)} ${new Date(source.mtime).toISOString()}` +
      `${stale ? ' (NEWER than dist: what runs is dist; `pnpm --filter @crm/api build` to measure the sources)' : ''}`,
  );
  console.log(`machine load average (1, 5, 15 min): ${loadText()} (the figures share the machine with whatever else runs)`);
}

// ---------------------------------------------------------------- generated data

/** mulberry32: the same data for the same BENCH_SEED. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

// Syllables (a few accented) and endings of the generated words: 2–3 syllables
// and an ending, ~12 million words, so that 200,000 names of 1–3 words rarely
// meet; sector and place words make them read like companies.
const SYLLABLES = [
  ...['ba', 'be', 'bi', 'bo', 'bu', 'bra', 'bre', 'bri', 'ca', 'ce', 'co', 'cu', 'cha', 'che', 'da', 'de', 'di', 'do', 'du', 'dra'],
  ...['fa', 'fe', 'fi', 'fo', 'fra', 'ga', 'ge', 'go', 'gra', 'gri', 'ja', 'jo', 'ka', 'ke', 'ki', 'ko', 'la', 'le', 'li', 'lo'],
  ...['lu', 'ma', 'me', 'mi', 'mo', 'mu', 'na', 'ne', 'ni', 'no', 'nu', 'pa', 'pe', 'pi', 'po', 'pra', 'pre', 'pro', 'qua', 'ra'],
  ...['re', 'ri', 'ro', 'ru', 'sa', 'se', 'si', 'so', 'su', 'sta', 'ste', 'stra', 'ta', 'te', 'ti', 'to', 'tu', 'tra', 'tri', 'va'],
  ...['ve', 'vi', 'vo', 'xa', 'ya', 'yo', 'za', 'ze', 'zo', 'ré', 'lé', 'mé', 'vè', 'rô', 'lü', 'fé'],
];
const ENDINGS = ['', '', '', 'n', 'r', 's', 'x', 'l', 't', 'm', 'nd', 'rt', 'ck'];
const SECTOR_WORDS = [
  ...['Industries', 'Services', 'Conseil', 'Transports', 'Logistique', 'Bâtiment', 'Immobilier', 'Santé', 'Digital', 'Systems'],
  ...['Solutions', 'Technologies', 'Énergie', 'Distribution', 'Consulting', 'Partners', 'Holding', 'Trading', 'Médical', 'Automation'],
  ...['Engineering', 'Foods', 'Textiles', 'Chimie', 'Électronique', 'Nord', 'Sud', 'Ouest', 'Europe', 'International'],
];
/** The legal forms the duplicates swap (as written), with the country and top-level domain that go with them. */
const LEGAL_FORMS = [
  { key: 'sa', texts: ['SA', 'S.A.'], tld: 'fr', country: 'FR' },
  { key: 'sarl', texts: ['SARL', 'S.A.R.L.', 'Sarl'], tld: 'fr', country: 'FR' },
  { key: 'sas', texts: ['SAS', 'S.A.S.'], tld: 'fr', country: 'FR' },
  { key: 'gmbh', texts: ['GmbH'], tld: 'de', country: 'DE' },
  { key: 'ag', texts: ['AG'], tld: 'de', country: 'DE' },
  { key: 'inc', texts: ['Inc', 'Inc.'], tld: 'com', country: 'US' },
  { key: 'ltd', texts: ['Ltd', 'Ltd.'], tld: 'co.uk', country: 'GB' },
  { key: 'llc', texts: ['LLC'], tld: 'com', country: 'US' },
  { key: 'spa', texts: ['S.p.A.', 'SpA'], tld: 'it', country: 'IT' },
  { key: 'bv', texts: ['B.V.', 'BV'], tld: 'nl', country: 'NL' },
];
const LEGAL_FORM_KEYS = new Set(LEGAL_FORMS.map((f) => f.key));
const MAILBOXES = ['contact', 'info', 'hello', 'sales', 'office', 'bonjour', 'kontakt', 'admin'];
const PLUS_TAGS = ['crm', 'sales', 'newsletter', 'factures', '2024', 'web'];
/** The forms of a planted duplicate, in turn. */
const FORMS = ['case-accents', 'punctuation', 'legal-form', 'email', 'phone', 'website', 'typo'];
const PHONE_FORMATS = ['intl', 'national', 'dots', 'zero', 'compact'];
const WEBSITE_FORMS = ['https-www', 'http-www', 'www', 'bare', 'https-slash'];

/** Lower case without accents, as the matcher folds text. */
function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
function words(text) {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
function isLegalForm(word) {
  return LEGAL_FORM_KEYS.has(fold(word).replace(/[^a-z]/g, ''));
}

/** cyrb53: a 53-bit hash, so the taken keys are a Set of numbers (a collision only rejects a name for nothing). */
function hash53(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The keys two names share when the matcher could take them for the same
 * (computed here, not with the matcher's code): the letters without spaces,
 * the words sorted, and the letters less one character (symmetric delete: two
 * names one substitution, transposition, insertion or deletion apart share one).
 */
function nameKeys(folded) {
  const letters = folded.join('');
  const keys = [letters, `${[...folded].sort().join(' ')} `];
  for (let i = 0; i < letters.length; i++) keys.push(letters.slice(0, i) + letters.slice(i + 1));
  return keys.map(hash53);
}

function generatedWord(rnd) {
  let word = '';
  for (let n = 2 + rnd.int(2); n > 0; n--) word += rnd.pick(SYLLABLES);
  word += rnd.pick(ENDINGS);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function coreWords(rnd) {
  const r = rnd.next();
  if (r < 0.4) return [generatedWord(rnd), rnd.pick(SECTOR_WORDS)];
  if (r < 0.6) return [generatedWord(rnd), generatedWord(rnd)];
  if (r < 0.7) return [generatedWord(rnd), rnd.pick(CITIES)];
  if (r < 0.8) return [rnd.pick(COMPANY_WORDS), generatedWord(rnd)];
  if (r < 0.9) return [generatedWord(rnd)];
  return [generatedWord(rnd), generatedWord(rnd), rnd.pick(SECTOR_WORDS)];
}

function fullName(core, formText) {
  return formText ? `${core} ${formText}` : core;
}

/** A French number: area 1–5 and 8 digits (the last 8 digits are what the match index keys on). */
function phoneText(area, tail, format) {
  const pairs = String(tail).padStart(8, '0').match(/../g);
  switch (format) {
    case 'intl':
      return `+33 ${area} ${pairs.join(' ')}`;
    case 'national':
      return `0${area} ${pairs.join(' ')}`;
    case 'dots':
      return `0${area}.${pairs.join('.')}`;
    case 'zero':
      return `0033 ${area} ${pairs.join(' ')}`;
    default:
      return `+33${area}${pairs.join('')}`;
  }
}

function websiteText(domain, form) {
  switch (form) {
    case 'https-www':
      return `https://www.${domain}`;
    case 'http-www':
      return `http://www.${domain}`;
    case 'www':
      return `www.${domain}`;
    case 'bare':
      return domain;
    default:
      return `https://${domain}/`;
  }
}

/** UUID v7 layout (RFC 9562 variant) from a time, as the app makes ids: ids sort oldest first. */
function uuid7(msTime, rnd) {
  const hex = Math.floor(msTime).toString(16).padStart(12, '0');
  const r = () => rnd.int(0x10000).toString(16).padStart(4, '0');
  const [a, b, c, d, e] = [r(), r(), r(), r(), r()];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${a.slice(1)}-${(8 + (parseInt(b[0], 16) & 3)).toString(16)}${b.slice(1)}-${c}${d}${e}`;
}

/**
 * One typo in a word of at least 5 letters (not the legal form): a letter
 * substituted, two adjacent letters swapped, or one deleted (from a word of 6
 * or more, so the word keeps 5); never the first letter. Null when no word fits.
 */
function typoIn(text, rnd) {
  const parts = text.split(' ');
  const candidates = parts.map((_, i) => i).filter((i) => /^[\p{L}]{5,}$/u.test(parts[i]) && !isLegalForm(parts[i]));
  if (!candidates.length) return null;
  const k = rnd.pick(candidates);
  const word = parts[k];
  for (let attempt = 0; attempt < 20; attempt++) {
    const op = rnd.pick(['substitution', 'transposition', 'deletion']);
    const i = 1 + rnd.int(word.length - 1);
    if (!/[a-z]/i.test(word[i])) continue;
    let changed;
    if (op === 'deletion') {
      if (word.length < 6) continue;
      changed = word.slice(0, i) + word.slice(i + 1);
    } else if (op === 'transposition') {
      if (i + 1 >= word.length || !/[a-z]/i.test(word[i + 1]) || word[i].toLowerCase() === word[i + 1].toLowerCase()) continue;
      changed = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    } else {
      let letter;
      do letter = String.fromCharCode(97 + rnd.int(26));
      while (letter === word[i].toLowerCase());
      changed = word.slice(0, i) + (word[i] === word[i].toUpperCase() ? letter.toUpperCase() : letter) + word.slice(i + 1);
    }
    parts[k] = changed;
    return { text: parts.join(' '), op };
  }
  return null;
}

function stripAccents(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const ACCENTED = { e: 'é', a: 'à', o: 'ô', u: 'ü', i: 'ï', E: 'É', A: 'À', O: 'Ô', U: 'Ü', I: 'Ï' };
function addAccent(text, rnd) {
  const positions = [...text].map((ch, i) => (ACCENTED[ch] ? i : -1)).filter((i) => i >= 0);
  if (!positions.length) return text;
  const i = rnd.pick(positions);
  return text.slice(0, i) + ACCENTED[text[i]] + text.slice(i + 1);
}

function titleCase(text) {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep, letter) => sep + letter.toUpperCase());
}

/** The name of a planted duplicate of `o` in one of the name forms, or null when `o` cannot take it. */
function duplicateName(o, form, rnd) {
  switch (form) {
    case 'case-accents': {
      const core = o.core !== stripAccents(o.core) ? stripAccents(o.core) : addAccent(o.core, rnd);
      const name = fullName(core, o.formText);
      const styled = rnd.pick([(t) => t.toUpperCase(), (t) => t.toLowerCase(), titleCase])(name);
      return styled === o.name ? name.toUpperCase() : styled;
    }
    case 'punctuation': {
      const parts = o.core.split(' ');
      const options = [];
      if (parts.length >= 2) {
        options.push(() => parts.join('-'));
        options.push(() => parts.join(''));
        options.push(() => `${parts[0]}, ${parts.slice(1).join(' ')}`);
        options.push(() => `${parts[0]} - ${parts.slice(1).join(' ')}`);
      } else {
        options.push(() => `${parts[0]}.`);
        options.push(() => `"${parts[0]}"`);
      }
      if (/^[A-Za-z]{3,5}$/.test(parts[0])) options.push(() => [parts[0].toUpperCase().split('').join('.'), ...parts.slice(1)].join(' '));
      return fullName(rnd.pick(options)(), o.formText);
    }
    case 'legal-form': {
      if (!o.form) {
        const form = rnd.pick(LEGAL_FORMS);
        return fullName(o.core, rnd.pick(form.texts));
      }
      if (rnd.next() < 0.5) return o.core;
      const others = LEGAL_FORMS.filter((f) => f.key !== o.form.key);
      return fullName(o.core, rnd.pick(rnd.pick(others).texts));
    }
    case 'typo': {
      const typo = typoIn(o.core, rnd);
      return typo ? fullName(typo.text, o.formText) : null;
    }
    default:
      return o.name;
  }
}

/**
 * The partners: originals with unique names (checked: no two share a key of
 * nameKeys, i.e. none is the same name reordered, respaced or one typo from
 * another), a unique email at a domain made of the name, a unique phone, 80%
 * with a website; and planted duplicates, each of a different original, the
 * forms taken in turn. Rows come in creation order (UUID v7 ids).
 */
function generatePartners(total, duplicateCount, users) {
  const rnd = prng(SEED);
  const originalsWanted = total - duplicateCount;
  const taken = new Set();
  const originals = [];
  let rejected = 0;
  const now = Date.now();
  const span = 5 * 365 * 86_400_000;
  while (originals.length < originalsWanted) {
    const core = coreWords(rnd).join(' ');
    const folded = words(core);
    const keys = nameKeys(folded);
    if (keys.some((key) => taken.has(key))) {
      rejected++;
      continue;
    }
    for (const key of keys) taken.add(key);
    const i = originals.length;
    const form = rnd.next() < 0.6 ? rnd.pick(LEGAL_FORMS) : null;
    const formText = form ? rnd.pick(form.texts) : null;
    const domain = `${folded.join('-')}.${form?.tld ?? rnd.pick(['fr', 'com', 'eu'])}`;
    const mailbox = rnd.next() < 0.3 ? `${words(rnd.pick(FIRST_NAMES))[0]}.${words(rnd.pick(LAST_NAMES))[0]}` : rnd.pick(MAILBOXES);
    const phoneFormat = rnd.pick(['intl', 'intl', 'national', 'national', 'dots', 'compact']);
    const area = 1 + rnd.int(5);
    const tail = (i * 7919 + 10_000_019) % 100_000_000; // 7919 is prime to 10^8: a different tail per partner
    const websiteForm = rnd.next() < 0.8 ? rnd.pick(WEBSITE_FORMS) : null;
    originals.push({
      id: null,
      core,
      form,
      formText,
      name: fullName(core, formText),
      domain,
      email: `${mailbox}@${domain}`,
      area,
      tail,
      phoneFormat,
      phone: phoneText(area, tail, phoneFormat),
      websiteForm,
      website: websiteForm ? websiteText(domain, websiteForm) : null,
      city: rnd.pick(CITIES),
      country: form?.country ?? 'FR',
      assigned: rnd.pick(users),
      prospect: rnd.next() < 0.6,
      customer: rnd.next() < 0.45,
      created: now - span + (i / originalsWanted) * span + rnd.int(60_000),
    });
  }

  // each form's pick walks the same shuffled list of originals, skipping those taken or unfit
  const order = originals.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const used = new Uint8Array(originals.length);
  const cursor = Object.fromEntries(FORMS.map((f) => [f, 0]));
  const duplicates = [];
  const unplanted = Object.fromEntries(FORMS.map((f) => [f, 0]));
  for (let d = 0; d < duplicateCount; d++) {
    const form = FORMS[d % FORMS.length];
    let dup;
    while (!dup && cursor[form] < order.length) {
      const k = order[cursor[form]++];
      if (used[k]) continue;
      const o = originals[k];
      if (form === 'website' && !o.website) continue;
      const name = duplicateName(o, form, rnd);
      if (name === null) continue;
      used[k] = 1;
      const created = o.created + (0.05 + 0.95 * rnd.next()) * Math.min(now - o.created, 2 * 365 * 86_400_000);
      dup = { ...o, original: o, planted: form, name, created, assigned: rnd.pick(users), prospect: true, customer: false };
      if (form === 'email') {
        const [local, domain] = o.email.split('@');
        const tagged = `${local}+${rnd.pick(PLUS_TAGS)}`;
        dup.email = rnd.pick([
          () => `${tagged.charAt(0).toUpperCase()}${tagged.slice(1)}@${domain}`,
          () => `${tagged}@${domain}`.toUpperCase(),
          () => `${tagged}@${domain.toUpperCase()}`,
        ])();
      } else if (form === 'phone') {
        dup.phone = phoneText(o.area, o.tail, rnd.pick(PHONE_FORMATS.filter((f) => f !== o.phoneFormat)));
      } else if (form === 'website') {
        dup.website = websiteText(o.domain, rnd.pick(WEBSITE_FORMS.filter((f) => f !== o.websiteForm)));
      }
    }
    if (dup) duplicates.push(dup);
    else unplanted[form]++;
  }

  const rows = [...originals, ...duplicates].sort((x, y) => x.created - y.created);
  for (const row of rows) row.id = uuid7(row.created, rnd);
  return { rows, duplicates, rejected, unplanted };
}

// ---------------------------------------------------------------- seeding

async function seed(db) {
  const client = await db.connect();
  const other = await db.connect();
  const t0 = performance.now();
  try {
    await client.query(`
      INSERT INTO users (id, email, name, role, active, password_hash)
      SELECT gen_random_uuid(), 'sales' || lpad(g::text, 2, '0') || '@example.com', 'Sales Person ' || g, 'salesperson', true,
             'bench-dummy-hash-not-a-password'
        FROM generate_series(1, 20) g`);
    const users = (await client.query(`SELECT id FROM users WHERE role = 'salesperson' ORDER BY email`)).rows.map((r) => r.id);
    const adminId = (await client.query(`SELECT id FROM users WHERE email = 'admin@example.com'`)).rows[0].id;

    const tg = performance.now();
    const duplicateCount = Math.round(PARTNERS * DUPLICATE_SHARE);
    const { rows, duplicates, rejected, unplanted } = generatePartners(PARTNERS, duplicateCount, users);
    const perForm = FORMS.map((f) => `${f} ${duplicates.filter((d) => d.planted === f).length}`).join(', ');
    console.log(
      `\nseeding: generated ${rows.length.toLocaleString('en')} partners in ${sec(tg)}: ${(rows.length - duplicates.length).toLocaleString('en')} originals ` +
        `(${rejected.toLocaleString('en')} generated names skipped: the same as, or one typo from, a name already drawn), ` +
        `${duplicates.length.toLocaleString('en')} planted duplicates (${perForm})`,
    );
    const missing = Object.entries(unplanted).filter(([, n]) => n > 0);
    if (missing.length) console.log(`  could not plant: ${missing.map(([f, n]) => `${n} ${f}`).join(', ')} (no original fit)`);
    console.log(
      `  e.g. ${FORMS.map((f) => duplicates.find((d) => d.planted === f))
        .filter(Boolean)
        .map(describePair)
        .join('\n       ')}`,
    );

    const indexes = await dropSecondaryIndexes(client, ['partners']);
    console.log(`  dropped ${indexes.length} secondary indexes of partners for the load (${indexes.map((i) => i.indexname).join(', ')})`);
    const settings = await loadSettings(client);
    await client.query(settings);
    await other.query(settings);
    const batch = 25_000;
    const batches = [];
    for (let from = 0; from < rows.length; from += batch) batches.push(rows.slice(from, from + batch));
    const insertBatches = async (session, parity) => {
      for (let b = parity; b < batches.length; b += 2) {
        const t = performance.now();
        await session.query(PARTNERS_INSERT, partnerColumns(batches[b], adminId));
        console.log(`  partners ${(b * batch + 1).toLocaleString('en')}..${(b * batch + batches[b].length).toLocaleString('en')} inserted in ${sec(t)}`);
      }
    };
    await Promise.all([insertBatches(client, 0), insertBatches(other, 1)]);

    // two sessions rebuild the indexes, a GIN index each first
    const gin = indexes.filter((i) => /\busing gin\b/i.test(i.indexdef));
    const btree = indexes.filter((i) => !gin.includes(i));
    const share = [[], []];
    [...gin, ...btree].forEach((ix, k) => share[k % 2].push(ix));
    await Promise.all([
      (async () => {
        for (const ix of share[0]) await buildIndex(client, ix);
      })(),
      (async () => {
        for (const ix of share[1]) await buildIndex(other, ix);
      })(),
    ]);
    await Promise.all([client.query('RESET ALL'), other.query('RESET ALL')]);

    await client.query(`CREATE TABLE bench_planted (original_id uuid NOT NULL, duplicate_id uuid NOT NULL, form text NOT NULL)`);
    await client.query(`INSERT INTO bench_planted SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`, [
      duplicates.map((d) => d.original.id),
      duplicates.map((d) => d.id),
      duplicates.map((d) => d.planted),
    ]);
    await settleAfterLoad(db, ['partners', 'users', 'bench_planted']);
    await printSizes(client, ['partners']);
    console.log(`SEEDING TIME: ${sec(t0)} (${rows.length.toLocaleString('en')} partners, indexes rebuilt after the load, VACUUM ANALYZE)`);
  } finally {
    await client.query('RESET ALL').catch(() => {});
    await other.query('RESET ALL').catch(() => {});
    client.release();
    other.release();
  }
}

function describePair(d) {
  const diff = (a, b) => (a === b ? 'same' : `'${b}'`);
  return (
    `${d.planted}: '${d.original.name}' <${d.original.email}> ${d.original.phone} ${d.original.website ?? '-'}  ->  name ${diff(d.original.name, d.name)}, ` +
    `email ${diff(d.original.email, d.email)}, phone ${diff(d.original.phone, d.phone)}, website ${diff(d.original.website, d.website)}`
  );
}

function partnerColumns(rows, adminId) {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.name),
    rows.map((r) => r.email),
    rows.map((r) => r.phone),
    rows.map((r) => r.website),
    rows.map((r) => r.city),
    rows.map((r) => r.country),
    rows.map((r) => r.assigned),
    rows.map((r) => r.prospect),
    rows.map((r) => r.customer),
    rows.map((r) => new Date(r.created).toISOString()),
    adminId,
  ];
}

const PARTNERS_INSERT = `
  INSERT INTO partners (id, kind, name, email, phone, website, address_city, address_country, assigned_to_id,
                        is_prospect, is_customer, is_supplier, created_at, updated_at, created_by_id)
  SELECT u.id, 'company', u.name, u.email, u.phone, u.website, u.city, u.country, u.assigned, u.prospect, u.customer, false, u.created, u.created, $12::uuid
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::boolean[], $10::boolean[],
                $11::timestamptz[]) AS u(id, name, email, phone, website, city, country, assigned, prospect, customer, created)`;

async function loadPlanted(db) {
  const planted = (await db.query(`SELECT original_id AS original, duplicate_id AS duplicate, form FROM bench_planted`)).rows;
  const count = (await db.query(`SELECT count(*)::int AS n FROM partners`)).rows[0].n;
  console.log(`\n${count.toLocaleString('en')} partners, ${planted.length.toLocaleString('en')} planted duplicate pairs`);
  return planted;
}

// ---------------------------------------------------------------- the API's own code, in this process

/**
 * The built duplicates services (dist/) on a TypeORM DataSource of their own
 * whose logger records every statement: the SQL the bare runs replay is the
 * SQL the API sends. Undefined when dist cannot be loaded so (the bare runs
 * then use hand-written equivalents, and the output says so).
 */
function inProcessServices() {
  try {
    // first: it loads reflect-metadata, which the decorated classes of dist/ need
    const { ds, log } = capturingDataSource(DB_URL, { options: SESSION_OPTIONS });
    const { HistoryService } = apiRequire('./dist/platform/history/history.service.js');
    const { CrmSettingsService } = apiRequire('./dist/modules/settings/index.js');
    const { LeadsService } = apiRequire('./dist/modules/leads/index.js');
    const { PartnersService } = apiRequire('./dist/modules/partners/index.js');
    const { ContactsService } = apiRequire('./dist/modules/contacts/index.js');
    const { OpportunitiesService } = apiRequire('./dist/modules/opportunities/index.js');
    const { QuotationsService } = apiRequire('./dist/modules/quotations/index.js');
    const { EventsService } = apiRequire('./dist/modules/events/index.js');
    const { EmailService } = apiRequire('./dist/modules/email/index.js');
    const { DuplicateRecords } = apiRequire('./dist/modules/duplicates/duplicate-records.js');
    const { DuplicateSearchService } = apiRequire('./dist/modules/duplicates/duplicate-search.service.js');
    const { DuplicateMergeService } = apiRequire('./dist/modules/duplicates/duplicate-merge.service.js');
    // constructed as Nest would (constructor order of dist/); what a merge or a search does not use is left undefined
    const history = new HistoryService(ds);
    const settings = new CrmSettingsService(ds);
    const leads = new LeadsService(ds, history);
    const partners = new PartnersService(ds, history);
    const contacts = new ContactsService(ds, history);
    const opportunities = new OpportunitiesService(ds, settings, history);
    const quotations = new QuotationsService(ds, opportunities, partners, settings, history);
    const events = new EventsService(ds, history, undefined, undefined);
    const email = new EmailService(ds, undefined, settings, history, leads, partners, contacts);
    const records = new DuplicateRecords(leads, partners, contacts);
    const ready = ds.initialize();
    ready.catch(() => {}); // awaited (and so reported) by the first capture
    return {
      ds,
      log,
      ready,
      search: new DuplicateSearchService(ds, settings, records),
      merge: new DuplicateMergeService(ds, records, history, leads, contacts, opportunities, quotations, events, email),
      partners,
    };
  } catch (error) {
    console.log(`could not load the duplicates services from apps/api/dist (${error.message}): the bare runs use hand-written SQL`);
    return undefined;
  }
}

/** Runs `fn` on the in-process services and answers the statements it sent (transaction control left out). */
async function capture(services, fn) {
  await services.ready;
  services.log.captured = [];
  const result = await fn();
  const statements = services.log.captured.filter((q) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(q.sql));
  return { result, statements };
}

// ---------------------------------------------------------------- 1. search

async function searchPhase(db, auth, planted, services) {
  const body = { entity: 'partners', fields: SEARCH_FIELDS, limit: SEARCH_LIMIT };
  console.log(
    `\n== 1. search by name and email: POST /duplicates/search ${JSON.stringify(body)} (1 warm-up, then ${SEARCH_RUNS} runs; load average ${loadText()})`,
  );
  const call = async () => {
    const t = performance.now();
    const res = await request('POST', `${API}/duplicates/search`, { body, headers: auth });
    const elapsed = performance.now() - t;
    if (res.status !== 200) throw new Error(`POST /duplicates/search: ${res.status} ${res.body.toString().slice(0, 500)}`);
    return { elapsed, raw: res.body };
  };
  // the read the service does, on the bare client, and the built API's matcher over its rows, in this process
  const readSql = `SELECT id, name AS c0, email AS c1 FROM partners`;
  const { findDuplicateGroups } = apiRequire('./dist/modules/duplicates/matching/index.js');
  const defaultCountry = (await db.query(`SELECT default_country AS c FROM crm_settings WHERE id = 1`)).rows[0].c;
  const specs = await matcherSpecs();
  let rows;
  let groups;
  const read = async () => {
    const t = performance.now();
    rows = (await db.query(readSql)).rows;
    return performance.now() - t;
  };
  const match = () => {
    const records = rows.map((row) => ({ id: row.id, values: { name: row.c0, email: row.c1 } }));
    const t = performance.now();
    groups = findDuplicateGroups(records, specs, { defaultCountry });
    return performance.now() - t;
  };

  // warm-ups: the API, the bare read, the matcher (V8 optimises it as the API's process has)
  const warm = await call();
  console.log(`   warm-up: API ${ms(warm.elapsed)} ms, bare read ${ms(await read())} ms, in-process matcher ${ms(match())} ms`);

  // the whole service in this process (no HTTP, no JSON): its statements are what the bare runs replay
  let serviceMs;
  let loadStmt;
  if (services) {
    const t = performance.now();
    const { result, statements } = await capture(services, () => services.search.search({ ...body }));
    serviceMs = performance.now() - t;
    const readStmt = statements.find((q) => /\bAS c0\b/.test(q.sql));
    loadStmt = statements.find((q) => q !== readStmt && /FROM "?partners"?/i.test(q.sql) && q.params.length > 0);
    console.log(`   in-process DuplicateSearchService.search: ${ms(serviceMs)} ms, ${result.total.toLocaleString('en')} groups; statements:`);
    for (const q of statements) console.log(`     ${oneLine(q.sql, 200)}${q.params.length ? ` (${q.params.length} params)` : ''}`);
    if (readStmt && oneLine(readStmt.sql) !== readSql) console.log(`   NOTE: the service reads '${oneLine(readStmt.sql)}', not '${readSql}'`);
  }
  // (a captured statement keeps its own ids: the service showed the same first groups)
  const shownIds = groups.slice(0, SEARCH_LIMIT).flatMap((g) => g.ids);
  if (!loadStmt) loadStmt = { sql: `SELECT * FROM partners WHERE id = ANY($1::uuid[])`, params: [shownIds], handWritten: true };
  const load = async () => {
    const t = performance.now();
    await db.query(loadStmt.sql, loadStmt.params);
    return performance.now() - t;
  };
  await load();
  console.log(
    `   records load replayed: ${loadStmt.handWritten ? 'hand-written' : 'captured from PartnersService.findByIds'}, ${loadStmt.params.flat().length} ids`,
  );

  // measured rounds, interleaved so that each part sees the same machine (its load drifts with whatever else runs)
  const apiRuns = [];
  const readRuns = [];
  const matchRuns = [];
  const loadRuns = [];
  for (let i = 0; i < SEARCH_RUNS; i++) {
    apiRuns.push(await call());
    readRuns.push(await read());
    matchRuns.push(match());
    loadRuns.push(await load());
    console.log(
      `   run ${i + 1}: API ${ms(apiRuns.at(-1).elapsed)} ms; bare read ${ms(readRuns.at(-1))} ms (${rows.length.toLocaleString('en')} rows); ` +
        `in-process matcher ${ms(matchRuns.at(-1))} ms (${groups.length.toLocaleString('en')} groups); bare records load ${ms(loadRuns.at(-1))} ms`,
    );
  }
  console.log(`   matcher: findDuplicateGroups of dist/modules/duplicates/matching, fields ${JSON.stringify(specs)}, defaultCountry ${defaultCountry}`);
  const answer = JSON.parse(apiRuns.at(-1).raw);
  const bytes = apiRuns.at(-1).raw.length;
  const tj = performance.now();
  JSON.stringify(answer);
  const jsonMs = performance.now() - tj;
  console.log(`   answer: ${answer.groups.length} groups of ${answer.total.toLocaleString('en')} (total), ${(bytes / 1e6).toFixed(2)} MB`);

  const all = quality(
    groups.map((g) => g.ids),
    planted,
  );
  const shown = quality(
    answer.groups.map((g) => g.records.map((r) => r.id)),
    planted,
  );
  const sameOrder = answer.groups.every((g, k) => sameIds(g.records.map((r) => r.id).sort(), groups[k]?.ids ?? []));
  console.log(
    `   quality over all ${groups.length.toLocaleString('en')} groups (in-process): ${all.found}/${planted.length} planted pairs found, recall ${all.recall.toFixed(4)}; ` +
      `${all.pairs} pairs inside the groups, precision ${all.precision.toFixed(4)}; sizes ${all.sizes}`,
  );
  console.log(
    `   quality of the ${answer.groups.length} groups answered (HTTP): ${shown.found} planted pairs of ${shown.pairs} pairs inside them, precision ${shown.precision.toFixed(4)}; ` +
      `the same groups as the in-process matcher's first ${answer.groups.length}: ${sameOrder ? 'yes' : 'NO'}`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  printMisses(all, byId);

  return {
    api: median(apiRuns.map((r) => r.elapsed)),
    apiRuns: apiRuns.map((r) => r.elapsed),
    total: answer.total,
    answered: answer.groups.length,
    bytes,
    jsonMs,
    read: median(readRuns),
    rows: rows.length,
    match: median(matchRuns),
    load: median(loadRuns),
    loadIds: shownIds.length,
    service: serviceMs,
    groups: groups.length,
    totalMatches: answer.total === groups.length,
    all,
    shown,
    sameOrder,
  };
}

/** The matcher's field specs of the search: the service's own (DUPLICATE_RULES) when dist has them. */
async function matcherSpecs() {
  try {
    const { DUPLICATE_RULES, fieldSpecs } = apiRequire('./dist/modules/duplicates/duplicate-entities.js');
    return fieldSpecs(DUPLICATE_RULES.partners, SEARCH_FIELDS).specs;
  } catch {
    return [
      { field: 'name', kind: 'companyName' },
      { field: 'email', kind: 'email' },
    ];
  }
}

/** Recall and precision of groups (lists of ids) against the planted pairs, overall and per form. */
function quality(groups, planted) {
  const groupOf = new Map();
  groups.forEach((ids, k) => ids.forEach((id) => groupOf.set(id, k)));
  const byForm = Object.fromEntries(FORMS.map((f) => [f, { planted: 0, found: 0, missed: [] }]));
  const plantedIn = new Set();
  let found = 0;
  for (const p of planted) {
    const form = (byForm[p.form] ??= { planted: 0, found: 0, missed: [] });
    form.planted++;
    const g = groupOf.get(p.original);
    if (g !== undefined && g === groupOf.get(p.duplicate)) {
      found++;
      form.found++;
      plantedIn.add(g);
    } else form.missed.push(p);
  }
  const pairs = groups.reduce((n, ids) => n + (ids.length * (ids.length - 1)) / 2, 0);
  const sizeCount = {};
  for (const ids of groups) sizeCount[ids.length] = (sizeCount[ids.length] ?? 0) + 1;
  const sizes = Object.entries(sizeCount)
    .map(([size, n]) => `${n} of ${size}`)
    .join(', ');
  const unplanted = groups.filter((_, k) => !plantedIn.has(k));
  return { found, recall: planted.length ? found / planted.length : 1, pairs, precision: pairs ? found / pairs : 1, byForm, sizes, unplanted };
}

function printMisses(q, byId) {
  const show = (id) => {
    const r = byId.get(id);
    return r ? `'${r.c0}' <${r.c1}>` : id;
  };
  for (const [form, f] of Object.entries(q.byForm)) {
    if (!f.missed.length) continue;
    console.log(
      `   missed ${form}: ${f.missed.length}, e.g. ${f.missed
        .slice(0, 3)
        .map((p) => `${show(p.original)} / ${show(p.duplicate)}`)
        .join('; ')}`,
    );
  }
  if (q.unplanted.length) {
    console.log(
      `   groups without a planted pair: ${q.unplanted.length}, e.g. ${q.unplanted
        .slice(0, 3)
        .map((ids) => ids.map(show).join(' + '))
        .join('; ')}`,
    );
  }
}

// ---------------------------------------------------------------- 2. similar

const SIMILAR_FORMS = ['name prefix', 'name typo', 'email case', 'phone format'];

/** What a create form sends while the user types, drawn from an existing partner: a value in one of SIMILAR_FORMS. */
function typedValue(form, partner, rnd) {
  if (form === 'name prefix') {
    // 4 to 12 characters, and at least 4 letters (the API's MIN_PREFIX_LENGTH)
    let n = Math.min(partner.name.length, 4 + rnd.int(9));
    while (n < partner.name.length && words(partner.name.slice(0, n)).join('').length < 4) n++;
    return { form, field: 'name', value: partner.name.slice(0, n).trimEnd() };
  }
  if (form === 'name typo') {
    const typo = typoIn(partner.name, rnd);
    return typo ? { form, field: 'name', value: typo.text } : null;
  }
  if (form === 'email case') {
    const [local, domain] = partner.email.split('@');
    return { form, field: 'email', value: rnd.pick([`${local.toUpperCase()}@${domain}`, `${local}@${domain.toUpperCase()}`, partner.email.toUpperCase()]) };
  }
  const digits = partner.phone.replace(/\D/g, '');
  const tail = digits.slice(-8);
  const area = digits.slice(-9, -8);
  const current = PHONE_FORMATS.find((f) => phoneText(area, tail, f) === partner.phone);
  return { form, field: 'phone', value: phoneText(area, tail, rnd.pick(PHONE_FORMATS.filter((f) => f !== current))) };
}

async function similarPhase(db, auth, services) {
  const total = SIMILAR_WARMUP + SIMILAR_REQUESTS;
  console.log(
    `\n== 2. similar: GET /duplicates/similar, ${SIMILAR_WARMUP} warm-up then ${SIMILAR_REQUESTS} requests, one at a time (load average ${loadText()})`,
  );
  const sources = (
    await db.query(
      `SELECT id, name, email, phone FROM partners p WHERE NOT EXISTS (SELECT 1 FROM bench_planted b WHERE b.duplicate_id = p.id)
        ORDER BY md5(p.id::text || $1) LIMIT $2`,
      [String(SEED), total],
    )
  ).rows;
  const rnd = prng(SEED + 1);
  const queries = sources.map((partner, k) => {
    const form = SIMILAR_FORMS[k % SIMILAR_FORMS.length];
    // a name without a word of 5 letters takes no typo: its prefix instead
    return { ...(typedValue(form, partner, rnd) ?? typedValue('name prefix', partner, rnd)), source: partner.id };
  });
  for (const form of SIMILAR_FORMS) {
    const q = queries.find((x) => x.form === form);
    if (q) console.log(`   e.g. ${form}: ${q.field}=${JSON.stringify(q.value)}`);
  }
  const once = async (q) => {
    const path = `/duplicates/similar?entity=partners&${q.field}=${encodeURIComponent(q.value)}`;
    const t = performance.now();
    const res = await request('GET', `${API}${path}`, { headers: auth });
    const latency = performance.now() - t;
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString().slice(0, 500)}`);
    const items = JSON.parse(res.body).items;
    return { ...q, latency, items: items.length, hit: items.some((i) => i.record.id === q.source) };
  };
  // the probe statement of each form, captured from the built service (hand-written from probeCandidates otherwise)
  const probes = {};
  for (const form of SIMILAR_FORMS) {
    const q = queries.find((x) => x.form === form);
    if (!q) continue;
    probes[form] = services ? await captureProbe(services, q) : handWrittenProbe(q);
  }
  const src = services ? 'captured from the built DuplicateSearchService.similar' : 'hand-written from probeCandidates';
  console.log(`   probe statements (${src}):`);
  for (const [form, p] of Object.entries(probes)) console.log(`     ${form}: ${oneLine(p.probe.sql, 400)}`);

  // each value through the API and as the bare probe (and the read of its candidates), one at a time, taking
  // turns at going first: both see the same machine, and neither always finds the pages the other just read
  for (const q of queries.slice(0, SIMILAR_WARMUP)) {
    await once(q);
    await bareProbe(db, probes[q.form], q.value);
  }
  const measured = [];
  const bare = [];
  const t0 = performance.now();
  for (const [k, q] of queries.slice(SIMILAR_WARMUP).entries()) {
    if (k % 2 === 0) measured.push(await once(q));
    bare.push({ form: q.form, ...(await bareProbe(db, probes[q.form], q.value)) });
    if (k % 2 === 1) measured.push(await once(q));
  }
  const seconds = (performance.now() - t0) / 1000;
  const api = summarize(measured.map((r) => r.latency));
  console.log(
    `   API: ${measured.length} requests (interleaved with the bare probes, ${seconds.toFixed(1)} s in all): p50 ${ms(api.p50)} p95 ${ms(api.p95)} p99 ${ms(api.p99)} ms`,
  );
  const bareProbeStats = summarize(bare.map((b) => b.probe));
  const bareBothStats = summarize(bare.map((b) => b.probe + b.read));
  console.log(
    `   bare probe: p50 ${ms(bareProbeStats.p50)} p95 ${ms(bareProbeStats.p95)} p99 ${ms(bareProbeStats.p99)} ms; ` +
      `probe + candidates read: p50 ${ms(bareBothStats.p50)} p95 ${ms(bareBothStats.p95)} ms`,
  );

  const perForm = SIMILAR_FORMS.map((form) => {
    const mine = measured.filter((r) => r.form === form);
    const mineBare = bare.filter((b) => b.form === form);
    return {
      form,
      n: mine.length,
      api: summarize(mine.map((r) => r.latency)),
      bare: summarize(mineBare.map((b) => b.probe)),
      candidates: mineBare.length ? mineBare.reduce((n, b) => n + b.candidates, 0) / mineBare.length : 0,
      hits: mine.filter((r) => r.hit).length,
      items: mine.length ? mine.reduce((n, r) => n + r.items, 0) / mine.length : 0,
    };
  });

  console.log('\n   plans of the probe (EXPLAIN ANALYZE, BUFFERS; one value of each form):');
  for (const form of SIMILAR_FORMS) {
    const q = queries.slice(SIMILAR_WARMUP).find((x) => x.form === form);
    if (!q) continue;
    const stmt = probeStatement(probes[form], q.value);
    const { lines, indexes } = await explainAnalyze(db, stmt.sql, stmt.params);
    const time = lines.find((l) => /^Execution Time/.test(l));
    console.log(`\n   -- ${form} ${JSON.stringify(q.value)}: ${indexes.length ? `index ${indexes.join(', ')}` : 'no index'}; ${time ?? ''}`);
    for (const l of shortPlan(lines, 26)) console.log(`      ${clip(l)}`);
  }
  return { api, perForm, bareProbe: bareProbeStats, bareBoth: bareBothStats, n: measured.length, source: src };
}

async function captureProbe(services, q) {
  const { statements } = await capture(services, () => services.search.similar({ entity: 'partners', [q.field]: q.value }));
  const probe = statements.find((s) => /\bLIMIT \d+\)/.test(s.sql) || /\bUNION\b/.test(s.sql)) ?? statements[0];
  const read = statements.find((s) => /\bAS c0\b/.test(s.sql));
  if (!probe.params.includes(q.value)) throw new Error(`the ${q.form} probe does not take the typed value as a parameter: ${oneLine(probe.sql, 200)}`);
  return { probe, read, typed: q.value };
}

/** probeCandidates of duplicate-search.service.ts, written out for one typed field of a partner. */
function handWrittenProbe(q) {
  const byField = {
    name: [['trigram', 'crm_match_text(name)', 'crm_match_text']],
    email: [['equal', 'crm_match_email(email)', 'crm_match_email']],
    phone: [
      ['equal', 'crm_match_phone(phone)', 'crm_match_phone'],
      ['equal', 'crm_match_phone(mobile_phone)', 'crm_match_phone'],
    ],
  }[q.field];
  const params = [null];
  const selects = byField.map(([match, indexed, key]) => {
    params.push(q.value);
    const typed = `${key}($${params.length})`;
    const condition = match === 'trigram' ? `(${indexed} % ${typed} OR ${typed} <% ${indexed})` : `${indexed} = ${typed}`;
    const order = match === 'trigram' ? `ORDER BY similarity(${indexed}, ${typed}) DESC` : '';
    return `(SELECT id FROM partners WHERE ${condition} AND id IS DISTINCT FROM $1 ${order} LIMIT 20)`;
  });
  return {
    probe: { sql: selects.join(' UNION '), params },
    read: { sql: `SELECT id, ${q.field === 'name' ? 'name' : q.field} AS c0 FROM partners WHERE id = ANY($1::uuid[])`, params: [[]] },
    typed: q.value,
  };
}

/** The captured probe with another typed value in place of the one it was captured with. */
function probeStatement(probe, value) {
  return { sql: probe.probe.sql, params: probe.probe.params.map((p) => (p === probe.typed ? value : p)) };
}

async function bareProbe(db, probe, value) {
  const stmt = probeStatement(probe, value);
  const t = performance.now();
  const ids = (await db.query(stmt.sql, stmt.params)).rows.map((r) => r.id);
  const t1 = performance.now();
  if (ids.length && probe.read) await db.query(probe.read.sql, [ids]);
  return { probe: t1 - t, read: performance.now() - t1, candidates: ids.length };
}

// ---------------------------------------------------------------- 3. merge

async function mergePhase(db, auth, services) {
  const perTable = splitLinks(MERGE_LINKS);
  console.log(
    `\n== 3. merge: POST /duplicates/merge of a duplicate partner with ${MERGE_LINKS.toLocaleString('en')} linked records ` +
      `(${Object.entries(perTable)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')}), ${MERGE_RUNS} runs, each on a fresh duplicate (load average ${loadText()})`,
  );
  const client = await db.connect();
  let targets;
  try {
    targets = await seedMergeTargets(db, client, perTable);
  } finally {
    client.release();
  }

  // the statements of a merge, captured from the built DuplicateMergeService on a small duplicate, rolled back
  let statements;
  let source;
  if (services) {
    try {
      statements = await captureMerge(services, targets.capture);
      source = 'captured from the built DuplicateMergeService.merge (transaction rolled back)';
    } catch (error) {
      console.log(`   could not capture the merge's statements (${error.message}): hand-written equivalents`);
    }
  }
  if (!statements) {
    statements = handWrittenMerge(targets.capture);
    source = 'hand-written from the reassign() methods and absorbMerged (dist could not be loaded)';
  }
  console.log(`   statements of a merge (${source}):`);
  for (const s of statements) console.log(`     ${oneLine(s.sql, 220)}`);

  const runs = [];
  for (let i = 0; i < MERGE_RUNS; i++) {
    const bare = await bareMerge(db, statements, targets.capture, targets.bare[i]);
    const api = await apiMerge(db, auth, targets.http[i]);
    runs.push({ bare, api });
    console.log(
      `   run ${i + 1}: API ${ms(api.elapsed)} ms (${api.status}), all ${api.expected.toLocaleString('en')} linked records on the kept partner: ${api.verified ? 'yes' : 'NO'} ` +
        `(${api.detail}); bare transaction ${ms(bare.total)} ms (its UPDATEs ${ms(bare.updates)} ms)`,
    );
  }
  const slowest = [...runs[0].bare.steps].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`\n   bare statements, run 1 (ms): ${runs[0].bare.steps.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
  console.log('\n   plans of the slowest statements of the merge (EXPLAIN ANALYZE, BUFFERS, in a transaction rolled back):');
  await explainMerge(db, statements, targets.capture, targets.bare[0], new Set(slowest.map((s) => s.index)));

  // the bare runs' duplicates (rolled back, still there) and the capture's go, so that the table is as before
  await cleanUpTargets(db, [targets.capture, ...targets.bare]);
  return {
    api: median(runs.map((r) => r.api.elapsed)),
    apiRuns: runs.map((r) => r.api.elapsed),
    bare: median(runs.map((r) => r.bare.total)),
    bareUpdates: median(runs.map((r) => r.bare.updates)),
    verified: runs.every((r) => r.api.verified && r.api.status === 200),
    links: MERGE_LINKS,
    source,
  };
}

function splitLinks(total) {
  const tables = ['contacts', 'opportunities', 'events', 'quotations', 'history_entries'];
  const each = Math.floor(total / tables.length);
  return Object.fromEntries(tables.map((t, k) => [t, k === tables.length - 1 ? total - each * (tables.length - 1) : each]));
}

/**
 * Duplicates to merge: for each, an original partner without a planted
 * duplicate and a copy of it (its name in capitals), the copy with its linked
 * records. One small one to capture the statements, MERGE_RUNS for the bare
 * runs, MERGE_RUNS for the API's. Inserted with the tables' triggers on
 * (pipeline totals, calendar versions), as the API's writes would.
 */
async function seedMergeTargets(db, client, perTable) {
  const t0 = performance.now();
  await client.query(`
    CREATE FUNCTION pg_temp.bench_id(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
      SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid
        FROM (SELECT md5(random()::text) AS h) x
    $$`);
  await client.query(`SELECT setseed(0.42)`);
  const users = (await client.query(`SELECT id FROM users WHERE role = 'salesperson' ORDER BY email`)).rows.map((r) => r.id);
  const adminId = (await client.query(`SELECT id FROM users WHERE email = 'admin@example.com'`)).rows[0].id;
  const count = 1 + 2 * MERGE_RUNS;
  const originals = (
    await client.query(
      `SELECT p.id FROM partners p
        WHERE NOT EXISTS (SELECT 1 FROM bench_planted b WHERE b.original_id = p.id OR b.duplicate_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.partner_id = p.id)
        ORDER BY md5(p.id::text || 'merge') LIMIT $1`,
      [count],
    )
  ).rows.map((r) => r.id);
  const pairs = [];
  for (const keep of originals) {
    const dup = (
      await client.query(
        `INSERT INTO partners (id, kind, name, email, phone, website, address_city, address_country, assigned_to_id, is_prospect, is_customer,
                               is_supplier, description, created_at, updated_at, created_by_id)
         SELECT pg_temp.bench_id(now()), kind, upper(name), email, phone, website, address_city, address_country, assigned_to_id, true, false, false,
                'Created again by someone who did not find the first one.', now(), now(), created_by_id
           FROM partners WHERE id = $1 RETURNING id`,
        [keep],
      )
    ).rows[0].id;
    pairs.push({ keep, dup });
  }
  const [capture, ...rest] = pairs;
  const bare = rest.slice(0, MERGE_RUNS);
  const http = rest.slice(MERGE_RUNS);
  const small = { contacts: 2, opportunities: 2, events: 2, quotations: 2, history_entries: 2 };
  const plan = [{ dup: capture.dup, counts: small }, ...[...bare, ...http].map((p) => ({ dup: p.dup, counts: perTable }))];
  const ids = (table) => plan.flatMap((p) => Array(p.counts[table]).fill(p.dup));
  const common = [users, adminId];

  let t = performance.now();
  await client.query(CONTACTS_INSERT, [ids('contacts'), ...common, FIRST_NAMES, LAST_NAMES, JOB_TITLES.filter(Boolean)]);
  const note = (table, n) => console.log(`   ${n.toLocaleString('en')} ${table} inserted in ${sec(t)}`);
  note('contacts', ids('contacts').length);

  t = performance.now();
  const oppOwners = ids('opportunities');
  const openStages = STAGES.filter((s) => !s.startsWith('closed'));
  const stageOf = oppOwners.map((_, k) => openStages[k % openStages.length]);
  const ranks = new Array(oppOwners.length);
  for (const stage of openStages) {
    const slots = stageOf.map((s, k) => (s === stage ? k : -1)).filter((k) => k >= 0);
    const last = (await client.query(`SELECT max(rank) AS r FROM opportunities WHERE stage = $1`, [stage])).rows[0].r;
    const keys = fi.generateNKeysBetween(last, null, slots.length);
    slots.forEach((slot, k) => (ranks[slot] = keys[k]));
  }
  await client.query(OPPORTUNITIES_INSERT, [oppOwners, stageOf, ranks, ...common]);
  note('opportunities', oppOwners.length);

  t = performance.now();
  await client.query(EVENTS_INSERT, [ids('events'), ...common, EVENT_SUBJECTS]);
  note('events', ids('events').length);
  t = performance.now();
  await client.query(QUOTATIONS_INSERT, [ids('quotations'), ...common]);
  note('quotations', ids('quotations').length);
  t = performance.now();
  await client.query(HISTORY_INSERT, [ids('history_entries'), users]);
  note('history_entries', ids('history_entries').length);
  await settleAfterLoad(db, ['partners', 'contacts', 'opportunities', 'events', 'quotations', 'history_entries']);
  console.log(`   ${count} duplicates to merge and their linked records seeded in ${sec(t0)}`);
  return { capture, bare, http };
}

// $1 owners (a partner id per row), $2 users, $3 admin, $4 first names, $5 last names, $6 job titles
const CONTACTS_INSERT = `
  INSERT INTO contacts (id, first_name, last_name, email, phone, job_title, partner_id, assigned_to_id, created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(s.ts), s.first, s.last,
         lower(translate(s.first || '.' || s.last, 'éèëüïôçÉ ', 'eeeuiocE-')) || s.i || '@' || left(s.owner::text, 8) || '.example',
         '+33 6 ' || lpad(((s.i * 7919) % 100000000)::text, 8, '0'),
         ($6::text[])[1 + s.i % array_length($6::text[], 1)], s.owner, ($2::uuid[])[1 + s.i % array_length($2::uuid[], 1)], s.ts, s.ts, $3::uuid
    FROM (SELECT o.owner, o.i, now() - random() * interval '3 years' AS ts,
                 ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int] AS first,
                 ($5::text[])[1 + floor(random() * array_length($5::text[], 1))::int] AS last
            FROM unnest($1::uuid[]) WITH ORDINALITY AS o(owner, i)) s`;

// $1 owners, $2 stages, $3 ranks (fractional keys after each column's last), $4 users, $5 admin
const OPPORTUNITIES_INSERT = `
  INSERT INTO opportunities (id, name, stage, partner_id, amount, currency, probability, assigned_to_id, created_at, updated_at, created_by_id, rank)
  SELECT pg_temp.bench_id(s.ts), 'Deal ' || s.i, s.stage, s.owner, round((1000 * power(500::float8, random()))::numeric, -1), 'EUR', 20,
         ($4::uuid[])[1 + s.i % array_length($4::uuid[], 1)], s.ts, s.ts, $5::uuid, s.rank
    FROM (SELECT o.*, now() - random() * interval '1 year' AS ts FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS o(owner, stage, rank, i)) s`;

// $1 owners, $2 users, $3 admin, $4 subjects: calls, meetings and tasks over the last 2 years and the next 3 months, no reminders
const EVENTS_INSERT = `
  INSERT INTO events (id, type, status, subject, start_at, end_at, time_zone, assigned_to_id, partner_id, reminders, series_end_at,
                      created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(s.start_at - interval '3 days'), s.type, CASE WHEN s.start_at < now() THEN 'realized' ELSE 'planned' END,
         ($4::text[])[1 + s.i % array_length($4::text[], 1)], s.start_at, s.start_at + interval '30 minutes', 'Europe/Paris',
         ($2::uuid[])[1 + s.i % array_length($2::uuid[], 1)], s.owner, '[]'::jsonb, s.start_at + interval '30 minutes',
         s.start_at - interval '3 days', s.start_at - interval '3 days', $3::uuid
    FROM (SELECT o.owner, o.i, (ARRAY['call', 'meeting', 'task'])[1 + o.i % 3] AS type,
                 date_trunc('hour', now() - interval '2 years' + random() * interval '27 months') AS start_at
            FROM unnest($1::uuid[]) WITH ORDINALITY AS o(owner, i)) s`;

// $1 owners, $2 users, $3 admin: numbered from the API's own sequence (Q00001 …), as QuotationsService numbers them
const QUOTATIONS_INSERT = `
  INSERT INTO quotations (id, number, status, partner_id, currency, assigned_to_id, valid_until, untaxed, tax, total, confirmed_at,
                          created_at, updated_at, created_by_id)
  SELECT pg_temp.bench_id(s.ts), 'Q' || CASE WHEN s.n < 100000 THEN lpad(s.n::text, 5, '0') ELSE s.n::text END, s.status, s.owner, 'EUR',
         ($2::uuid[])[1 + s.i % array_length($2::uuid[], 1)], (s.ts + interval '30 days')::date, s.untaxed, round(s.untaxed * 0.2, 2),
         round(s.untaxed * 1.2, 2), CASE WHEN s.status = 'confirmed' THEN s.ts + interval '5 days' END, s.ts, s.ts, $3::uuid
    FROM (SELECT o.owner, o.i, nextval('quotation_number_seq') AS n, now() - random() * interval '2 years' AS ts,
                 (ARRAY['draft', 'sent', 'confirmed', 'cancelled'])[1 + o.i % 4] AS status, round((500 + random() * 50000)::numeric, 2) AS untaxed
            FROM unnest($1::uuid[]) WITH ORDINALITY AS o(owner, i)) s`;

// $1 owners, $2 users: a partner's timeline
const HISTORY_INSERT = `
  INSERT INTO history_entries (id, subject_type, subject_id, kind, summary, data, actor_id, occurred_at)
  SELECT pg_temp.bench_id(s.ts), 'partner', s.owner, s.kind, s.summary, '{}'::jsonb, ($2::uuid[])[1 + s.i % array_length($2::uuid[], 1)], s.ts
    FROM (SELECT o.owner, o.i, now() - random() * interval '3 years' AS ts,
                 (ARRAY['created', 'updated', 'email_sent', 'note'])[1 + o.i % 4] AS kind,
                 (ARRAY['Partner created', 'Partner updated', 'Email sent', 'Note added'])[1 + o.i % 4] AS summary
            FROM unnest($1::uuid[]) WITH ORDINALITY AS o(owner, i)) s`;

/** The merge's statements from the built service: its transaction is rolled back (the capture's duplicate stays). */
async function captureMerge(services, target) {
  await services.ready;
  const ROLLBACK = new Error('bench: rolled back after capture');
  const admin = (await services.ds.query(`SELECT id FROM users WHERE email = 'admin@example.com'`))[0];
  const realTransaction = services.ds.transaction.bind(services.ds);
  services.ds.transaction = (fn) =>
    realTransaction(async (manager) => {
      await fn(manager);
      throw ROLLBACK;
    });
  try {
    const { statements } = await capture(services, async () => {
      try {
        await services.merge.merge({ entity: 'partners', keepId: target.keep, mergeIds: [target.dup] }, { id: admin.id, role: 'admin' });
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
    });
    return statements.map((s) => ({ sql: s.sql, params: s.params }));
  } finally {
    services.ds.transaction = realTransaction;
  }
}

/** The same transaction written out: the reassign() of each module, absorbMerged, the timeline entry. */
function handWrittenMerge(target) {
  const set = (table, column) => ({
    sql: `UPDATE "${table}" SET "${column}" = $1, "version" = version + 1, "updated_at" = CURRENT_TIMESTAMP WHERE "${column}" IN ($2)`,
    params: [target.keep, target.dup],
  });
  return [
    { sql: `SELECT * FROM partners WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`, params: [target.keep, target.dup] },
    set('contacts', 'partner_id'),
    set('leads', 'partner_id'),
    set('opportunities', 'partner_id'),
    set('quotations', 'partner_id'),
    set('events', 'partner_id'),
    { sql: `UPDATE outbound_emails SET subject_id = $1 WHERE subject_type = 'partner' AND subject_id IN ($2)`, params: [target.keep, target.dup] },
    { sql: `UPDATE history_entries SET subject_id = $1 WHERE subject_type = 'partner' AND subject_id IN ($2)`, params: [target.keep, target.dup] },
    { sql: `UPDATE partners SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = $1`, params: [target.keep] },
    { sql: `DELETE FROM partners WHERE id IN ($1)`, params: [target.dup] },
    {
      sql: `INSERT INTO history_entries (id, subject_type, subject_id, kind, summary, data, actor_id, occurred_at) VALUES (gen_random_uuid(), 'partner', $1, 'merged', 'Merged', '{}', NULL, now())`,
      params: [target.keep],
    },
  ];
}

/** A captured statement for another (keep, dup) pair: the captured ids replaced wherever a parameter holds them. */
function retarget(statement, from, to) {
  const swap = (value) => (typeof value === 'string' ? value.replaceAll(from.keep, to.keep).replaceAll(from.dup, to.dup) : value);
  return { sql: statement.sql, params: statement.params.map((p) => (Array.isArray(p) ? p.map(swap) : swap(p))) };
}

function statementLabel(sql) {
  const s = oneLine(sql);
  const m = s.match(/^(UPDATE|DELETE FROM|INSERT INTO)\s+"?(\w+)"?/i) ?? s.match(/^(SELECT).*?FROM\s+"?(\w+)"?/i);
  return m ? `${m[1].split(' ')[0].toLowerCase()} ${m[2]}` : s.slice(0, 30);
}

/** The merge's statements on the bare client in one transaction, rolled back: each one's time, the UPDATEs' and the whole. */
async function bareMerge(db, statements, from, to) {
  const client = await db.connect();
  const steps = [];
  const t0 = performance.now();
  try {
    await client.query('BEGIN');
    for (const [index, s] of statements.entries()) {
      const stmt = retarget(s, from, to);
      const t = performance.now();
      const res = await client.query(stmt.sql, stmt.params);
      steps.push({ index, label: statementLabel(s.sql), ms: performance.now() - t, rows: res.rowCount });
    }
    await client.query('ROLLBACK');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { total: performance.now() - t0, updates: steps.filter((s) => s.label.startsWith('update')).reduce((n, s) => n + s.ms, 0), steps };
}

async function linkedIds(db, dup) {
  const q = async (sql) => (await db.query(sql, [dup])).rows.map((r) => r.id);
  return {
    contacts: await q(`SELECT id FROM contacts WHERE partner_id = $1`),
    opportunities: await q(`SELECT id FROM opportunities WHERE partner_id = $1`),
    events: await q(`SELECT id FROM events WHERE partner_id = $1`),
    quotations: await q(`SELECT id FROM quotations WHERE partner_id = $1`),
    history_entries: await q(`SELECT id FROM history_entries WHERE subject_type = 'partner' AND subject_id = $1`),
  };
}

/** One merge through the API, then where every record linked to the duplicate is now. */
async function apiMerge(db, auth, target) {
  const before = await linkedIds(db, target.dup);
  const expected = Object.values(before).reduce((n, ids) => n + ids.length, 0);
  const t = performance.now();
  const res = await request('POST', `${API}/duplicates/merge`, { body: { entity: 'partners', keepId: target.keep, mergeIds: [target.dup] }, headers: auth });
  const elapsed = performance.now() - t;
  if (res.status !== 200) return { elapsed, status: res.status, expected, verified: false, detail: res.body.toString().slice(0, 300) };
  const kept = JSON.parse(res.body);
  const column = { contacts: 'partner_id', opportunities: 'partner_id', events: 'partner_id', quotations: 'partner_id', history_entries: 'subject_id' };
  const moved = {};
  for (const [table, ids] of Object.entries(before)) {
    moved[table] = (
      await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[]) AND ${column[table]} = $2`, [ids, target.keep])
    ).rows[0].n;
  }
  const left = (
    await db.query(
      `SELECT (SELECT count(*) FROM partners WHERE id = $1) + (SELECT count(*) FROM contacts WHERE partner_id = $1)
            + (SELECT count(*) FROM opportunities WHERE partner_id = $1) + (SELECT count(*) FROM events WHERE partner_id = $1)
            + (SELECT count(*) FROM quotations WHERE partner_id = $1)
            + (SELECT count(*) FROM history_entries WHERE subject_type = 'partner' AND subject_id = $1) AS n`,
      [target.dup],
    )
  ).rows[0].n;
  const merged = (
    await db.query(`SELECT count(*)::int AS n FROM history_entries WHERE subject_type = 'partner' AND subject_id = $1 AND kind = 'merged'`, [target.keep])
  ).rows[0].n;
  const total = Object.values(moved).reduce((n, x) => n + x, 0);
  const verified = kept.id === target.keep && total === expected && Number(left) === 0 && merged >= 1;
  const detail = `${Object.entries(moved)
    .map(([table, n]) => `${table} ${n}/${before[table].length}`)
    .join(', ')}; rows left on the duplicate ${left}; 'merged' timeline entries ${merged}`;
  return { elapsed, status: res.status, expected, verified, detail };
}

async function explainMerge(db, statements, from, to, which) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    for (const [index, s] of statements.entries()) {
      const stmt = retarget(s, from, to);
      if (!which.has(index)) {
        await client.query(stmt.sql, stmt.params);
        continue;
      }
      const { lines, indexes } = await explainAnalyze(client, stmt.sql, stmt.params);
      const time = lines.find((l) => /^Execution Time/.test(l));
      console.log(`\n   -- ${statementLabel(s.sql)}: ${indexes.length ? `index ${indexes.join(', ')}` : 'no index'}; ${time ?? ''}`);
      for (const l of shortPlan(lines, 20)) console.log(`      ${clip(l)}`);
    }
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

async function cleanUpTargets(db, targets) {
  const dups = targets.map((t) => t.dup);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DELETE FROM contacts WHERE partner_id = ANY($1::uuid[])`, [dups]);
    await client.query(`DELETE FROM opportunities WHERE partner_id = ANY($1::uuid[])`, [dups]);
    await client.query(`DELETE FROM events WHERE partner_id = ANY($1::uuid[])`, [dups]);
    await client.query(`DELETE FROM quotations WHERE partner_id = ANY($1::uuid[])`, [dups]);
    await client.query(`DELETE FROM history_entries WHERE subject_type = 'partner' AND subject_id = ANY($1::uuid[])`, [dups]);
    await client.query(`DELETE FROM partners WHERE id = ANY($1::uuid[])`, [dups]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------- report

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sameIds(a, b) {
  return a.length === b.length && a.every((id, k) => id === b[k]);
}

/** A plan line without the match functions' inlined bodies (the index expressions), at most 220 characters. */
function clip(line) {
  const short = line.replace(/NULLIF\(TRIM\(BOTH FROM regexp_replace\(translate\(lower\((\w+)\),[^)]*\),[^)]*\)\), ''::text\)/g, 'crm_match_text($1)');
  return short.length > 220 ? `${short.slice(0, 220)}…` : short;
}

function oneLine(sql, max = Infinity) {
  const s = sql.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function printResults(report, planted) {
  const { search: s, similar: q, merge: m } = report;
  console.log(`\n== results (medians; one request at a time; bare = the same SQL on a pg client with the API's session options)`);
  console.log(
    `\n1. search by name and email, ${s.rows.toLocaleString('en')} partners, ${planted.length.toLocaleString('en')} planted pairs, limit ${SEARCH_LIMIT}`,
  );
  const rest = s.api - s.read - s.match - s.load;
  printTable(
    ['part', 'ms', 'share of API'],
    [
      [`API POST /duplicates/search (runs ${s.apiRuns.map(ms).join(', ')})`, ms(s.api), '100%'],
      [`  read: bare '${'SELECT id, name AS c0, email AS c1 FROM partners'}' (${s.rows.toLocaleString('en')} rows)`, ms(s.read), pctOf(s.read, s.api)],
      [`  match: in-process findDuplicateGroups (${s.groups.toLocaleString('en')} groups)`, ms(s.match), pctOf(s.match, s.api)],
      [`  records load: bare findByIds of the ${s.loadIds} records shown`, ms(s.load), pctOf(s.load, s.api)],
      [
        `  the rest: entity mapping, JSON (${(s.bytes / 1e6).toFixed(2)} MB; JSON.stringify here ${ms(s.jsonMs)} ms), HTTP` +
          `${rest < 0 ? ' (< 0: the parts ran slower apart)' : ''}`,
        ms(rest),
        pctOf(rest, s.api),
      ],
      [
        'in-process DuplicateSearchService.search (no HTTP, no JSON)',
        s.service === undefined ? '-' : ms(s.service),
        s.service === undefined ? '-' : pctOf(s.service, s.api),
      ],
    ],
  );
  console.log(
    `groups: HTTP total ${s.total.toLocaleString('en')}, in-process ${s.groups.toLocaleString('en')}: ${s.totalMatches ? 'equal' : 'DIFFERENT'}; ` +
      `HTTP's ${s.answered} groups = the in-process first ${s.answered}: ${s.sameOrder ? 'yes' : 'NO'}`,
  );
  console.log(
    `quality over all groups: recall ${s.all.recall.toFixed(4)} (${s.all.found}/${planted.length}), precision ${s.all.precision.toFixed(4)} (${s.all.found} planted of ${s.all.pairs} pairs in groups)`,
  );
  printTable(
    ['form', 'planted', 'found', 'recall'],
    Object.entries(s.all.byForm).map(([form, f]) => [form, String(f.planted), String(f.found), f.planted ? (f.found / f.planted).toFixed(4) : '-']),
  );

  console.log(`\n2. GET /duplicates/similar, ${q.n} requests one at a time (bare: the candidate probe, ${q.source})`);
  printTable(
    ['typed', 'n', 'API p50', 'API p95', 'API p99', 'bare p50', 'bare p95', 'candidates', 'items', 'source found'],
    [
      ...q.perForm.map((f) => [
        f.form,
        String(f.n),
        ms(f.api.p50),
        ms(f.api.p95),
        ms(f.api.p99),
        ms(f.bare.p50),
        ms(f.bare.p95),
        f.candidates.toFixed(1),
        f.items.toFixed(1),
        `${f.hits}/${f.n}`,
      ]),
      ['all', String(q.n), ms(q.api.p50), ms(q.api.p95), ms(q.api.p99), ms(q.bareProbe.p50), ms(q.bareProbe.p95), '', '', ''],
    ],
  );

  console.log(`\n3. POST /duplicates/merge, ${m.links.toLocaleString('en')} linked records (bare: ${m.source})`);
  printTable(
    ['merge', 'ms'],
    [
      [`API (runs ${m.apiRuns.map(ms).join(', ')})`, ms(m.api)],
      ['bare: the whole transaction, rolled back', ms(m.bare)],
      ['bare: its UPDATEs', ms(m.bareUpdates)],
    ],
  );
}

function pctOf(part, whole) {
  return `${((part / whole) * 100).toFixed(0)}%`;
}

function printSummary(report) {
  const { search: s, similar: q, merge: m } = report;
  const line = (ok, text) => console.log(`${ok ? 'MET   ' : 'MISSED'} ${text}`);
  console.log(`\n== goals`);
  line(
    s.api < GOALS.searchMs,
    `search by name and email: ${ms(s.api)} ms (median of ${SEARCH_RUNS}) ${s.api < GOALS.searchMs ? '<' : '>='} ${GOALS.searchMs} ms`,
  );
  line(s.all.recall >= GOALS.recall, `search recall ${s.all.recall.toFixed(4)} ${s.all.recall >= GOALS.recall ? '>=' : '<'} ${GOALS.recall}`);
  line(
    s.all.precision >= GOALS.precision,
    `search precision ${s.all.precision.toFixed(4)} ${s.all.precision >= GOALS.precision ? '>=' : '<'} ${GOALS.precision}`,
  );
  line(
    m.api < GOALS.mergeMs && m.verified,
    `merge of ${m.links.toLocaleString('en')} linked records: ${ms(m.api)} ms (median of ${MERGE_RUNS}) ${m.api < GOALS.mergeMs ? '<' : '>='} ${GOALS.mergeMs} ms; ` +
      `every record on the kept partner: ${m.verified ? 'yes' : 'NO'}`,
  );
  line(q.api.p95 < GOALS.similarP95Ms, `similar p95 ${ms(q.api.p95)} ms ${q.api.p95 < GOALS.similarP95Ms ? '<' : '>='} ${GOALS.similarP95Ms} ms`);
  if (!s.totalMatches) console.log(`NOTE   the search's total (${s.total}) differs from the in-process group count (${s.groups})`);
  const summary = {
    bench: 'duplicates',
    partners: s.rows,
    planted: s.all.byForm ? Object.values(s.all.byForm).reduce((n, f) => n + f.planted, 0) : 0,
    searchMs: round1(s.api),
    searchRunsMs: s.apiRuns.map(round1),
    searchReadMs: round1(s.read),
    searchMatchMs: round1(s.match),
    searchLoadMs: round1(s.load),
    searchServiceMs: s.service === undefined ? null : round1(s.service),
    searchBytes: s.bytes,
    groupsHttp: s.total,
    groupsInProcess: s.groups,
    recall: s.all.recall,
    precision: s.all.precision,
    recallByForm: Object.fromEntries(Object.entries(s.all.byForm).map(([f, x]) => [f, x.planted ? x.found / x.planted : null])),
    similarP50Ms: round1(q.api.p50),
    similarP95Ms: round1(q.api.p95),
    similarP99Ms: round1(q.api.p99),
    similarByForm: Object.fromEntries(q.perForm.map((f) => [f.form, { p50: round1(f.api.p50), p95: round1(f.api.p95), bareP95: round1(f.bare.p95) }])),
    similarBareProbeP95Ms: round1(q.bareProbe.p95),
    mergeMs: round1(m.api),
    mergeRunsMs: m.apiRuns.map(round1),
    mergeBareMs: round1(m.bare),
    mergeBareUpdatesMs: round1(m.bareUpdates),
    mergeVerified: m.verified,
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  console.log(`\nSUMMARY ${JSON.stringify(summary)}`);
}

function loadText() {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}

function round1(x) {
  return Math.round(x * 10) / 10;
}
