import type { CollectionPath, ListRow } from '../../api/resource-types';
import type { ListColumn, ListFilter } from '../../ui/list-screen/types';
import type { FormMode } from '../../ui/record-form/form-values';
import type { FieldDef, FormValues } from '../../ui/record-form/types';

/** What differs between two configuration lists; ConfigListPage does the rest. */
export interface ConfigList<P extends CollectionPath> {
  path: P;
  /** Page title, plural: "Lead sources". */
  title: string;
  /** Singular, lower-case, for buttons and messages: "lead source". */
  singular: string;
  columns: ListColumn<ListRow<P>>[];
  fields: (mode: FormMode) => FieldDef[];
  /** Starting values of a new record. */
  defaults?: FormValues;
  /** What a row is called in the delete confirmation. */
  nameOf: (row: ListRow<P>) => string;
  defaultSort?: string;
  filters?: ListFilter[];
  modalSize?: string;
}

/** Keeps the path's row type flowing into the columns and callbacks. */
export function defineConfigList<P extends CollectionPath>(list: ConfigList<P>): ConfigList<P> {
  return list;
}
