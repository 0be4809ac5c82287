import type { ReactNode } from 'react';
import type { SelectOption } from '../../api/lookups';

export interface ListColumn<Row> {
  label: string;
  /** The row property shown when there is no `render`, and the sort key when sortable. */
  field: string;
  sortable?: boolean;
  /** Sort key when it differs from `field` (a full-name column sorts by `lastName`). */
  sortField?: string;
  render?: (row: Row) => ReactNode;
}

interface FilterBase {
  /** Query parameter of the API, also the URL search parameter. */
  param: string;
  label: string;
}

export type ListFilter =
  | (FilterBase & { kind: 'select'; options: SelectOption[] })
  | (FilterBase & { kind: 'boolean' })
  | (FilterBase & { kind: 'text' });
