import { cellsToBody, checkHeader, CsvColumns, escapeCell, toCell, unescapeCell } from './csv-cells';

const COLUMNS: CsvColumns = {
  lastName: 'text',
  phone: 'text',
  'address.city': 'text',
  'address.country': 'text',
  doNotCall: 'boolean',
  probability: 'integer',
};

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
    [' =1+1', "' =1+1"],
    ['  \t@cmd', "'  \t@cmd"],
    ['\n=1+1', "'\n=1+1"],
    ["' =1+1", "'' =1+1"],
    [' Doe', ' Doe'],
    ["' Doe", "' Doe"],
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

describe('escapeCell', () => {
  it.each([' =1+1', '\t=1+1', '  -2', ' @SUM(A1)', '\r\n+1', "'' =1"])('defuses %j: the written cell starts with an apostrophe', (value) => {
    expect(escapeCell(value)).toBe(`'${value}`);
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

  it('refuses a header cell holding a NUL character without echoing it', () => {
    expect(checkHeader(['lastName', 'phone\u0000'], COLUMNS, 'leads')).toEqual([
      { field: 'column 2', message: 'the header cell must not contain a NUL character (\\u0000)' },
    ]);
  });
});

describe('cellsToBody', () => {
  const header = ['lastName', 'address.city', 'address.country', 'doNotCall', 'probability', 'phone'];

  it('nests dotted columns, converts booleans and integers, and leaves empty cells out', () => {
    expect(cellsToBody(header, ['Doe', 'Lyon', '', 'TRUE', '40', "'+33 1 23 45 67 89"], COLUMNS)).toEqual({
      body: { lastName: 'Doe', address: { city: 'Lyon' }, doNotCall: true, probability: 40, phone: '+33 1 23 45 67 89' },
      errors: [],
    });
  });

  it('keeps text cells as written: blanks around them, and a formula sign after blanks, stay', () => {
    expect(cellsToBody(header, [' Doe ', ' =1+1', ' ', '', '', '\t+1'], COLUMNS).body).toEqual({
      lastName: ' Doe ',
      address: { city: ' =1+1', country: ' ' },
      phone: '\t+1',
    });
  });

  it('reads booleans and integers with blanks around them, and leaves a blank one out', () => {
    expect(cellsToBody(header, ['Doe', '', '', ' false ', ' 40 ', ''], COLUMNS).body).toEqual({ lastName: 'Doe', doNotCall: false, probability: 40 });
    expect(cellsToBody(header, ['Doe', '', '', '  ', '\t', ''], COLUMNS).body).toEqual({ lastName: 'Doe' });
  });

  it('undoes the export escape, and only it: an imported file gives back the exported values', () => {
    const values = ['=1+1', ' =1+1', "'=x", "O'Brien", ' Doe', '-5'];
    for (const value of values) expect(cellsToBody(['lastName'], [escapeCell(value)], COLUMNS).body).toEqual({ lastName: value });
  });

  it('refuses a row with a NUL character in any cell, naming each field (or the column past the header)', () => {
    expect(cellsToBody(header, ['Do\u0000e', 'Lyon', '\u0000', '', '', ''], COLUMNS)).toEqual({
      body: {},
      errors: [
        { field: 'lastName', message: 'lastName must not contain a NUL character (\\u0000)' },
        { field: 'address.country', message: 'address.country must not contain a NUL character (\\u0000)' },
      ],
    });
    expect(cellsToBody(['lastName'], ['Doe', '', 'x\u0000'], COLUMNS)).toEqual({
      body: {},
      errors: [{ field: 'column 3', message: 'the cell must not contain a NUL character (\\u0000)' }],
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
