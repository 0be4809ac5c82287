import { Alert, Anchor, AppShell, Burger, Button, Center, Group, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { errorMessage, isApiError } from '../api/problem';
import { useCurrentUser } from '../api/session';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { AppNavbar } from './AppNavbar';
import { UserMenu } from './UserMenu';

function PageLoader() {
  return (
    <Center h={200}>
      <Loader />
    </Center>
  );
}

/** The signed-in frame: header with the user menu, the CRM menu, and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useCurrentUser();

  if (me.isPending || isApiError(me.error, 401)) {
    // On a 401 the API client is already on its way to the sign-in page.
    return <PageLoader />;
  }
  if (me.isError) {
    return (
      <Center h="100vh">
        <Alert color="red" title="The CRM cannot be reached">
          {errorMessage(me.error)}
          <Button mt="sm" size="xs" onClick={() => void me.refetch()}>
            Retry
          </Button>
        </Alert>
      </Center>
    );
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" fw={700} fz="lg" c="inherit" underline="never">
              CRM
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu user={me.data} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar isAdmin={me.data.role === 'admin'} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
