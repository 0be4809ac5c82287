import { ActionIcon, Button, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconClockExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatRelative } from '../../ui/format';
import { useMarkAllRead, useMarkRead, useRecentNotifications, useUnreadCount, type AppNotification } from './notification-api';
import { notificationLink } from './notification-link';
import { useNotificationStream } from './use-notification-stream';

interface NotificationItemProps {
  notification: AppNotification;
  onRead: () => void;
  /** Its link was followed: the bell closes. */
  onOpen: () => void;
}

function NotificationText({ notification }: { notification: AppNotification }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {notification.late && <IconClockExclamation size={16} color="var(--mantine-color-orange-6)" aria-label="Delivered late" />}
      <div>
        <Text size="sm" fw={notification.readAt === null ? 600 : 400}>
          {notification.title}
        </Text>
        {notification.body && (
          <Text size="xs" c="dimmed">
            {notification.body}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatRelative(notification.createdAt)}
        </Text>
      </div>
    </Group>
  );
}

function NotificationItem({ notification, onRead, onOpen }: NotificationItemProps) {
  const unread = notification.readAt === null;
  const link = notificationLink(notification);
  const shared = {
    p: 'xs',
    style: { borderRadius: 4, background: unread ? 'var(--mantine-color-blue-0)' : undefined, cursor: link || unread ? 'pointer' : 'default' },
    'data-testid': 'notification',
    'data-unread': unread || undefined,
  };
  if (!link) {
    return (
      <UnstyledButton onClick={unread ? onRead : undefined} aria-label={unread ? `Mark read: ${notification.title}` : notification.title} {...shared}>
        <NotificationText notification={notification} />
      </UnstyledButton>
    );
  }
  // A link, not a button: Enter follows it, a middle click opens it in another tab; following it marks it read.
  const open = () => {
    if (unread) onRead();
    onOpen();
  };
  return (
    <UnstyledButton component={Link} to={link} onClick={open} aria-label={unread ? `Unread: ${notification.title}` : notification.title} {...shared}>
      <NotificationText notification={notification} />
    </UnstyledButton>
  );
}

function NotificationList({ onOpen }: { onOpen: () => void }) {
  const recent = useRecentNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = recent.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Notifications</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => markAll.mutate()}
          loading={markAll.isPending}
          disabled={!items.some((item) => item.readAt === null)}
        >
          Mark all read
        </Button>
      </Group>
      {recent.isPending && <Loader size="sm" mx="auto" />}
      {recent.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing yet. Reminders of your events show here.
        </Text>
      )}
      <ScrollArea.Autosize mah={360}>
        <Stack gap={4}>
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onRead={() => markRead.mutate(notification.id)} onOpen={onOpen} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** The bell in the header: the unread count, the latest notifications on click (each opening what it is about), updated live. */
export function NotificationBell() {
  useNotificationStream();
  const unread = useUnreadCount().data ?? 0;
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4} data-testid="unread-count">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'}
            onClick={() => setOpened((open) => !open)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>{opened && <NotificationList onOpen={() => setOpened(false)} />}</Popover.Dropdown>
    </Popover>
  );
}
