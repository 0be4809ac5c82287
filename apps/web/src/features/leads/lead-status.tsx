import { Badge } from '@mantine/core';
import { LEAD_STATUSES, type LeadStatus } from '@crm/domain';

const LABELS: Record<LeadStatus, string> = {
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

export const LEAD_STATUS_OPTIONS = LEAD_STATUSES.map((status) => ({ value: status, label: LABELS[status] }));

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light">
      {LABELS[status]}
    </Badge>
  );
}
