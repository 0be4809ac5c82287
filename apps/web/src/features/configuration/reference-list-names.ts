/** The admin-managed lists, by URL segment (the same as the API's). Kept apart so the router imports no page code. */
export const REFERENCE_LIST_NAMES = ['lead-sources', 'lost-reasons', 'event-categories', 'opportunity-types'] as const;
export type ReferenceListName = (typeof REFERENCE_LIST_NAMES)[number];
