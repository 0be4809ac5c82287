import { Card, Group, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { SendEmailAction } from '../../ui/email/SendEmailAction';
import { RecordForm } from '../../ui/record-form/RecordForm';
import { RecordLink } from '../../ui/RecordLink';
import { RecordLoader } from '../../ui/RecordLoader';
import { RecordTabs } from '../../ui/RecordTabs';
import { RecordTimeline } from '../../ui/timeline/RecordTimeline';
import { partnerName } from '../partners/partner-fields';
import { NewEventButton, RecordEvents } from '../events/RecordEvents';
import { contactFields, contactName, CONTACTS_PATH, Rejections, type Contact } from './contact-fields';

function ContactDetails({ contact }: { contact: Contact }) {
  const users = useLookup('/api/v1/users');
  return (
    <Card withBorder padding="lg">
      <RecordForm
        path={CONTACTS_PATH}
        record={contact}
        columns={2}
        fields={contactFields({ users: users.options, creating: false })}
        savedMessage="Contact saved"
        onSaved={() => {}}
      />
    </Card>
  );
}

function ContactView({ contact }: { contact: Contact }) {
  const name = contactName(contact);
  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[{ label: 'Contacts', to: '/contacts' }]}
        current={name}
        title={name}
        badge={<Rejections contact={contact} />}
        subtitle={
          <>
            {contact.jobTitle ? `${contact.jobTitle} · ` : ''}
            {contact.partnerId ? (
              <RecordLink path="/api/v1/partners" id={contact.partnerId} to={`/partners/${contact.partnerId}`} label={partnerName} />
            ) : (
              'No partner'
            )}
          </>
        }
      />
      <Group gap="xs">
        <SendEmailAction path={CONTACTS_PATH} id={contact.id} email={contact.email} doNotEmail={contact.doNotEmail} />
        <NewEventButton link={{ contactId: contact.id, ...(contact.partnerId ? { partnerId: contact.partnerId } : {}) }} label="Schedule event" />
      </Group>
      <RecordTabs
        tabs={[
          { value: 'details', label: 'Details', render: () => <ContactDetails contact={contact} /> },
          {
            value: 'events',
            label: 'Events',
            render: () => <RecordEvents link={{ contactId: contact.id }} prefill={contact.partnerId ? { partnerId: contact.partnerId } : undefined} />,
          },
          { value: 'timeline', label: 'Timeline', render: () => <RecordTimeline path={CONTACTS_PATH} id={contact.id} /> },
        ]}
      />
    </Stack>
  );
}

export function ContactPage() {
  const { id = '' } = useParams();
  return (
    <RecordLoader path={CONTACTS_PATH} id={id} noun="contact" back={{ to: '/contacts', label: 'Back to contacts' }}>
      {(contact) => <ContactView contact={contact} />}
    </RecordLoader>
  );
}
