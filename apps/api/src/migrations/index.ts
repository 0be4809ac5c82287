import { Foundation1764300000000 } from './1764300000000-foundation';

/** Every migration, oldest first. Landed migrations are never rewritten. */
export const MIGRATIONS = [Foundation1764300000000];
