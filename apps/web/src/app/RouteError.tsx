import { Alert, Anchor, Center } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : 'Unknown error';
  return (
    <Center p="xl">
      <Alert color="red" title="Something went wrong on this page">
        {message}{' '}
        <Anchor component={Link} to="/leads">
          Back to leads
        </Anchor>
      </Alert>
    </Center>
  );
}

export function NotFound() {
  return (
    <Alert color="gray" title="Page not found">
      There is nothing at this address.{' '}
      <Anchor component={Link} to="/leads">
        Back to leads
      </Anchor>
    </Alert>
  );
}
