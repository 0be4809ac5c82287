import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useRecord } from '../api/resources';
import type { CollectionPath, RecordOf } from '../api/resource-types';

interface RecordLinkProps<P extends CollectionPath> {
  path: P;
  id: string;
  /** The SPA page of the record: `/partners/…`. */
  to: string;
  label: (record: RecordOf<P>) => string;
}

/**
 * A link to a referenced record, named by loading it (cached and shared
 * between the rows that name the same record): lists of big collections
 * cannot load every name up front the way a lookup does.
 */
export function RecordLink<P extends CollectionPath>({ path, id, to, label }: RecordLinkProps<P>) {
  const { data, isError } = useRecord(path, id, { staleTime: 60_000 });
  return (
    <Anchor component={Link} to={to} size="sm" onClick={(event) => event.stopPropagation()}>
      {data ? label(data) : isError ? 'Unavailable' : '…'}
    </Anchor>
  );
}
