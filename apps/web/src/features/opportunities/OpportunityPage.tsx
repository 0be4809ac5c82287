import { isClosedStage, nextStage, reopenStage, type OpportunityStage } from '@crm/domain';
import { Alert, Card, Group, Stack, Stepper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { ActionButton } from '../../ui/ActionButton';
import { formatDate, formatMoney } from '../../ui/format';
import { RecordStamp } from '../../ui/record-form/RecordStamp';
import { RecordForm } from '../../ui/record-form/RecordForm';
import type { FieldDef } from '../../ui/record-form/types';
import { RecordLoader } from '../../ui/RecordLoader';
import { RecordTabs } from '../../ui/RecordTabs';
import { RecordTimeline } from '../../ui/timeline/RecordTimeline';
import { useCreateQuotation, useOpportunityQuotations } from '../quotations/quotation-actions';
import { NewEventButton, RecordEvents } from '../events/RecordEvents';
import { QuotationStatusBadge } from '../quotations/quotation-status';
import { LostReasonDialog } from './LostReasonDialog';
import { useCloseLost, useCloseWon, useNextStage, useReopen, type Opportunity } from './opportunity-actions';
import { OpportunityStageBadge } from './opportunity-stage';
import { OPPORTUNITIES_PATH } from './RelatedOpportunities';

const STEP: Record<OpportunityStage, number> = { new: 0, qualification: 1, proposition: 2, negotiation: 3, closed_won: 5, closed_lost: 5 };

function OpportunityStepper({ stage }: { stage: OpportunityStage }) {
  const lost = stage === 'closed_lost';
  return (
    <Stepper active={STEP[stage]} size="sm" allowNextStepsSelect={false} aria-label="Opportunity stage" wrap>
      <Stepper.Step label="New" />
      <Stepper.Step label="Qualification" />
      <Stepper.Step label="Proposition" />
      <Stepper.Step label="Negotiation" />
      <Stepper.Step label={lost ? 'Closed lost' : 'Closed won'} color={lost ? 'red' : 'green'} completedIcon={lost ? <IconX size={16} /> : undefined} />
    </Stepper>
  );
}

/** An event made from an opportunity is linked to it and to its lead, partner and contact (Axelor does the same). */
function opportunityLink(opportunity: Opportunity) {
  return {
    opportunityId: opportunity.id,
    ...(opportunity.leadId ? { leadId: opportunity.leadId } : {}),
    ...(opportunity.partnerId ? { partnerId: opportunity.partnerId } : {}),
    ...(opportunity.contactId ? { contactId: opportunity.contactId } : {}),
  };
}

function OpportunityActionBar({ opportunity }: { opportunity: Opportunity }) {
  const navigate = useNavigate();
  const next = useNextStage();
  const won = useCloseWon();
  const lost = useCloseLost();
  const reopen = useReopen();
  const create = useCreateQuotation();
  const [losing, setLosing] = useState(false);
  const step = nextStage(opportunity.stage);
  const closed = isClosedStage(opportunity.stage);
  const reopenRule = reopenStage(opportunity.stage);
  const closedReason = closed ? 'A closed opportunity cannot change stage; reopen it first.' : null;
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Group gap="sm">
      <ActionButton
        variant="default"
        loading={next.isPending}
        disabledReason={step.allowed ? null : step.reason}
        onClick={() => next.mutate(opportunity.id, { onError: fail })}
      >
        Next stage
      </ActionButton>
      <ActionButton
        color="green"
        loading={won.isPending}
        disabledReason={closedReason}
        onClick={() =>
          won.mutate(opportunity.id, { onSuccess: () => notifications.show({ color: 'green', message: `${opportunity.name} won` }), onError: fail })
        }
      >
        Won
      </ActionButton>
      <ActionButton color="red" variant="light" disabledReason={closedReason} onClick={() => setLosing(true)}>
        Lost…
      </ActionButton>
      <ActionButton
        variant="default"
        loading={reopen.isPending}
        disabledReason={reopenRule.allowed ? null : reopenRule.reason}
        onClick={() => reopen.mutate(opportunity.id, { onError: fail })}
      >
        Reopen
      </ActionButton>
      <ActionButton
        variant="light"
        loading={create.isPending}
        disabledReason={opportunity.partnerId ? null : 'Set the partner first: a quotation is addressed to it.'}
        onClick={() => void create.mutateAsync(opportunity.id).then((quotation) => navigate(`/quotations/${quotation.id}`), fail)}
      >
        Create quotation
      </ActionButton>
      <NewEventButton link={opportunityLink(opportunity)} label="Create event" />
      <LostReasonDialog
        opened={losing}
        name={opportunity.name}
        onClose={() => setLosing(false)}
        onSubmit={async (body) => {
          await lost.mutateAsync({ id: opportunity.id, body });
          notifications.show({ color: 'gray', message: `${opportunity.name} marked as lost` });
        }}
      />
    </Group>
  );
}

function OpportunityDetails({ opportunity }: { opportunity: Opportunity }) {
  const users = useLookup('/api/v1/users');
  const fields: FieldDef[] = [
    { name: 'name', label: 'Name', kind: 'text', required: true, wide: true },
    { name: 'partnerId', label: 'Partner', kind: 'reference', reference: '/api/v1/partners' },
    { name: 'amount', label: 'Amount', kind: 'text' },
    { name: 'currency', label: 'Currency', kind: 'text' },
    { name: 'probability', label: 'Probability (%)', kind: 'number' },
    { name: 'expectedCloseDate', label: 'Expected close', kind: 'date' },
    { name: 'assignedToId', label: 'Assigned to', kind: 'select', options: users.options },
    { name: 'nextStep', label: 'Next step', kind: 'text', wide: true },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
  ];
  return (
    <Card withBorder padding="lg">
      {opportunity.customerDescription != null && (
        <Alert color="gray" title="Customer description" mb="md" data-testid="customer-description">
          {opportunity.customerDescription}
        </Alert>
      )}
      <RecordForm path={OPPORTUNITIES_PATH} record={opportunity} columns={2} fields={fields} savedMessage="Opportunity saved" onSaved={() => {}} />
      <RecordStamp record={opportunity} />
    </Card>
  );
}

function OpportunityQuotations({ opportunityId }: { opportunityId: string }) {
  const navigate = useNavigate();
  const { data } = useOpportunityQuotations(opportunityId);
  const items = data?.items ?? [];
  if (data && items.length === 0) return <Text c="dimmed">No quotations yet.</Text>;
  return (
    <Table highlightOnHover aria-label="Quotations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Number</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Valid until</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((quotation) => (
          <Table.Tr key={quotation.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/quotations/${quotation.id}`)}>
            <Table.Td>{quotation.number}</Table.Td>
            <Table.Td>
              <QuotationStatusBadge status={quotation.status} />
            </Table.Td>
            <Table.Td>{formatDate(quotation.validUntil)}</Table.Td>
            <Table.Td ta="right">{formatMoney(quotation.total, quotation.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OpportunityView({ opportunity }: { opportunity: Opportunity }) {
  const partners = useLookup('/api/v1/partners');
  const partner = partners.nameOf(opportunity.partnerId);
  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[{ label: 'Opportunities', to: '/opportunities' }]}
        current={opportunity.name}
        title={opportunity.name}
        badge={<OpportunityStageBadge stage={opportunity.stage} />}
        subtitle={[partner, formatMoney(opportunity.amount, opportunity.currency), `${opportunity.probability}%`].filter(Boolean).join(' · ')}
      />
      <OpportunityStepper stage={opportunity.stage} />
      <OpportunityActionBar opportunity={opportunity} />
      <RecordTabs
        tabs={[
          { value: 'details', label: 'Details', render: () => <OpportunityDetails opportunity={opportunity} /> },
          { value: 'quotations', label: 'Quotations', render: () => <OpportunityQuotations opportunityId={opportunity.id} /> },
          { value: 'events', label: 'Events', render: () => <RecordEvents link={{ opportunityId: opportunity.id }} prefill={opportunityLink(opportunity)} /> },
          { value: 'timeline', label: 'Timeline', render: () => <RecordTimeline path={OPPORTUNITIES_PATH} id={opportunity.id} /> },
        ]}
      />
    </Stack>
  );
}

export function OpportunityPage() {
  const { id = '' } = useParams();
  return (
    <RecordLoader path={OPPORTUNITIES_PATH} id={id} noun="opportunity" back={{ to: '/opportunities', label: 'Back to opportunities' }}>
      {(opportunity) => <OpportunityView opportunity={opportunity} />}
    </RecordLoader>
  );
}
