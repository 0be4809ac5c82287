/** Event types of the contract; event categories are attached to one of them. */
export const EVENT_TYPES = ['call', 'meeting', 'task', 'event'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
