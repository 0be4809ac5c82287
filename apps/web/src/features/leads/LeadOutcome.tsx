import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useLookup } from '../../api/lookups';
import { useList } from '../../api/resources';
import { RecordLink } from '../../ui/RecordLink';
import { OPPORTUNITIES_PATH } from '../opportunities/RelatedOpportunities';
import { fullName } from './lead-fields';
import type { Lead } from './lead-actions';

/** What the conversion made, each a link. */
function ConversionLinks({ lead }: { lead: Lead }) {
  const opportunities = useList(OPPORTUNITIES_PATH, { leadId: lead.id, sort: '-createdAt', pageSize: 5 });
  return (
    <Alert color="green" title="Converted" data-testid="conversion-links">
      <Group gap="lg" wrap="wrap">
        {lead.partnerId && (
          <Text size="sm">
            Partner: <RecordLink path="/api/v1/partners" id={lead.partnerId} to={`/partners/${lead.partnerId}`} label={(partner) => partner.name} />
          </Text>
        )}
        {lead.contactId && (
          <Text size="sm">
            Contact: <RecordLink path="/api/v1/contacts" id={lead.contactId} to={`/contacts/${lead.contactId}`} label={fullName} />
          </Text>
        )}
        {opportunities.data?.items.map((opportunity) => (
          <Text size="sm" key={opportunity.id}>
            Opportunity:{' '}
            <Anchor component={Link} to={`/opportunities/${opportunity.id}`} size="sm">
              {opportunity.name}
            </Anchor>
          </Text>
        ))}
      </Group>
    </Alert>
  );
}

function LostNotice({ lead }: { lead: Lead }) {
  const reasons = useLookup('/api/v1/lost-reasons');
  return (
    <Alert color="gray" title="Lost">
      <Text size="sm">
        {reasons.nameOf(lead.lostReasonId) ?? 'No reason given'}
        {lead.lostNote ? ` — ${lead.lostNote}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        Recycle it to work on it again.
      </Text>
    </Alert>
  );
}

/** How a closed lead ended: the records its conversion made, or why it was lost. */
export function LeadOutcome({ lead }: { lead: Lead }) {
  if (lead.status === 'converted') return <ConversionLinks lead={lead} />;
  if (lead.status === 'lost') return <LostNotice lead={lead} />;
  return null;
}
