import { Alert, Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../api/problem';
import { MeasureBars, MeasureBarsSkeleton } from './MeasureBars';
import { FREQUENCY_LABELS, formatRange, type Objective } from './objective-progress';
import { useObjectiveProgress } from './objectives-api';

/** One objective in the grid: for whom and when, and the completion of each measure over the whole range. */
export function ObjectiveCard({ objective, forWhom }: { objective: Objective; forWhom: string }) {
  const progress = useObjectiveProgress(objective.id);
  return (
    <Card withBorder padding="md" component="article" aria-label={objective.name}>
      <Stack gap="sm">
        <div>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/objectives/${objective.id}`} fw={600} size="lg">
              {objective.name}
            </Anchor>
            <Badge variant="light">{FREQUENCY_LABELS[objective.frequency]}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {forWhom} · {formatRange(objective.from, objective.to)}
          </Text>
        </div>
        {progress.isPending ? (
          <MeasureBarsSkeleton />
        ) : progress.isError ? (
          <Alert color="red" variant="light">
            {errorMessage(progress.error)}
          </Alert>
        ) : (
          <MeasureBars period={progress.data.total} currency={progress.data.currency} />
        )}
        <Anchor component={Link} to={`/objectives/${objective.id}`} size="sm" aria-label={`Details of ${objective.name} by period`}>
          Details by period
        </Anchor>
      </Stack>
    </Card>
  );
}
