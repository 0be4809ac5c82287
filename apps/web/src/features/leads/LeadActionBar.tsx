import { Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { leadTransition, type LeadAction } from '@crm/domain';
import { IconArrowBackUp, IconPlayerPlay, IconThumbDown, IconTransfer, IconUserCheck, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/problem';
import { ActionButton } from '../../ui/ActionButton';
import { SendEmailAction } from '../../ui/email/SendEmailAction';
import { PrintButton } from '../../ui/files/FileActions';
import { NewEventButton } from '../events/RecordEvents';
import { AssignDialog } from './AssignDialog';
import { ConvertDialog } from './ConvertDialog';
import { fullName, LEADS_PATH } from './lead-fields';
import { useRecycleLead, useStartLead, type ConversionResult, type Lead } from './lead-actions';
import { LoseDialog } from './LoseDialog';
import { canTakeCharge, useTakeCharge } from './TakeChargeButton';

type Dialog = 'assign' | 'lose' | 'convert' | null;

/** Why an action is not available in the lead's status, from the shared status machine. */
function refusal(lead: Lead, action: LeadAction): string | null {
  const transition = leadTransition(lead.status, action);
  return transition.allowed ? null : transition.reason;
}

/** Notifies the outcome of a one-click action (start, recycle). */
function notifyOutcome(done: string) {
  return {
    onSuccess: () => notifications.show({ color: 'green', message: done }),
    onError: (error: unknown) => notifications.show({ color: 'red', title: 'Refused', message: errorMessage(error) }),
  };
}

/** Every action on a lead, each enabled by the status machine and saying why when it is not. */
export function LeadActionBar({ lead, meId }: { lead: Lead; meId: string }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const start = useStartLead();
  const recycle = useRecycleLead();
  const { takeCharge, pendingId } = useTakeCharge();
  const close = () => setDialog(null);
  const name = fullName(lead);

  const converted = (result: ConversionResult) => {
    close();
    notifications.show({ color: 'green', title: 'Lead converted', message: `${name} is now ${result.partner.name}` });
    void navigate(`/partners/${result.partner.id}`);
  };
  const takeChargeRefusal = refusal(lead, 'assign') ?? (canTakeCharge(lead, meId) ? null : 'The lead is already yours.');

  return (
    <>
      <Group gap="xs" wrap="wrap">
        <ActionButton variant="default" leftSection={<IconUserShare size={16} />} disabledReason={refusal(lead, 'assign')} onClick={() => setDialog('assign')}>
          Assign…
        </ActionButton>
        <ActionButton
          variant="default"
          leftSection={<IconUserCheck size={16} />}
          disabledReason={takeChargeRefusal}
          loading={pendingId === lead.id}
          onClick={() => takeCharge(lead)}
        >
          Take charge
        </ActionButton>
        <ActionButton
          variant="default"
          leftSection={<IconPlayerPlay size={16} />}
          disabledReason={refusal(lead, 'start')}
          loading={start.isPending}
          onClick={() => start.mutate(lead.id, notifyOutcome(`${name} is in progress`))}
        >
          Start
        </ActionButton>
        <ActionButton
          variant="default"
          color="red"
          leftSection={<IconThumbDown size={16} />}
          disabledReason={refusal(lead, 'lose')}
          onClick={() => setDialog('lose')}
        >
          Lose…
        </ActionButton>
        <ActionButton
          variant="default"
          leftSection={<IconArrowBackUp size={16} />}
          disabledReason={refusal(lead, 'recycle')}
          loading={recycle.isPending}
          onClick={() => recycle.mutate(lead.id, notifyOutcome(`${name} is back in progress`))}
        >
          Recycle
        </ActionButton>
        <ActionButton leftSection={<IconTransfer size={16} />} disabledReason={refusal(lead, 'convert')} onClick={() => setDialog('convert')}>
          Convert…
        </ActionButton>
        <SendEmailAction path={LEADS_PATH} id={lead.id} email={lead.email} doNotEmail={lead.doNotEmail} />
        <PrintButton base={LEADS_PATH} id={lead.id} />
        <NewEventButton link={{ leadId: lead.id }} label="Create event" />
      </Group>
      {/* Mounted only while open, so each opening starts from the lead as it is now. */}
      {dialog === 'assign' && <AssignDialog lead={lead} opened onClose={close} />}
      {dialog === 'lose' && <LoseDialog lead={lead} opened onClose={close} />}
      {dialog === 'convert' && <ConvertDialog lead={lead} opened onClose={close} onConverted={converted} />}
    </>
  );
}
