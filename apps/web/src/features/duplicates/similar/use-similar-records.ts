import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { similarQuery, type SimilarEntity, type SimilarQuery, type SimilarRecord, type SimilarValues } from './similar-query';

export const SIMILAR_PATH = '/api/v1/duplicates/similar';
/** How long typing pauses before asking: one lookup per pause, not per key. */
export const SIMILAR_DELAY_MS = 300;

async function fetchSimilar(query: SimilarQuery) {
  return unwrap(await client.GET(SIMILAR_PATH, { params: { query } })).items;
}

interface SimilarOptions {
  /** The record being edited, never its own lookalike. */
  excludeId?: string;
  /** false: no lookup, no items (the form is not creating one of these). */
  enabled?: boolean;
}

/**
 * Existing records like the one being typed, best first, for a "this looks
 * like an existing record" warning. Waits for typing to pause, asks nothing
 * until a value can match (see similarQuery), and keeps the last answer while
 * the next one loads so the warning does not flicker. A failed lookup shows
 * nothing: the warning is a help, saving never depends on it.
 */
export function useSimilarRecords<E extends SimilarEntity>(entity: E, values: SimilarValues<E>, { excludeId, enabled = true }: SimilarOptions = {}) {
  const query = enabled ? similarQuery(entity, values, excludeId) : null;
  // A string, so the delay restarts only when the query itself changes, not on every render.
  const [debounced] = useDebouncedValue(query ? JSON.stringify(query) : '', SIMILAR_DELAY_MS);
  const asked = debounced ? (JSON.parse(debounced) as SimilarQuery) : null;
  const result = useQuery({
    queryKey: [SIMILAR_PATH, asked],
    queryFn: () => (asked ? fetchSimilar(asked) : Promise.resolve([])),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
    // A record created a moment ago must show up the next time its values are typed.
    staleTime: 0,
  });
  // Once nothing usable is typed any more, the warning goes at once rather than after the delay.
  const items = query && asked && result.data ? (result.data as SimilarRecord<E>[]) : [];
  return { items, isFetching: result.isFetching };
}
