import { Badge } from '@mantine/core';
import { LEAD_STATUSES, type LeadStatus } from '@crm/domain';

const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  converted: 'Converted',
  lost: 'Lost',
};

const COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'yellow',
  converted: 'green',
  lost: 'gray',
};

export const LEAD_STATUS_OPTIONS = LEAD_STATUSES.map((status) => ({ value: status, label: LEAD_STATUS_LABELS[status] }));

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    // Sentence case and never narrower than its text: a table column must not cut "In progress" short.
    <Badge color={COLORS[status]} variant="light" tt="none" miw="max-content" style={{ overflow: 'visible' }} data-testid="lead-status">
      {LEAD_STATUS_LABELS[status]}
    </Badge>
  );
}
