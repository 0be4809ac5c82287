import { Badge } from '@mantine/core';
import type { QuotationStatus } from '@crm/domain';

const STATUSES: Record<QuotationStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  sent: { label: 'Sent', color: 'blue' },
  confirmed: { label: 'Confirmed', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export function QuotationStatusBadge({ status }: { status: QuotationStatus }) {
  return (
    <Badge color={STATUSES[status].color} variant="light" tt="none" data-testid="quotation-status">
      {STATUSES[status].label}
    </Badge>
  );
}
