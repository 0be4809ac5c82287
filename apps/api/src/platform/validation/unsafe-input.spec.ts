import { findUnsafeInput, MAX_INPUT_DEPTH, unsafeText } from './unsafe-input';

describe('unsafeText', () => {
  it.each(['', 'Acme', 'Zoë ✓ 🚀', '\u202Emirrored', 'tab\tand\nnewline'])('accepts %j', (text) => {
    expect(unsafeText(text)).toBeUndefined();
  });

  it('refuses a NUL character', () => {
    expect(unsafeText('a\u0000b')).toMatch(/NUL/);
  });

  it.each(['\uD800', 'x\uDFFFy', '🚀'.slice(0, 1), 'end\uDBFF'])('refuses the lone surrogate in %j', (text) => {
    expect(unsafeText(text)).toMatch(/lone UTF-16 surrogate/);
  });
});

describe('findUnsafeInput', () => {
  it('finds nothing in ordinary input', () => {
    expect(findUnsafeInput({ name: 'Acme', address: { city: 'Lyon' }, lines: [{ quantity: '2' }], n: 3, flag: true, none: null })).toEqual([]);
  });

  it('names the field of each unsafe value, nested and in arrays', () => {
    const errors = findUnsafeInput({ name: 'a\u0000', address: { city: '\uD800' }, lines: [{ description: 'x' }, { description: 'y\u0000' }] });
    expect(errors.map((e) => e.field).sort()).toEqual(['address.city', 'lines.1.description', 'name']);
  });

  it('checks property names as well as values', () => {
    expect(findUnsafeInput({ 'bad\u0000key': 1 })).toEqual([{ field: 'body', message: expect.stringMatching(/property name/) as string }]);
  });

  it('prefixes the parameter name for a path or query value given alone', () => {
    expect(findUnsafeInput('x\u0000', 'id')).toEqual([{ field: 'id', message: expect.stringMatching(/NUL/) as string }]);
  });

  it('refuses nesting deeper than the limit without recursing into it', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeInput(deep)).toEqual([{ field: expect.any(String) as string, message: `nests deeper than ${MAX_INPUT_DEPTH} levels` }]);
    let allowed: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) allowed = { a: allowed };
    expect(findUnsafeInput(allowed)).toEqual([]);
  });
});
