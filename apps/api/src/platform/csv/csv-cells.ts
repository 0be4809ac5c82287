import type { FieldError } from '../errors/domain-error';
import { unsafeText } from '../validation/unsafe-input';

/** How the cells of a column read and write: text as is, `true`/`false`, whole numbers. */
export type CsvCellType = 'text' | 'boolean' | 'integer';

/**
 * The columns of a resource's files, in file order: column name (the field's
 * path in the create body, `lastName` or `address.city`) → cell type.
 */
export type CsvColumns = Record<string, CsvCellType>;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula
 * (CSV injection); one that trims cells on opening (an import option of
 * LibreOffice and Google Sheets) runs ` =x` too, so blanks before the sign
 * count. Leading apostrophes are included so that escaping can be undone
 * exactly: `'=x` is written `''=x` and reads back as `'=x`.
 */
const FORMULA_START = /^'*[ \t\r\n]*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[ \t\r\n]*[=+\-@\t\r]/;

/** Prefixes `'` to a cell a spreadsheet would run as a formula. */
export function escapeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link escapeCell}, so an exported file imports the values it was made from. */
export function unescapeCell(text: string): string {
  return ESCAPED_FORMULA.test(text) ? text.slice(1) : text;
}

/** A stored value as an export cell: empty for null, `true`/`false`, ISO dates, formulas defused. */
export function toCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return escapeCell(String(value));
  // no exported column holds a list or an object; were one added, its JSON says more than "[object Object]"
  return escapeCell(JSON.stringify(value));
}

/**
 * Checks a header row against the resource's columns: every name must be a
 * column, once. Returns one error per offending header cell.
 */
export function checkHeader(header: string[], columns: CsvColumns, what: string): FieldError[] {
  const known = Object.keys(columns);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  header.forEach((name, index) => {
    // the name is not echoed: a NUL could not be stored with a background import's outcome
    const unsafe = unsafeText(name);
    if (unsafe) errors.push({ field: `column ${index + 1}`, message: `the header cell ${unsafe}` });
    else if (!name) errors.push({ field: `column ${index + 1}`, message: 'the header cell is empty; name the field this column holds' });
    else if (!Object.hasOwn(columns, name)) errors.push({ field: name, message: `${name} is not a column of ${what}; the columns are ${known.join(', ')}` });
    else if (seen.has(name)) errors.push({ field: name, message: `${name} appears more than once in the header` });
    seen.add(name);
  });
  return errors;
}

/** The field of the errors about a row as a whole (its number of cells). */
export const ROW_FIELD = 'row';

/**
 * One data row as the body a client would send: cells as written (a field
 * whose rule trims, such as an email, trims in its DTO, as for a request
 * body), an empty cell left out, `address.city` nested, booleans and
 * integers converted when they read as such (otherwise the text is kept,
 * for the DTO to refuse with the API's own message). A cell holding a NUL
 * character (or what else no text field may hold, see unsafeText), in any column, refuses the row with an error naming it. The
 * header must have passed {@link checkHeader}.
 */
export function cellsToBody(header: string[], cells: string[], columns: CsvColumns): { body: Record<string, unknown>; errors: FieldError[] } {
  const unsafe = cells.flatMap((cell, index) => {
    const problem = unsafeText(cell);
    return problem ? [{ field: header[index] ?? `column ${index + 1}`, message: `${header[index] ?? 'the cell'} ${problem}` }] : [];
  });
  if (unsafe.length) return { body: {}, errors: unsafe };
  const extra = cells.slice(header.length).filter((cell) => cell.trim() !== '');
  if (extra.length) {
    return { body: {}, errors: [{ field: ROW_FIELD, message: `the line has ${cells.length} cells but the header names ${header.length} columns` }] };
  }
  const body: Record<string, unknown> = {};
  header.forEach((name, index) => {
    const cell = cells[index];
    if (!cell) return;
    const value = readCell(unescapeCell(cell), columns[name]);
    if (value !== undefined) setPath(body, name, value);
  });
  return { body, errors: [] };
}

/**
 * Text is kept as written. Booleans and integers read with blanks around
 * them (`" true"`), and a blank cell of theirs is left out, as an empty one.
 */
function readCell(text: string, type: CsvCellType): unknown {
  if (type !== 'text' && text.trim() === '') return undefined;
  switch (type) {
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : text;
    }
    case 'integer':
      return /^[+-]?\d{1,15}$/.test(text.trim()) ? Number(text) : text;
    default:
      return text;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = target;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}

/** The columns of an embedded postal address (the Address class), for any resource that has one. */
export const ADDRESS_CSV_COLUMNS = {
  'address.street': 'text',
  'address.city': 'text',
  'address.postalCode': 'text',
  'address.state': 'text',
  'address.country': 'text',
} as const satisfies CsvColumns;
