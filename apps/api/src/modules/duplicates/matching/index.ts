// The matching rules of the duplicates module: pure functions, no database.
export { blockingKeys } from './blocking-keys';
export { comparePair, normalizeRecord } from './compare-records';
export { findDuplicateGroups } from './duplicate-groups';
export { fieldSimilarity } from './field-similarity';
export type { DuplicateGroup, FieldSpec, MatchKind, MatchOptions, MatchRecord, NormalizedRecord } from './match-types';
export { normalizeValue } from './normalize-value';
export { rankSimilar } from './rank-similar';
