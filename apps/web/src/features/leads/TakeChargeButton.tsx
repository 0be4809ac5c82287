import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { leadTransition } from '@crm/domain';
import { errorMessage } from '../../api/problem';
import { fullName } from './lead-fields';
import { useAssignLead, type Lead } from './lead-actions';

/** Whether "Take charge" applies: an open lead someone else (or nobody) has. */
export function canTakeCharge(lead: Pick<Lead, 'status' | 'assignedToId'>, meId: string): boolean {
  return leadTransition(lead.status, 'assign').allowed && lead.assignedToId !== meId;
}

/** Self-assigns the lead in one click and says how it went. */
export function useTakeCharge() {
  const assign = useAssignLead();
  const takeCharge = (lead: Lead) =>
    assign.mutate(
      { id: lead.id },
      {
        onSuccess: () => notifications.show({ color: 'green', message: `${fullName(lead)} is now yours` }),
        onError: (error) => notifications.show({ color: 'red', title: `${fullName(lead)} could not be taken`, message: errorMessage(error) }),
      },
    );
  return { takeCharge, pendingId: assign.isPending ? assign.variables.id : null };
}

/** The list's one-click row button. */
export function TakeChargeButton({ lead, onClick, loading }: { lead: Lead; onClick: (lead: Lead) => void; loading: boolean }) {
  return (
    <Button size="xs" variant="light" onClick={() => onClick(lead)} loading={loading}>
      Take charge
    </Button>
  );
}
