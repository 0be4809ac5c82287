import type { CountryCode } from 'libphonenumber-js';

/** How a field's values are read and compared: each kind has its own idea of "the same value". */
export type MatchKind = 'companyName' | 'personName' | 'text' | 'email' | 'phone' | 'website' | 'postalCode';

export interface MatchOptions {
  /** The country a phone number written without a country code is read in (the CRM's country). */
  defaultCountry: CountryCode;
}

/** One field taking part in a match: `field` names the value in `MatchRecord.values`. */
export interface FieldSpec {
  field: string;
  kind: MatchKind;
}

/** A lead, partner or contact as the matching sees it: its id and its raw values, keyed by `FieldSpec.field`. */
export interface MatchRecord {
  id: string;
  values: Readonly<Record<string, string | null | undefined>>;
}

/**
 * A record's comparable values, computed once by `normalizeRecord`. `values` is positional, in the order
 * of the `FieldSpec[]` it was normalized with (arrays keep the hot comparison loop cheap), so it is only
 * meaningful with those same fields.
 */
export interface NormalizedRecord {
  id: string;
  values: readonly (string | null)[];
}

/** Records found to be the same thing: `ids` sorted, `score` in (0, 1] with 3 decimals. */
export interface DuplicateGroup {
  score: number;
  ids: string[];
}
