import { cellsToBody, checkHeader, CsvColumns, escapeCell, toCell, unescapeCell } from './csv-cells';

const COLUMNS: CsvColumns = { lastName: 'text', phone: 'text', 'address.city': 'text', 'address.country': 'text', doNotCall: 'boolean', probability: 'integer' };

describe('escapeCell and unescapeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23 45 67 89', "'+33 1 23 45 67 89"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ["'=already", "''=already"],
    ['Acme', 'Acme'],
    ['a=b', 'a=b'],
    ["O'Brien", "O'Brien"],
    ["'quoted", "'quoted"],
    ['', ''],
  ])('%j is written %j and reads back as it was', (value, written) => {
    expect(escapeCell(value)).toBe(written);
    expect(unescapeCell(written)).toBe(value);
  });
});

describe('toCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [false, 'false'],
    [42, '42'],
    [new Date('2026-11-28T09:30:00.000Z'), '2026-11-28T09:30:00.000Z'],
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
  ])('%j → %j', (value, cell) => {
    expect(toCell(value)).toBe(cell);
  });
});

describe('checkHeader', () => {
  it('accepts any subset of the columns in any order', () => {
    expect(checkHeader(['doNotCall', 'lastName', 'address.city'], COLUMNS, 'leads')).toEqual([]);
  });

  it('names unknown, duplicate and unnamed columns', () => {
    const errors = checkHeader(['lastName', 'colour', 'lastName', '', 'address'], COLUMNS, 'leads');
    expect(errors.map((e) => e.field)).toEqual(['colour', 'lastName', 'column 4', 'address']);
    expect(errors[0].message).toMatch(/^colour is not a column of leads; the columns are lastName, phone, address.city/);
  });
});

describe('cellsToBody', () => {
  const header = ['lastName', 'address.city', 'address.country', 'doNotCall', 'probability', 'phone'];

  it('nests dotted columns, converts booleans and integers, trims, and leaves empty cells out', () => {
    expect(cellsToBody(header, [' Doe ', 'Lyon', '', 'TRUE', '40', "'+33 1 23 45 67 89"], COLUMNS)).toEqual({
      body: { lastName: 'Doe', address: { city: 'Lyon' }, doNotCall: true, probability: 40, phone: '+33 1 23 45 67 89' },
      errors: [],
    });
  });

  it('keeps what does not read as its type, for the DTO to refuse with its own message', () => {
    expect(cellsToBody(header, ['Doe', '', '', 'yes', '4.5', ''], COLUMNS).body).toEqual({ lastName: 'Doe', doNotCall: 'yes', probability: '4.5' });
  });

  it('reads a short row as empty cells and ignores empty cells past the header', () => {
    expect(cellsToBody(header, ['Doe'], COLUMNS).body).toEqual({ lastName: 'Doe' });
    expect(cellsToBody(header, ['Doe', '', '', '', '', '', ' '], COLUMNS).errors).toEqual([]);
  });

  it('refuses a row with more values than the header has columns', () => {
    expect(cellsToBody(['lastName'], ['Doe', 'extra'], COLUMNS)).toEqual({
      body: {},
      errors: [{ field: 'row', message: 'the line has 2 cells but the header names 1 columns' }],
    });
  });
});
