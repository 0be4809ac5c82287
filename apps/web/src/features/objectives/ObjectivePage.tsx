import { Alert, Badge, Button, Card, Group, ScrollArea, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { OBJECTIVE_MEASURES, type ObjectiveMeasure } from '@crm/domain';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import { RecordLoader } from '../../ui/RecordLoader';
import { RecordPageHeader } from '../../ui/RecordPageHeader';
import { HowItCounts } from './HowItCounts';
import { MeasureBars, MeasureBarsSkeleton } from './MeasureBars';
import {
  aimedMeasures,
  chartData,
  FREQUENCY_LABELS,
  forWhomOf,
  formatRange,
  MEASURES,
  otherCurrencyAmounts,
  progressTable,
  type Objective,
  type ObjectiveProgress,
} from './objective-progress';
import { ObjectiveFormModal, type ObjectiveEditing } from './ObjectiveFormModal';
import { OBJECTIVES_PATH, useCanSetObjectives, useObjectiveProgress } from './objectives-api';
import { ProgressChart } from './ProgressChart';
import { ProgressTable } from './ProgressTable';

const MEASURE_OPTIONS = OBJECTIVE_MEASURES.map((measure) => ({ value: measure, label: MEASURES[measure].label }));

/** The measure the chart shows: the URL's, else the first one aimed at. */
function chosenMeasure(value: string | null, objective: Objective): ObjectiveMeasure {
  return OBJECTIVE_MEASURES.find((measure) => measure === value) ?? aimedMeasures(objective.targets)[0] ?? 'amountWon';
}

function OtherCurrencies({ progress }: { progress: ObjectiveProgress }) {
  const others = otherCurrencyAmounts(progress.total.actual, progress.currency);
  if (others.length === 0) return null;
  return (
    <Alert variant="light" color="yellow" title={`Won in other currencies than ${progress.currency}`}>
      <Stack gap={2}>
        {others.map((other) => (
          <Text key={other.currency} size="sm">
            {other.text}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          These deals are not converted, and not part of the amount won nor of its percent.
        </Text>
      </Stack>
    </Alert>
  );
}

function ProgressSections({ objective, progress }: { objective: Objective; progress: ObjectiveProgress }) {
  const [params, setParams] = useSearchParams();
  const measure = chosenMeasure(params.get('measure'), objective);
  const table = useMemo(() => progressTable(progress, objective.frequency), [progress, objective.frequency]);
  const points = useMemo(() => chartData(progress, measure, objective.frequency), [progress, measure, objective.frequency]);
  const chooseMeasure = (value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('measure', value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Title order={3} size="h4">
              Target and actual per period
            </Title>
            <ScrollArea type="auto" offsetScrollbars>
              <SegmentedControl aria-label="Measure shown" data={MEASURE_OPTIONS} value={measure} onChange={chooseMeasure} size="xs" />
            </ScrollArea>
          </Group>
          <ProgressChart data={points} measure={measure} currency={progress.currency} />
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Progress by period
          </Title>
          <Text size="sm" c="dimmed">
            Each cell: actual / target (percent reached). The targets apply to each period; the total adds them up.
          </Text>
          <ProgressTable rows={table.rows} total={table.total} />
        </Stack>
      </Card>
    </>
  );
}

function ObjectiveDetails({ objective }: { objective: Objective }) {
  const canSet = useCanSetObjectives();
  const users = useLookup('/api/v1/users');
  const teams = useLookup('/api/v1/teams');
  const progress = useObjectiveProgress(objective.id);
  const [editing, setEditing] = useState<ObjectiveEditing>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <RecordPageHeader
            trail={[{ label: 'Objectives', to: '/objectives' }]}
            current={objective.name}
            title={objective.name}
            badge={<Badge variant="light">{FREQUENCY_LABELS[objective.frequency]}</Badge>}
            subtitle={`${forWhomOf(objective, users, teams)} · ${formatRange(objective.from, objective.to)} · amounts in ${objective.currency}`}
          />
        </Stack>
        {canSet && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing({ mode: 'edit', id: objective.id })}>
            Edit
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={3} size="h4" mb="sm">
            Whole range
          </Title>
          {progress.isPending ? (
            <MeasureBarsSkeleton />
          ) : progress.isError ? null : (
            <MeasureBars period={progress.data.total} currency={progress.data.currency} />
          )}
        </Card>
        <Stack gap="md">
          <HowItCounts timeZone={progress.data?.timeZone} currency={objective.currency} />
          {progress.data && <OtherCurrencies progress={progress.data} />}
        </Stack>
      </SimpleGrid>

      {progress.isPending && (
        <Card withBorder padding="md" data-testid="progress-loading">
          <Skeleton height={20} width={240} mb="md" />
          <Skeleton height={280} mb="md" />
          <Skeleton height={16} mb={8} />
          <Skeleton height={16} mb={8} />
          <Skeleton height={16} />
        </Card>
      )}
      {progress.isError && (
        <Alert color="red" icon={<IconAlertTriangle />} title="The progress could not be computed">
          <Text size="sm">{errorMessage(progress.error)}</Text>
          <Button size="xs" variant="white" color="red" mt="xs" onClick={() => void progress.refetch()}>
            Retry
          </Button>
        </Alert>
      )}
      {progress.data && <ProgressSections objective={objective} progress={progress.data} />}

      <ObjectiveFormModal editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** One objective: the completion over its whole range, a chart of target against actual per period, and the table of every period. */
export function ObjectivePage() {
  const { id = '' } = useParams();
  return (
    <RecordLoader path={OBJECTIVES_PATH} id={id} noun="objective" back={{ to: '/objectives', label: 'Back to objectives' }}>
      {(objective) => <ObjectiveDetails objective={objective} />}
    </RecordLoader>
  );
}
