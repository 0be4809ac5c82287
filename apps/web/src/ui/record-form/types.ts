import type { SelectOption } from '../../api/lookups';
import type { CollectionPath, NamedListPath } from '../../api/resource-types';

export type FieldKind = 'text' | 'email' | 'textarea' | 'select' | 'multiselect' | 'checkbox' | 'number' | 'date' | 'password' | 'reference';

/** Collections a `reference` field searches: big ones, whose records have a `name`. */
export type ReferencePath = Extract<CollectionPath, NamedListPath>;

export interface FieldDef {
  /** Property path in the request and the record, e.g. `email` or `address.city`. */
  name: string;
  label: string;
  kind: FieldKind;
  /** `'create'`: required when creating only (a password kept when left empty on edit). */
  required?: boolean | 'create';
  /** For select and multiselect. */
  options?: SelectOption[];
  /** For reference: the collection searched as the user types. */
  reference?: ReferencePath;
  description?: string;
  placeholder?: string;
  /** Takes the whole width of a two-column form. */
  wide?: boolean;
}

/** A form's values: field paths nest (`address.city` lives in `address`). */
export type FormValues = Record<string, unknown>;
