import { Card, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { useCurrentUser } from '../../api/session';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { RecordForm } from '../../ui/record-form/RecordForm';
import { RecordStamp } from '../../ui/record-form/RecordStamp';
import { RecordLoader } from '../../ui/RecordLoader';
import { RecordTabs } from '../../ui/RecordTabs';
import { RecordTimeline } from '../../ui/timeline/RecordTimeline';
import { RelatedOpportunities } from '../opportunities/RelatedOpportunities';
import { RecordEvents } from '../events/RecordEvents';
import { ADDRESS_FIELDS } from '../../ui/record-form/address-fields';
import { fullName, LEADS_PATH, leadFields } from './lead-fields';
import type { Lead } from './lead-actions';
import { LeadActionBar } from './LeadActionBar';
import { LeadOutcome } from './LeadOutcome';
import { LeadStatusBadge } from './lead-status';
import { LeadStatusStepper } from './LeadStatusStepper';

function LeadDetails({ lead }: { lead: Lead }) {
  const users = useLookup('/api/v1/users');
  const sources = useLookup('/api/v1/lead-sources');
  // A closed lead is a record of what happened: Axelor makes its panels read-only too.
  const closed = lead.status === 'converted' || lead.status === 'lost';
  return (
    <Card withBorder padding="lg">
      <RecordForm
        path={LEADS_PATH}
        record={lead}
        columns={2}
        readOnly={closed}
        fields={[...leadFields({ users: users.options, sources: sources.options, creating: false }), ...ADDRESS_FIELDS]}
        savedMessage="Lead saved"
        onSaved={() => {}}
      />
      <RecordStamp record={lead} />
    </Card>
  );
}

function LeadView({ lead }: { lead: Lead }) {
  const me = useCurrentUser().data;
  const name = fullName(lead);
  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[{ label: 'Leads', to: '/leads' }]}
        current={name}
        title={name}
        badge={<LeadStatusBadge status={lead.status} />}
        subtitle={lead.companyName && [lead.jobTitle, lead.companyName].filter(Boolean).join(' at ')}
      />
      <LeadStatusStepper status={lead.status} />
      {me && <LeadActionBar lead={lead} meId={me.id} />}
      <LeadOutcome lead={lead} />
      <RecordTabs
        tabs={[
          { value: 'details', label: 'Details', render: () => <LeadDetails lead={lead} /> },
          { value: 'timeline', label: 'Timeline', render: () => <RecordTimeline path={LEADS_PATH} id={lead.id} /> },
          { value: 'opportunities', label: 'Opportunities', render: () => <RelatedOpportunities query={{ leadId: lead.id }} /> },
          { value: 'events', label: 'Events', render: () => <RecordEvents link={{ leadId: lead.id }} /> },
        ]}
      />
    </Stack>
  );
}

export function LeadPage() {
  const { id = '' } = useParams();
  return (
    <RecordLoader path={LEADS_PATH} id={id} noun="lead" back={{ to: '/leads', label: 'Back to leads' }}>
      {(lead) => <LeadView lead={lead} />}
    </RecordLoader>
  );
}
