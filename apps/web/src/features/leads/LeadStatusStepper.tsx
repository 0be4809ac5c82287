import { Stepper } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { LeadStatus } from '@crm/domain';

/** The step a status stands at; a closed lead (converted or lost) has completed them all. */
const ACTIVE_STEP: Record<LeadStatus, number> = { new: 0, assigned: 1, in_progress: 2, converted: 4, lost: 4 };

/** Where the lead is on its way: new → assigned → in progress → converted or lost. Read-only: buttons move it. */
export function LeadStatusStepper({ status }: { status: LeadStatus }) {
  const lost = status === 'lost';
  return (
    <Stepper active={ACTIVE_STEP[status]} size="sm" allowNextStepsSelect={false} aria-label="Lead status" wrap>
      <Stepper.Step label="New" />
      <Stepper.Step label="Assigned" />
      <Stepper.Step label="In progress" />
      <Stepper.Step label={lost ? 'Lost' : 'Converted'} color={lost ? 'red' : 'green'} completedIcon={lost ? <IconX size={16} /> : undefined} />
    </Stepper>
  );
}
