import type { ReactNode } from 'react';
import type { SelectOption } from '../../api/lookups';
import type { ReferencePath } from '../record-form/types';

export interface ListColumn<Row> {
  label: string;
  /** The row property shown when there is no `render`, and the sort key when sortable. */
  field: string;
  sortable?: boolean;
  /** Sort key when it differs from `field` (a full-name column sorts by `lastName`). */
  sortField?: string;
  render?: (row: Row) => ReactNode;
  /** Keeps the cell on one line (phone numbers, dates, badges) where breaking it would be hard to read. */
  nowrap?: boolean;
}

interface FilterBase {
  /** Query parameter of the API, also the URL search parameter. */
  param: string;
  label: string;
}

export type ListFilter =
  | (FilterBase & { kind: 'select'; options: SelectOption[] })
  | (FilterBase & { kind: 'boolean' })
  | (FilterBase & { kind: 'text' })
  /** A record of a big collection, found by typing (a contact's partner). */
  | (FilterBase & { kind: 'reference'; path: ReferencePath });
