import { Alert, Anchor, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../api/problem';
import { useRecord } from '../api/resources';
import type { CollectionPath, RecordOf } from '../api/resource-types';

interface RecordLoaderProps<P extends CollectionPath> {
  path: P;
  id: string;
  /** Singular noun for messages: "No such lead". */
  noun: string;
  /** The list to go back to: `{ to: '/leads', label: 'Back to leads' }`. */
  back: { to: string; label: string };
  children: (record: RecordOf<P>) => ReactNode;
}

/** A record page's loading and "not found" states; the page itself renders the loaded record. */
export function RecordLoader<P extends CollectionPath>({ path, id, noun, back, children }: RecordLoaderProps<P>) {
  const record = useRecord(path, id);
  if (record.isPending)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (record.isError) {
    // A malformed id (400) is as missing as an unknown one.
    const missing = isApiError(record.error, 404) || isApiError(record.error, 400);
    return (
      <Alert color="red" title={missing ? `No such ${noun}` : `The ${noun} could not be loaded`}>
        {missing ? `This ${noun} does not exist or was deleted.` : errorMessage(record.error)}{' '}
        <Anchor component={Link} to={back.to}>
          {back.label}
        </Anchor>
      </Alert>
    );
  }
  return <>{children(record.data)}</>;
}
