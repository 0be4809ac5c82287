import { Group, Input, Pill, Stack } from '@mantine/core';
import { useRecord } from '../../api/resources';
import { RemoteSelect } from '../../ui/RemoteSelect';
import { contactName, CONTACTS_PATH } from '../contacts/contact-fields';

function ContactPill({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { data } = useRecord(CONTACTS_PATH, id, { staleTime: 60_000 });
  const name = data ? contactName(data) : '…';
  return (
    <Pill withRemoveButton onRemove={onRemove} removeButtonProps={{ 'aria-label': `Remove ${name}` }}>
      {name}
    </Pill>
  );
}

/** Contacts invited to the event: found by typing, each shown as a removable pill. */
export function AttendeeContactsInput({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  return (
    <Input.Wrapper label="Attending contacts" error={error}>
      <Stack gap={6} mt={4}>
        {value.length > 0 && (
          <Group gap={6}>
            {value.map((id) => (
              <ContactPill key={id} id={id} onRemove={() => onChange(value.filter((other) => other !== id))} />
            ))}
          </Group>
        )}
        {/* A new key after each pick empties the box for the next one. */}
        <RemoteSelect
          key={value.length}
          aria-label="Add a contact"
          placeholder="Add a contact…"
          path={CONTACTS_PATH}
          value={null}
          sort="lastName"
          optionLabel={contactName}
          onChange={(id) => {
            if (id && !value.includes(id)) onChange([...value, id]);
          }}
        />
      </Stack>
    </Input.Wrapper>
  );
}
