import type { components, operations } from '../../../api/schema';

export type SimilarEntity = components['schemas']['MergeDuplicatesDto']['entity'];
export type SimilarQuery = operations['Duplicates_similar']['parameters']['query'];
export type SimilarRecordView = components['schemas']['SimilarRecordView'];

interface RecordOfEntity {
  leads: components['schemas']['Lead'];
  partners: components['schemas']['Partner'];
  contacts: components['schemas']['Contact'];
}

/** One existing record like the one being typed, with how alike (0 to 1). */
export interface SimilarRecord<E extends SimilarEntity> {
  score: number;
  record: RecordOfEntity[E];
}

/** The fields `GET /duplicates/similar` compares each entity on; any other field is refused (400). */
export const SIMILAR_FIELDS = {
  partners: ['name', 'firstName', 'email', 'phone', 'mobilePhone', 'website'],
  contacts: ['name', 'firstName', 'lastName', 'email', 'phone', 'mobilePhone'],
  leads: ['name', 'firstName', 'lastName', 'companyName', 'email', 'phone', 'mobilePhone', 'website'],
} as const satisfies Record<SimilarEntity, readonly (keyof SimilarQuery)[]>;

export type SimilarField<E extends SimilarEntity> = (typeof SIMILAR_FIELDS)[E][number];

/** What a form has typed, as its values come (strings, null, anything else ignored). */
export type SimilarValues<E extends SimilarEntity> = Partial<Record<SimilarField<E>, unknown>>;

/** Fewer letters than this name too many records to be worth a lookup. */
export const MIN_NAME_LENGTH = 3;
/** Fewer digits than this are a phone number still being typed (phones match whole, after normalisation). */
const MIN_PHONE_DIGITS = 6;
const NAME_FIELDS: ReadonlySet<string> = new Set(['name', 'firstName', 'lastName', 'companyName']);
/** Emails match whole: only one that looks complete is sent. */
const COMPLETE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** A host with a dot and a top-level domain ("acme.fr", "https://www.acme.fr/about"). */
const COMPLETE_WEBSITE = /[^\s./]\.[a-z]{2,}(?:[/:?#]|$)/i;

/** The value worth sending for a field, or null while it cannot match anything yet. */
function usableValue(field: string, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (NAME_FIELDS.has(field)) return text.replace(/\s/g, '').length >= MIN_NAME_LENGTH ? text : null;
  if (field === 'email') return COMPLETE_EMAIL.test(text) ? text : null;
  if (field === 'phone' || field === 'mobilePhone') return text.replace(/\D/g, '').length >= MIN_PHONE_DIGITS ? text : null;
  if (field === 'website') return COMPLETE_WEBSITE.test(text) ? text : null;
  return text || null;
}

/**
 * The query of `GET /duplicates/similar` for what is typed, or null when nothing
 * typed can point at a record yet: only the entity's compared fields, each once
 * usable (a name from 3 letters, a complete email or website, a phone from 6
 * digits). A first name alone finds nothing: the API looks people up by their
 * full name, which needs the last name.
 */
export function similarQuery<E extends SimilarEntity>(entity: E, values: SimilarValues<E>, excludeId?: string): SimilarQuery | null {
  const query: SimilarQuery = { entity };
  let finds = false;
  for (const field of SIMILAR_FIELDS[entity] as readonly SimilarField<E>[]) {
    const value = usableValue(field, values[field]);
    if (value === null) continue;
    query[field] = value;
    if (field !== 'firstName') finds = true;
  }
  if (!finds) return null;
  if (excludeId) query.excludeId = excludeId;
  return query;
}
