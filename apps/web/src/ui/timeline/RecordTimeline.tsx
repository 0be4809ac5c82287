import { Alert, Button, Center, Loader, Stack, Text, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import { useLookup } from '../../api/lookups';
import { errorMessage } from '../../api/problem';
import type { TimelinePath } from '../../api/resource-types';
import { useTimeline, type TimelineEntry } from '../../api/timeline';
import { formatDateTime, formatRelative } from '../format';
import { kindLook } from './timeline-kinds';

function EntryBullet({ kind }: { kind: string }) {
  const { icon: Icon, color } = kindLook(kind);
  return (
    <ThemeIcon size={26} radius="xl" color={color} variant="light">
      <Icon size={15} aria-hidden />
    </ThemeIcon>
  );
}

function EntryItem({ entry, actor }: { entry: TimelineEntry; actor: string | undefined }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {entry.summary}
      </Text>
      <Text size="xs" c="dimmed">
        {actor ? `${actor} · ` : ''}
        <Tooltip label={formatDateTime(entry.occurredAt)} openDelay={300}>
          <time dateTime={entry.occurredAt} title={formatDateTime(entry.occurredAt)}>
            {formatRelative(entry.occurredAt)}
          </time>
        </Tooltip>
      </Text>
    </Stack>
  );
}

/** What happened to a record, newest first, with "Load more" for older entries. */
export function RecordTimeline({ path, id }: { path: TimelinePath; id: string }) {
  const timeline = useTimeline(path, id);
  const users = useLookup('/api/v1/users');

  if (timeline.isPending)
    return (
      <Center h={120}>
        <Loader size="sm" />
      </Center>
    );
  if (timeline.isError)
    return (
      <Alert color="red" title="The timeline could not be loaded">
        {errorMessage(timeline.error)}
      </Alert>
    );

  const entries = timeline.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <Text c="dimmed">Nothing has happened yet.</Text>;
  return (
    <Stack gap="md" renderRoot={(props) => <section aria-label="Timeline" {...props} />}>
      <Timeline bulletSize={26} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item key={entry.id} bullet={<EntryBullet kind={entry.kind} />} data-kind={entry.kind}>
            <EntryItem entry={entry} actor={users.nameOf(entry.actorId)} />
          </Timeline.Item>
        ))}
      </Timeline>
      {timeline.hasNextPage && (
        <Button variant="light" size="xs" w="fit-content" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
