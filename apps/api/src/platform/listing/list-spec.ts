/**
 * What a resource lets its list do: which request fields filter by equality
 * on which column, which fields sort on which column, and the column that
 * free-text search (`q`) looks in. Anything not named here is refused.
 */
export interface ListSpec {
  /** Query builder alias of the main table. */
  alias: string;
  /**
   * request field → SQL column compared by equality, or a function that
   * writes the whole condition around the value's placeholder (`:name` for
   * the query builder, `$n` in plain SQL), e.g. for filters through another
   * table.
   */
  filters: Record<string, string | ((value: string) => string)>;
  /** request field → SQL column or expression */
  sorts: Record<string, string>;
  /**
   * Sort fields whose column may be NULL: they sort with NULLS LAST, so
   * empty values never head a list. The others sort plainly, which lets
   * PostgreSQL walk an index such as (created_at DESC, id DESC); a NULLS
   * LAST on a NOT NULL column would not match it and force a full sort.
   */
  nullableSorts?: readonly string[];
  /** A lower-cased text column with a trigram index; `q` matches substrings of it. */
  searchColumn?: string;
  /** Applied when the request gives no `sort`. */
  defaultSort: string;
}

export interface SortTerm {
  field: string;
  descending: boolean;
}

/** Parses `-createdAt,name`; returns the fields that the spec does not know as errors. */
export function parseSort(sort: string, allowed: Record<string, string>): { terms: SortTerm[]; unknown: string[] } {
  const terms = sort
    .split(',')
    .filter(Boolean)
    .map((part) => ({ field: part.replace(/^-/, ''), descending: part.startsWith('-') }));
  return { terms, unknown: terms.map((t) => t.field).filter((field) => !(field in allowed)) };
}

/** Escapes LIKE wildcards so a search for `50%` means the characters, not a pattern. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
