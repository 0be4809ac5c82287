import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsAdmin } from '../api/session';

/** Pages only administrators use; the API refuses others (403) anyway, this explains it. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const isAdmin = useIsAdmin();
  if (!isAdmin)
    return (
      <Alert color="yellow" title="Administrators only">
        Only an administrator can manage this part of the configuration.
      </Alert>
    );
  return <>{children}</>;
}
