import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAdjustments, IconArrowMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import {
  DUPLICATE_ENTITIES,
  duplicatesUrl,
  fieldList,
  fieldValue,
  mergeUrl,
  parseFields,
  type DuplicateEntity,
  type DuplicateEntityConfig,
  type DuplicateGroup,
  type FieldSpec,
} from './duplicate-entities';
import { useDuplicateSearch } from './duplicates-api';
import { CheckDuplicatesDialog } from './DuplicatesToolsMenu';
import { FieldValue, useReferenceNames, type ReferenceNames } from './FieldValue';

/** 1 is the same record typed twice; lower scores are worth a closer look. */
function scoreColor(score: number): string {
  if (score >= 0.95) return 'red';
  return score >= 0.8 ? 'orange' : 'yellow';
}

function DuplicateGroupCard(props: { config: DuplicateEntityConfig; group: DuplicateGroup; rows: FieldSpec[]; compared: Set<string>; names: ReferenceNames }) {
  const { config, group, rows, compared, names } = props;
  const location = useLocation();
  const recordNames = group.records.map((record) => config.name(record));
  return (
    <Card withBorder padding="md" component="section" aria-label={`Duplicates: ${recordNames.join(', ')}`}>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Badge color={scoreColor(group.score)} variant="light" size="lg" tt="none">
            {Math.round(group.score * 100)}% alike
          </Badge>
          <Text size="sm" c="dimmed">
            {group.records.length} {config.plural}
          </Text>
        </Group>
        <Button
          component={Link}
          to={mergeUrl(
            config,
            group.records.map((record) => record.id),
          )}
          state={{ from: `${location.pathname}${location.search}` }}
          leftSection={<IconArrowMerge size={16} />}
          variant="light"
        >
          Merge…
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={200 + 220 * group.records.length}>
        <Table layout="fixed" withColumnBorders verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160} />
              {group.records.map((record, index) => (
                <Table.Th key={record.id}>
                  <Anchor component={Link} to={`${config.route}/${record.id}`} fw={600}>
                    {recordNames[index]}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((field) => (
              <Table.Tr key={field.name}>
                <Table.Th fw={compared.has(field.name) ? 600 : 400} c={compared.has(field.name) ? undefined : 'dimmed'}>
                  {field.label}
                </Table.Th>
                {group.records.map((record) => (
                  <Table.Td key={record.id} style={{ overflowWrap: 'anywhere' }}>
                    <FieldValue value={fieldValue(config, record, field.name)} format={field.format} names={names} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function DuplicateResults({ config, fields }: { config: DuplicateEntityConfig; fields: string[] }) {
  const search = useDuplicateSearch(config, fields);
  const names = useReferenceNames();
  const compared = new Set(fields);
  // The fields compared first, then what else tells the records apart.
  const rows = [...config.searchFields.filter((field) => compared.has(field.name)), ...config.identifying.filter((field) => !compared.has(field.name))];

  if (search.isPending)
    return (
      <Center h={200}>
        <Loader aria-label="Looking for duplicates" />
      </Center>
    );
  if (search.isError)
    return (
      <Alert color="red" title="The search failed">
        {errorMessage(search.error)}
      </Alert>
    );
  const { groups, total } = search.data;
  if (groups.length === 0)
    return (
      <Alert color="green" title="No duplicates found">
        No duplicates found on {fieldList(config, fields)}.
      </Alert>
    );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {total > groups.length
          ? `The ${groups.length} most alike of ${total} groups of duplicates, best first.`
          : `${total} ${total === 1 ? 'group' : 'groups'} of duplicates, best first.`}
      </Text>
      {groups.map((group) => (
        <DuplicateGroupCard key={group.records.map((record) => record.id).join()} config={config} group={group} rows={rows} compared={compared} names={names} />
      ))}
    </Stack>
  );
}

/** `/partners/duplicates?fields=name,email`: the groups of alike records, each with a way to merge it. */
export function DuplicatesPage({ entity }: { entity: DuplicateEntity }) {
  const config = DUPLICATE_ENTITIES[entity];
  const [params] = useSearchParams();
  const [choosing, setChoosing] = useState(false);
  const raw = params.get('fields');
  const fields = parseFields(config, raw ?? config.defaultFields.join(','));
  if (raw === null) return <Navigate to={duplicatesUrl(config, fields)} replace />;

  return (
    <Stack gap="md">
      <RecordPageHeader
        trail={[{ label: config.listTitle, to: config.route }]}
        current="Duplicates"
        title={`Duplicate ${config.plural}`}
        subtitle={fields.length > 0 ? `Compared on ${fieldList(config, fields)}` : undefined}
      />
      <Group>
        <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={() => setChoosing(true)}>
          Change fields…
        </Button>
      </Group>
      {fields.length === 0 ? (
        <Alert color="yellow" title="No fields to compare">
          Pick the fields to compare the {config.plural} on.
        </Alert>
      ) : (
        <DuplicateResults config={config} fields={fields} />
      )}
      <CheckDuplicatesDialog config={config} opened={choosing} onClose={() => setChoosing(false)} initial={fields.length > 0 ? fields : config.defaultFields} />
    </Stack>
  );
}
