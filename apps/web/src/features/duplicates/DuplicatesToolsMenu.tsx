import { Button, Checkbox, Menu, SimpleGrid, Text } from '@mantine/core';
import { IconChevronDown, IconCopy, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormDialog } from '../../ui/FormDialog';
import { DUPLICATE_ENTITIES, duplicatesUrl, type DuplicateEntity, type DuplicateEntityConfig } from './duplicate-entities';

interface CheckDuplicatesDialogProps {
  config: DuplicateEntityConfig;
  opened: boolean;
  onClose: () => void;
  /** The fields ticked when the dialog opens: the entity's defaults unless a search is shown. */
  initial?: string[];
}

/** Which fields to compare, then the results screen (the fields in its URL). */
export function CheckDuplicatesDialog({ config, opened, onClose, initial = config.defaultFields }: CheckDuplicatesDialogProps) {
  const navigate = useNavigate();
  const [fields, setFields] = useState(initial);
  const [missing, setMissing] = useState(false);
  // Each opening starts from `initial` again: adjusted while rendering, as React recommends for state that follows a prop.
  const [wasOpened, setWasOpened] = useState(opened);
  if (wasOpened !== opened) {
    setWasOpened(opened);
    if (opened) {
      setFields(initial);
      setMissing(false);
    }
  }

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={`Check duplicate ${config.plural}`}
      submitLabel="Check"
      onSubmit={(event) => {
        event?.preventDefault();
        if (fields.length === 0) {
          setMissing(true);
          return;
        }
        onClose();
        // In the order offered, so one search has one URL.
        void navigate(
          duplicatesUrl(
            config,
            config.searchFields.map((field) => field.name).filter((name) => fields.includes(name)),
          ),
        );
      }}
    >
      <Text size="sm" c="dimmed">
        Records are grouped when every field both have agrees; case, accents, punctuation, legal forms and phone formats do not tell them apart.
      </Text>
      <Checkbox.Group
        label="Fields to compare"
        value={fields}
        onChange={(next) => {
          setFields(next);
          if (next.length > 0) setMissing(false);
        }}
        error={missing ? 'Pick at least one field' : undefined}
      >
        <SimpleGrid cols={2} mt="xs" spacing="xs">
          {config.searchFields.map((field) => (
            <Checkbox key={field.name} value={field.name} label={field.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </FormDialog>
  );
}

/** The list screen's "Tools" menu: Check duplicates. */
export function DuplicatesToolsMenu({ entity }: { entity: DuplicateEntity }) {
  const [checking, setChecking] = useState(false);
  const config = DUPLICATE_ENTITIES[entity];
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconTool size={16} />} rightSection={<IconChevronDown size={14} />}>
            Tools
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => setChecking(true)}>
            Check duplicates
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CheckDuplicatesDialog config={config} opened={checking} onClose={() => setChecking(false)} />
    </>
  );
}
