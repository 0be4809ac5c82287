import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Radio, Stack, Table, Text } from '@mantine/core';
import { IconArrowMerge, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../../api/problem';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate } from '../../ui/format';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { DUPLICATE_ENTITIES, type DuplicateEntity, type DuplicateEntityConfig, type DuplicateRecord } from './duplicate-entities';
import { useMergeDuplicates, useMergeRecords } from './duplicates-api';
import { FieldValue, useReferenceNames } from './FieldValue';
import { defaultChoices, mergeRequest, valueOf, valuesDiffer, type Choices } from './merge-choices';

const DIFFERS_BACKGROUND = 'var(--mantine-color-yellow-light)';

function MergeError({ error, onReload, reloading }: { error: unknown; onReload: () => void; reloading: boolean }) {
  const stale = isApiError(error, 409) && (error.problem?.code ?? 'STALE_VERSION') === 'STALE_VERSION';
  const gone = isApiError(error, 404);
  return (
    <Alert color={stale ? 'orange' : 'red'} title={stale ? 'A record changed meanwhile' : 'The merge was refused'} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {stale
            ? 'One of these records was changed by someone else since this page loaded it; nothing was merged. Reload to see the current values, check your choices, then merge again.'
            : errorMessage(error)}
        </Text>
        {(stale || gone) && (
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onReload} loading={reloading}>
            Reload
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

interface MergeFormProps {
  config: DuplicateEntityConfig;
  records: DuplicateRecord[];
  onReload: () => Promise<unknown>;
  reloading: boolean;
}

/** One column per record, one row per field the merge carries: which record stays, and whose value each field keeps. */
function MergeForm({ config, records, onReload, reloading }: MergeFormProps) {
  const names = useReferenceNames();
  const merge = useMergeDuplicates(config);
  const [keepId, setKeepId] = useState(records[0].id);
  // The user's picks by record id: they hold when another record is kept; other fields follow the server's default.
  const [picks, setPicks] = useState<Choices>({});
  const [confirming, setConfirming] = useState(false);
  const fields = config.mergeFields.map((field) => field.name);
  const choices = { ...defaultChoices(records, keepId, fields), ...picks };
  const recordName = (record: DuplicateRecord) => config.name(record);
  const kept = records.find((record) => record.id === keepId) ?? records[0];
  const others = records.filter((record) => record !== kept);
  const unitedFlags = config.flags.filter((flag) => records.some((record) => valueOf(record, flag.name) === true)).map((flag) => flag.label);

  const reload = () => {
    merge.reset();
    void onReload();
  };

  return (
    <Stack gap="md">
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={180 + 240 * records.length}>
          <Table layout="fixed" withColumnBorders verticalSpacing="xs" aria-label="Values to keep">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>Field</Table.Th>
                {records.map((record) => (
                  <Table.Th key={record.id} bg={record === kept ? 'var(--mantine-color-green-light)' : undefined}>
                    <Stack gap={4}>
                      <Group gap="xs" justify="space-between" wrap="nowrap">
                        <Anchor component={Link} to={`${config.route}/${record.id}`} fw={600}>
                          {recordName(record)}
                        </Anchor>
                        <Badge color={record === kept ? 'green' : 'gray'} variant="light" tt="none" miw="max-content">
                          {record === kept ? 'Kept' : 'Deleted'}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed" fw={400}>
                        Created {formatDate(record.createdAt)}
                      </Text>
                      <Radio
                        name="keep"
                        label="Keep this record"
                        aria-label={`Keep ${recordName(record)}`}
                        checked={record === kept}
                        onChange={() => setKeepId(record.id)}
                      />
                    </Stack>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {config.mergeFields.map((field) => {
                const differs = valuesDiffer(records, field.name);
                return (
                  <Table.Tr key={field.name} bg={differs ? DIFFERS_BACKGROUND : undefined} c={differs ? undefined : 'dimmed'} data-differs={differs}>
                    <Table.Th fw={differs ? 600 : 400}>{field.label}</Table.Th>
                    {records.map((record) => (
                      <Table.Td key={record.id} style={{ overflowWrap: 'anywhere' }}>
                        {differs ? (
                          <Radio
                            name={`value-${field.name}`}
                            aria-label={`${field.label} of ${recordName(record)}`}
                            label={<FieldValue value={valueOf(record, field.name)} format={field.format} names={names} />}
                            checked={choices[field.name] === record.id}
                            onChange={() => setPicks((previous) => ({ ...previous, [field.name]: record.id }))}
                          />
                        ) : (
                          <FieldValue value={valueOf(record, field.name)} format={field.format} names={names} />
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
              {config.flags.map((flag) => (
                <Table.Tr key={flag.name} c="dimmed">
                  <Table.Th fw={400}>
                    {flag.label}
                    <Text size="xs">combined</Text>
                  </Table.Th>
                  {records.map((record) => (
                    <Table.Td key={record.id}>
                      <FieldValue value={valueOf(record, flag.name)} format="flag" names={names} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      {merge.isError && <MergeError error={merge.error} onReload={reload} reloading={reloading} />}

      <Text size="sm" data-testid="merge-summary">
        {others.length === 1
          ? `The other ${config.singular} will be deleted; its ${config.moves} move to the kept ${config.singular}.`
          : `The other ${others.length} ${config.plural} will be deleted; their ${config.moves} move to the kept ${config.singular}.`}{' '}
        {config.flags.length > 0 &&
          (unitedFlags.length > 0
            ? `The kept ${config.singular} will be marked ${unitedFlags.join(', ')}.`
            : `None of them is marked ${config.flags.map((flag) => flag.label).join(', ')}.`)}
      </Text>
      <Group justify="flex-end">
        <Button leftSection={<IconArrowMerge size={16} />} onClick={() => setConfirming(true)} disabled={reloading}>
          Merge
        </Button>
      </Group>

      <ConfirmDialog
        opened={confirming}
        title={`Merge ${records.length} ${config.plural}`}
        message={`Keep ${recordName(kept)} and delete ${others.map(recordName).join(', ')}? This cannot be undone.`}
        confirmLabel="Merge"
        loading={merge.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => merge.mutate(mergeRequest(records, kept.id, choices, fields), { onError: () => setConfirming(false) })}
      />
    </Stack>
  );
}

function MergeLoader({ config, ids, back }: { config: DuplicateEntityConfig; ids: string[]; back: string }) {
  const { records, isPending, error, isFetching, reload } = useMergeRecords(config, ids);
  if (isPending)
    return (
      <Center h={200}>
        <Loader aria-label={`Loading the ${config.plural}`} />
      </Center>
    );
  if (!records) {
    const missing = isApiError(error, 404) || isApiError(error, 400);
    return (
      <Alert color="red" title={missing ? `A ${config.singular} of this merge is gone` : `The ${config.plural} could not be loaded`}>
        {missing ? `One of these ${config.plural} does not exist any more: it was merged or deleted meanwhile.` : errorMessage(error)}{' '}
        <Anchor component={Link} to={back}>
          Back to the duplicates
        </Anchor>
      </Alert>
    );
  }
  return <MergeForm config={config} records={records} onReload={reload} reloading={isFetching} />;
}

/** `/partners/merge?ids=a,b`: the records of a group side by side, merged into the one kept (the first by default). */
export function MergePage({ entity }: { entity: DuplicateEntity }) {
  const config = DUPLICATE_ENTITIES[entity];
  const [params] = useSearchParams();
  const location = useLocation();
  const ids = [...new Set((params.get('ids') ?? '').split(',').filter(Boolean))];
  // The results the user came from (their fields), else the default search.
  const from = (location.state as { from?: unknown } | null)?.from;
  const back = typeof from === 'string' ? from : `${config.route}/duplicates`;

  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[
          { label: config.listTitle, to: config.route },
          { label: 'Duplicates', to: back },
        ]}
        current="Merge"
        title={`Merge ${config.plural}`}
        subtitle="Pick the record to keep and, where the records differ, whose value each field keeps."
      />
      {ids.length < 2 ? (
        <Alert color="yellow" title="Nothing to merge">
          A merge needs at least two {config.plural}.{' '}
          <Anchor component={Link} to={back}>
            Back to the duplicates
          </Anchor>
        </Alert>
      ) : (
        <MergeLoader key={ids.join()} config={config} ids={ids} back={back} />
      )}
    </Stack>
  );
}
