import { likeContains, parseSort } from './list-spec';

describe('parseSort', () => {
  const allowed = { createdAt: 't.created_at', name: 't.name' };

  it('reads directions and keeps the order of the fields', () => {
    expect(parseSort('-createdAt,name', allowed)).toEqual({
      terms: [
        { field: 'createdAt', descending: true },
        { field: 'name', descending: false },
      ],
      unknown: [],
    });
  });

  it('reports fields the resource cannot sort by', () => {
    expect(parseSort('name,-password', allowed).unknown).toEqual(['password']);
  });
});

describe('likeContains', () => {
  it('lower-cases and escapes LIKE wildcards', () => {
    expect(likeContains('50%_Off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
