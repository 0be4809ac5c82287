/** Lead statuses, in the order a lead normally moves through them. */
export const LEAD_STATUSES = ['new', 'assigned', 'in_progress', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** The actions that change a lead's status; `status` is never set directly. */
export const LEAD_ACTIONS = ['assign', 'start', 'lose', 'recycle', 'convert'] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

/** A lead is open until it is converted or lost. */
export function isOpenLeadStatus(status: LeadStatus): boolean {
  return status !== 'converted' && status !== 'lost';
}

export type LeadTransition = { allowed: true; status: LeadStatus } | { allowed: false; reason: string };

/**
 * The lead status machine of the contract:
 * assign: new → assigned (an assigned or in-progress lead keeps its status, only the assignee changes);
 * start: new | assigned → in_progress; lose: any open status → lost;
 * recycle: lost → in_progress; convert: any open status → converted.
 */
export function leadTransition(status: LeadStatus, action: LeadAction): LeadTransition {
  const refuse = (reason: string): LeadTransition => ({ allowed: false, reason });
  switch (action) {
    case 'assign':
      if (!isOpenLeadStatus(status)) return refuse(`A ${status} lead cannot be assigned.`);
      return { allowed: true, status: status === 'new' ? 'assigned' : status };
    case 'start':
      if (status === 'new' || status === 'assigned') return { allowed: true, status: 'in_progress' };
      return refuse(status === 'in_progress' ? 'The lead is already in progress.' : `A ${status} lead cannot be started.`);
    case 'lose':
      if (!isOpenLeadStatus(status)) return refuse(`A ${status} lead cannot be lost.`);
      return { allowed: true, status: 'lost' };
    case 'recycle':
      if (status !== 'lost') return refuse('Only a lost lead can be recycled.');
      return { allowed: true, status: 'in_progress' };
    case 'convert':
      if (status === 'converted') return refuse('The lead is already converted.');
      if (status === 'lost') return refuse('A lost lead cannot be converted; recycle it first.');
      return { allowed: true, status: 'converted' };
  }
}

/** Days without a change after which an open lead is flagged in lists. */
export const LEAD_STALE_DAYS = 15;

export type LeadHighlight = 'untouched' | 'new' | 'stale' | 'converted' | null;

/**
 * The list colour of a lead (Axelor's lead grid, first matching rule wins):
 * untouched (orange): new, unassigned and created 15+ days ago; new (blue);
 * stale (red): assigned or in progress and not changed for 15+ days;
 * converted (green); lost: no colour.
 */
export function leadHighlight(
  lead: { status: LeadStatus; assignedToId: string | null; createdAt: string | Date; updatedAt: string | Date },
  now: Date = new Date(),
): LeadHighlight {
  const ageDays = (at: string | Date) => (now.getTime() - new Date(at).getTime()) / 86_400_000;
  if (lead.status === 'new' && !lead.assignedToId && ageDays(lead.createdAt) >= LEAD_STALE_DAYS) return 'untouched';
  if (lead.status === 'new') return 'new';
  if ((lead.status === 'assigned' || lead.status === 'in_progress') && ageDays(lead.updatedAt) >= LEAD_STALE_DAYS) return 'stale';
  if (lead.status === 'converted') return 'converted';
  return null;
}
