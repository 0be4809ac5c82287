import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';

import { foldTokens } from './fold-text';
import { companyNameTokens, withoutConnectors } from './legal-forms';
import type { MatchKind, MatchOptions } from './match-types';

/**
 * The comparable form of a raw value: two values that mean the same normalize equal. Null when the
 * value is blank or cannot be read as its kind (a phone number that is no possible number, an email
 * without its @): such a value takes no part in a match, as if blank. Never throws.
 *
 * Names and text are lower case words without accents or punctuation, joined by single spaces (the words
 * are kept apart so that names can also be compared word by word). Company names also lose their legal
 * forms ("SARL", "GmbH", "Inc.", see legal-forms.ts) and, like person names, the words that join names
 * ("&", "and", "et", "und"): dropped rather than turned into "and", which would still tell "Dupont & Fils"
 * from "Dupont et Fils".
 */
export function normalizeValue(kind: MatchKind, raw: string | null | undefined, options: MatchOptions): string | null {
  if (raw === null || raw === undefined) return null;
  switch (kind) {
    case 'companyName':
      return joined(companyNameTokens(foldTokens(raw)));
    case 'personName':
      return joined(withoutConnectors(foldTokens(raw)));
    case 'text':
      return joined(foldTokens(raw));
    case 'email':
      return normalizeEmail(raw);
    case 'phone':
      return normalizePhone(raw, options);
    case 'website':
      return normalizeWebsite(raw);
    case 'postalCode':
      // postal codes are letters and digits everywhere ("SW1A 1AA", "00-950"): the rest is layout
      return raw.replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase() || null;
  }
}

function joined(tokens: readonly string[]): string | null {
  return tokens.length > 0 ? tokens.join(' ') : null;
}

/**
 * Lower case (mail providers ignore the case of the local part in practice) and without plus-addressing
 * ("john+crm@" is john's mailbox), so the same person's addresses compare equal.
 */
function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@') || /[\s\p{Cc}]/u.test(email)) return null;
  const end = email.endsWith('.') ? email.length - 1 : email.length;
  const domain = email.slice(at + 1, end);
  if (domain === '' || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) return null;
  const plus = email.indexOf('+');
  // "+tag@domain" has nothing before the tag: kept as written rather than made empty
  return plus > 0 && plus < at ? email.slice(0, plus) + email.slice(at, end) : email.slice(0, end);
}

/** E.164 ("+33123456789"); an extension is left out, as it reaches the same line. */
function normalizePhone(raw: string, options: MatchOptions): string | null {
  const text = raw.trim();
  if (text === '') return null;
  let phone = parsePhone(text, options);
  // "0033…" is how Europe dials abroad, and is common in imported data whatever the CRM's country is
  if (!phone?.isPossible() && text.startsWith('00')) phone = parsePhone(`+${text.slice(2)}`, options);
  return phone?.isPossible() ? phone.number : null;
}

function parsePhone(text: string, options: MatchOptions): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, options.defaultCountry);
  } catch {
    // the parser reports bad input as undefined; this guards the "never throws" promise against surprises
    return undefined;
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The host alone: people write the same site as "acme.com", "www.acme.com" and "https://www.acme.com/en/".
 * Other subdomains are kept (a shop's "eu.acme.com" is not the company's site). A host that is no
 * domain name (no dot, an IP address, "n/a") is junk.
 */
function normalizeWebsite(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(SCHEME.test(text) ? text : `http://${text.replace(/^\/\//, '')}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
  const labels = host.split('.');
  if (labels.length < 2 || labels.includes('') || !/[a-z]/.test(labels[labels.length - 1])) return null;
  return host;
}
