import { v7 } from 'uuid';

/** Time-ordered UUIDs (version 7) keep inserts local in the primary-key index. */
export function newId(): string {
  return v7();
}
