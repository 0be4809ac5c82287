import fc from 'fast-check';
import { awkwardText, hostileString } from './hostile-values';
import { kindsForField } from './id-pool';
import { idValue, valueFor, ValueContext } from './schema-values';

/** A CSV upload as generated: cells may hold pool references, rendered when sent. */
export interface CsvUpload {
  kind: 'multipart';
  /** The multipart field the file goes in (usually the right one). */
  field: string;
  filename: string;
  partType: string;
  header: string[];
  rows: unknown[][];
  /** Ways the file or the multipart body is broken on purpose. */
  damage: 'none' | 'bom' | 'unbalanced-quote' | 'ragged-rows' | 'latin1' | 'truncated-multipart' | 'empty-file';
}

/** A cell for a column named like a DTO field: ids from the pool, booleans, named formats, text. */
function cellFor(column: string, ctx: ValueContext): fc.Arbitrary<unknown> {
  const name = column.split('.').pop() ?? column;
  const kinds = kindsForField(name);
  const shaped = kinds
    ? idValue(kinds, ctx)
    : /^(do|is)[A-Z]/.test(name)
      ? fc.constantFrom('true', 'false', 'TRUE', 'yes', '1', '')
      : name === 'kind'
        ? fc.constantFrom('company', 'individual', 'Company', '')
        : valueFor({ type: 'string' }, name, ctx);
  return fc.oneof(
    { arbitrary: shaped, weight: 12 },
    { arbitrary: fc.constant(''), weight: 2 },
    { arbitrary: awkwardText, weight: 2 },
    { arbitrary: hostileString, weight: ctx.hostileWeight ? 3 : 0 },
  );
}

/** A CSV file for an import: a subset of the documented columns, a few rows, hostile cells and broken files now and then. */
export function csvUpload(field: string, columns: readonly string[], ctx: ValueContext): fc.Arbitrary<CsvUpload> {
  const header = fc.oneof(
    { arbitrary: fc.shuffledSubarray([...columns], { minLength: 1 }), weight: 12 },
    // an unknown, duplicated or empty column name refuses the whole file
    { arbitrary: fc.shuffledSubarray([...columns], { minLength: 1 }).map((cols) => [...cols, 'colour']), weight: 1 },
    { arbitrary: fc.shuffledSubarray([...columns], { minLength: 1 }).map((cols) => [...cols, cols[0]]), weight: 1 },
    { arbitrary: fc.tuple(hostileString, fc.constantFrom(...columns)).map(([bad, col]) => [col, bad]), weight: 1 },
  );
  return fc
    .tuple(
      header.chain((cols) => fc.tuple(fc.constant(cols), fc.array(fc.tuple(...cols.map((col) => cellFor(col, ctx))), { maxLength: 6 }))),
      fc.oneof({ arbitrary: fc.constant(field), weight: 20 }, { arbitrary: fc.constantFrom('files', 'other', ''), weight: 1 }),
      fc.oneof(
        { arbitrary: fc.constant('import.csv'), weight: 10 },
        { arbitrary: fc.constantFrom('../../etc/passwd', 'a\u0000b.csv', '名前.csv', 'x'.repeat(300)), weight: 1 },
      ),
      fc.constantFrom('text/csv', 'text/csv', 'application/octet-stream', 'application/json'),
      fc.oneof(
        { arbitrary: fc.constant('none' as const), weight: 16 },
        {
          arbitrary: fc.constantFrom<CsvUpload['damage']>('bom', 'unbalanced-quote', 'ragged-rows', 'latin1', 'truncated-multipart', 'empty-file'),
          weight: ctx.hostileWeight ? 4 : 1,
        },
      ),
    )
    .map(([[cols, rows], fieldName, filename, partType, damage]) => ({
      kind: 'multipart' as const,
      field: fieldName,
      filename,
      partType,
      header: cols,
      rows,
      damage,
    }));
}

function quoteCell(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The file's text; `text` turns a cell value (a resolved reference, a number…) into its cell. */
export function renderCsv(upload: CsvUpload, text: (cell: unknown) => string): string {
  const lines = [upload.header, ...upload.rows.map((row) => row.map(text))].map((cells) => cells.map(quoteCell));
  if (upload.damage === 'unbalanced-quote' && lines.length > 1) lines[1][0] = `"${lines[1][0]}`;
  if (upload.damage === 'ragged-rows' && lines.length > 1) lines[1].push('extra', 'cells');
  if (upload.damage === 'empty-file') return '';
  const csv = lines.map((cells) => cells.join(',')).join('\r\n');
  return upload.damage === 'bom' ? `\ufeff${csv}` : `${csv}\n`;
}

/** The multipart/form-data body carrying the file; `truncated-multipart` cuts the closing boundary. */
export function multipartBody(upload: CsvUpload, file: Buffer): { body: Buffer; contentType: string } {
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${upload.field.replace(/"/g, '%22')}"; filename="${upload.filename.replace(/"/g, '%22')}"\r\nContent-Type: ${upload.partType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(upload.damage === 'truncated-multipart' ? '' : `\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
