import { Alert, Anchor, Breadcrumbs, Card, Center, Divider, Group, Loader, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage, isApiError } from '../../api/problem';
import { useRecord } from '../../api/resources';
import { formatDateTime } from '../../ui/format';
import { RecordForm } from '../../ui/record-form/RecordForm';
import { ADDRESS_FIELDS, fullName, LEADS_PATH, leadFields } from './lead-fields';
import { LeadStatusBadge } from './lead-status';

export function LeadPage() {
  const { id = '' } = useParams();
  const lead = useRecord(LEADS_PATH, id);
  const users = useLookup('/api/v1/users');
  const sources = useLookup('/api/v1/lead-sources');

  if (lead.isPending)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (lead.isError) {
    const missing = isApiError(lead.error, 404) || isApiError(lead.error, 400);
    return (
      <Alert color="red" title={missing ? 'No such lead' : 'The lead could not be loaded'}>
        {missing ? 'This lead does not exist or was deleted.' : errorMessage(lead.error)}{' '}
        <Anchor component={Link} to="/leads">
          Back to leads
        </Anchor>
      </Alert>
    );
  }

  const record = lead.data;
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/leads">
          Leads
        </Anchor>
        <Text>{fullName(record)}</Text>
      </Breadcrumbs>
      <Group gap="sm" mb="md">
        <Title order={2}>{fullName(record)}</Title>
        <LeadStatusBadge status={record.status} />
      </Group>
      <Card withBorder padding="lg">
        <RecordForm
          path={LEADS_PATH}
          record={record}
          columns={2}
          fields={[...leadFields({ users: users.options, sources: sources.options, creating: false }), ...ADDRESS_FIELDS]}
          savedMessage="Lead saved"
          onSaved={() => {}}
        />
        <Divider my="md" />
        <Text size="xs" c="dimmed">
          Created {formatDateTime(record.createdAt)} · Updated {formatDateTime(record.updatedAt)} · Version {record.version}
        </Text>
      </Card>
    </>
  );
}
