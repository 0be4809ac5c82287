/** Lead statuses, in the order a lead normally moves through them. */
export const LEAD_STATUSES = ['new', 'assigned', 'in_progress', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A lead is open until it is converted or lost. */
export function isOpenLeadStatus(status: LeadStatus): boolean {
  return status !== 'converted' && status !== 'lost';
}
