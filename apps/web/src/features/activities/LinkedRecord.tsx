import { Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { RecordLink } from '../../ui/RecordLink';
import { RemoteSelect } from '../../ui/RemoteSelect';
import { contactName, CONTACTS_PATH } from '../contacts/contact-fields';
import type { CalendarEvent, EventLink } from '../events/event-types';
import { fullName, LEADS_PATH } from '../leads/lead-fields';
import { OPPORTUNITIES_PATH } from '../opportunities/RelatedOpportunities';
import { partnerName } from '../partners/partner-fields';
import { primaryLink } from './activity-views';

type LinkParam = keyof Required<EventLink>;

const LINK_LABELS: Record<LinkParam, string> = { leadId: 'Lead', partnerId: 'Customer', contactId: 'Contact', opportunityId: 'Opportunity' };
const LINK_OPTIONS = (Object.keys(LINK_LABELS) as LinkParam[]).map((param) => ({ value: param, label: LINK_LABELS[param] }));

function leadLabel(lead: { firstName: string | null; lastName: string; companyName: string | null }): string {
  return [fullName(lead), lead.companyName].filter(Boolean).join(' — ');
}

/** A link to the record, named by loading it (shared between the rows naming the same record). */
function RecordName({ param, id }: { param: LinkParam; id: string }) {
  switch (param) {
    case 'opportunityId':
      return <RecordLink path={OPPORTUNITIES_PATH} id={id} to={`/opportunities/${id}`} label={(record) => record.name} />;
    case 'contactId':
      return <RecordLink path={CONTACTS_PATH} id={id} to={`/contacts/${id}`} label={contactName} />;
    case 'leadId':
      return <RecordLink path={LEADS_PATH} id={id} to={`/leads/${id}`} label={leadLabel} />;
    case 'partnerId':
      return <RecordLink path="/api/v1/partners" id={id} to={`/partners/${id}`} label={partnerName} />;
  }
}

/** The "Linked to" cell: the most precise record the event is about, with what it is. */
export function LinkedRecord({ event }: { event: Pick<CalendarEvent, LinkParam> }) {
  const link = primaryLink(event);
  if (!link) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {LINK_LABELS[link.param]}
      </Text>
      <RecordName param={link.param} id={link.id} />
    </Group>
  );
}

interface LinkedRecordFilterProps {
  values: Partial<Record<LinkParam, string>>;
  /** Sets one link parameter and clears the others. */
  onChange: (param: LinkParam, id: string | null) => void;
}

/** "Linked to": what kind of record, then the record, found by typing. */
export function LinkedRecordFilter({ values, onChange }: LinkedRecordFilterProps) {
  const current = (Object.keys(LINK_LABELS) as LinkParam[]).find((param) => values[param]);
  const [chosenKind, setKind] = useState<LinkParam>(current ?? 'partnerId');
  const kind = current ?? chosenKind;
  const value = values[kind] ?? null;
  const common = { 'aria-label': `Linked ${LINK_LABELS[kind].toLowerCase()}`, placeholder: `Any ${LINK_LABELS[kind].toLowerCase()}`, clearable: true, w: 220 };
  const change = (id: string | null) => onChange(kind, id);
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        aria-label="Linked to"
        data={LINK_OPTIONS}
        value={kind}
        allowDeselect={false}
        onChange={(next) => {
          if (!next) return;
          if (current) onChange(current, null);
          setKind(next);
        }}
        w={130}
      />
      {kind === 'opportunityId' && <RemoteSelect {...common} path={OPPORTUNITIES_PATH} value={value} onChange={change} />}
      {kind === 'contactId' && <RemoteSelect {...common} path={CONTACTS_PATH} value={value} onChange={change} optionLabel={contactName} />}
      {kind === 'leadId' && <RemoteSelect {...common} path={LEADS_PATH} value={value} onChange={change} optionLabel={leadLabel} />}
      {kind === 'partnerId' && <RemoteSelect {...common} path="/api/v1/partners" value={value} onChange={change} optionLabel={partnerName} />}
    </Group>
  );
}
