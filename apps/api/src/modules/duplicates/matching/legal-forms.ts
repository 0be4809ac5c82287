/**
 * Legal forms, written without dots or spaces: a company's name is compared without them, since the
 * same company is entered as "Acme", "ACME SARL" and "Acme S.A.R.L.". Several words are joined before the
 * lookup, so the spaced forms ("S. A. R. L.", "sp. z o.o.", "S.A. de C.V.") are found too.
 */
const LEGAL_FORMS = new Set([
  // France, Belgium, Luxembourg, Switzerland
  ...['sa', 'sarl', 'sas', 'sasu', 'eurl', 'snc', 'sci', 'scs', 'sca', 'scop', 'scm', 'selarl', 'selas', 'gie', 'cie', 'sprl', 'srl', 'scrl', 'asbl'],
  // Germany, Austria
  ...['gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'ug', 'gbr', 'ev', 'se'],
  // English-speaking countries
  ...['inc', 'incorporated', 'ltd', 'limited', 'llc', 'pllc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co', 'company', 'pty'],
  // Italy, Spain, Portugal, Latin America
  ...['spa', 'srls', 'sapa', 'sl', 'slu', 'sll', 'sau', 'lda', 'ltda', 'sadecv'],
  // Netherlands, Flanders, the Nordic countries, Central Europe
  ...['bv', 'nv', 'bvba', 'vof', 'vzw', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'spzoo', 'sro'],
]);

/**
 * The legal forms also written before the name ("SARL Acme", "AB Volvo"). The others are only removed at
 * the end: a leading "Co" is more often a word ("Co-op Food") than a legal form.
 */
const LEADING_LEGAL_FORMS = new Set(['sa', 'sarl', 'sas', 'sasu', 'eurl', 'snc', 'sci', 'selarl', 'ab', 'oy', 'oyj', 'as', 'asa', 'bv', 'nv']);

/** "&", "and", "et", "und" join names in different languages; "&" is already gone as punctuation. */
const CONNECTORS = new Set(['and', 'et', 'und']);

/** The most words one legal form is written with ("s a r l", "s a de c v"). */
const LONGEST_FORM = 5;

/** The name's words without its legal forms, and without connectors ("Dupont & Fils" is "Dupont et Fils"). */
export function companyNameTokens(tokens: readonly string[]): string[] {
  let words = withoutConnectors(tokens);
  // a name that is only a legal form ("SARL") keeps it: it is all there is to compare
  for (let found = true; found && words.length > 1;) {
    const trailing = legalFormLength(words, 'end', LEGAL_FORMS);
    const leading = trailing === 0 ? legalFormLength(words, 'start', LEADING_LEGAL_FORMS) : 0;
    found = trailing + leading > 0;
    words = words.slice(leading, words.length - trailing);
  }
  return words;
}

/** The words without connectors, unless nothing else is left. */
export function withoutConnectors(tokens: readonly string[]): string[] {
  const words = tokens.filter((token) => !CONNECTORS.has(token));
  return words.length > 0 ? words : [...tokens];
}

/** How many words at that end of `words` spell a legal form (the longest), leaving at least one word; 0 when none. */
function legalFormLength(words: readonly string[], end: 'start' | 'end', forms: ReadonlySet<string>): number {
  let found = 0;
  let spelled = '';
  const most = Math.min(LONGEST_FORM, words.length - 1);
  for (let count = 1; count <= most; count++) {
    spelled = end === 'end' ? words[words.length - count] + spelled : spelled + words[count - 1];
    if (forms.has(spelled)) found = count;
  }
  return found;
}
