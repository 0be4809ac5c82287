import { Button, Card, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { SendEmailAction } from '../../ui/email/SendEmailAction';
import { PrintButton } from '../../ui/files/FileActions';
import { RelatedList } from '../../ui/list-screen/RelatedList';
import { RecordForm } from '../../ui/record-form/RecordForm';
import { RecordFormModal } from '../../ui/record-form/RecordFormModal';
import { RecordLoader } from '../../ui/RecordLoader';
import { RecordTabs } from '../../ui/RecordTabs';
import { RecordTimeline } from '../../ui/timeline/RecordTimeline';
import { contactColumns, contactFields, CONTACTS_PATH } from '../contacts/contact-fields';
import { RelatedOpportunities } from '../opportunities/RelatedOpportunities';
import { NewEventButton, RecordEvents } from '../events/RecordEvents';
import { PartnerFlags, partnerFields, partnerName, PARTNERS_PATH, usePartnerAssignees, type Partner } from './partner-fields';

function PartnerDetails({ partner }: { partner: Partner }) {
  const assignees = usePartnerAssignees(partner.assignedToId);
  const teams = useLookup('/api/v1/teams');
  const sources = useLookup('/api/v1/lead-sources');
  return (
    <Card withBorder padding="lg">
      <RecordForm
        path={PARTNERS_PATH}
        record={partner}
        columns={2}
        fields={partnerFields({ users: assignees, teams: teams.options, sources: sources.options, creating: false })}
        savedMessage="Partner saved"
        onSaved={() => {}}
      />
    </Card>
  );
}

/** The partner's contacts, and "New contact" already filled in with the partner. */
function PartnerContacts({ partner }: { partner: Partner }) {
  const navigate = useNavigate();
  const users = useLookup('/api/v1/users');
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => contactColumns({ users, withPartner: false }), [users]);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New contact
        </Button>
      </Group>
      <RelatedList
        path={CONTACTS_PATH}
        query={{ partnerId: partner.id }}
        columns={columns}
        defaultSort="lastName"
        noun="contacts"
        onRowClick={(row) => void navigate(`/contacts/${row.id}`)}
      />
      <RecordFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={`New contact at ${partnerName(partner)}`}
        size="xl"
        columns={2}
        path={CONTACTS_PATH}
        fields={contactFields({ users: users.options, creating: true })}
        defaults={{ partnerId: partner.id }}
        savedMessage="Contact created"
        onSaved={() => setCreating(false)}
      />
    </Stack>
  );
}

function PartnerView({ partner }: { partner: Partner }) {
  const name = partnerName(partner);
  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[{ label: 'Customers', to: '/partners' }]}
        current={name}
        title={name}
        badge={<PartnerFlags partner={partner} />}
        subtitle={[partner.kind === 'individual' ? 'Individual' : 'Company', partner.address.city].filter(Boolean).join(' · ')}
      />
      <Group gap="xs">
        <SendEmailAction path={PARTNERS_PATH} id={partner.id} email={partner.email} />
        <PrintButton base={PARTNERS_PATH} id={partner.id} />
        <NewEventButton link={{ partnerId: partner.id }} label="Schedule event" />
      </Group>
      <RecordTabs
        tabs={[
          { value: 'details', label: 'Details', render: () => <PartnerDetails partner={partner} /> },
          { value: 'contacts', label: 'Contacts', render: () => <PartnerContacts partner={partner} /> },
          { value: 'opportunities', label: 'Opportunities', render: () => <RelatedOpportunities query={{ partnerId: partner.id }} /> },
          { value: 'events', label: 'Events', render: () => <RecordEvents link={{ partnerId: partner.id }} /> },
          { value: 'timeline', label: 'Timeline', render: () => <RecordTimeline path={PARTNERS_PATH} id={partner.id} /> },
        ]}
      />
    </Stack>
  );
}

export function PartnerPage() {
  const { id = '' } = useParams();
  return (
    <RecordLoader path={PARTNERS_PATH} id={id} noun="partner" back={{ to: '/partners', label: 'Back to customers' }}>
      {(partner) => <PartnerView partner={partner} />}
    </RecordLoader>
  );
}
