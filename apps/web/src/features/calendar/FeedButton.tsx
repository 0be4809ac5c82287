import { ActionIcon, Alert, Button, CopyButton, Group, Popover, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconRefresh, IconRss } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { useCalendarFeed, useRegenerateFeed } from './calendar-api';

function FeedPanel() {
  const feed = useCalendarFeed(true);
  const regenerate = useRegenerateFeed();
  const [confirming, setConfirming] = useState(false);
  if (feed.error) return <Alert color="red">{errorMessage(feed.error)}</Alert>;
  return (
    <Stack gap="xs">
      <Text size="sm">Add this address to Google Calendar, Outlook or Thunderbird ("subscribe from URL") to see your CRM events there.</Text>
      <Group gap={4} wrap="nowrap">
        <TextInput aria-label="Feed URL" value={feed.data?.url ?? 'Loading…'} readOnly flex={1} onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={feed.data?.url ?? ''}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'}>
              <ActionIcon variant="light" aria-label="Copy the feed URL" onClick={copy} disabled={!feed.data}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        Anyone with this address sees your events. Regenerate it if it leaked: the old one stops working.
      </Text>
      <Group>
        <Button
          size="xs"
          variant={confirming ? 'filled' : 'light'}
          color="orange"
          leftSection={<IconRefresh size={14} />}
          loading={regenerate.isPending}
          onClick={() => {
            if (!confirming) return setConfirming(true);
            regenerate.mutate(undefined, {
              onSuccess: () => notifications.show({ color: 'green', message: 'New feed address made; the old one no longer works' }),
              onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
              onSettled: () => setConfirming(false),
            });
          }}
        >
          {confirming ? 'Click again to regenerate' : 'Regenerate'}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Subscribe (iCal)": the user's feed URL, to copy, and to regenerate. */
export function FeedButton() {
  return (
    <Popover width={420} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconRss size={16} />}>
          Subscribe (iCal)
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <FeedPanel />
      </Popover.Dropdown>
    </Popover>
  );
}
