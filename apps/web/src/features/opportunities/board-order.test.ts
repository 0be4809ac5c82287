import { describe, expect, it } from 'vitest';
import { dropTarget, LOAD_AHEAD, moveCard, patchCard, repage, shouldLoadMore } from './board-order';

const card = (id: string, stage: 'new' | 'qualification') => ({ id, stage });
const board = () => ({ new: [card('a', 'new'), card('b', 'new'), card('c', 'new')], qualification: [card('x', 'qualification')] });

describe('moveCard', () => {
  it('moves a card to another column at the index, with its new stage', () => {
    const next = moveCard(board(), { id: 'b', from: 'new', to: 'qualification', index: 0 });
    expect(next.new?.map((c) => c.id)).toEqual(['a', 'c']);
    expect(next.qualification).toEqual([card('b', 'qualification'), card('x', 'qualification')]);
  });

  it('reorders within a column', () => {
    expect(moveCard(board(), { id: 'a', from: 'new', to: 'new', index: 2 }).new?.map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(moveCard(board(), { id: 'c', from: 'new', to: 'new', index: 0 }).new?.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('clamps the index to the column and leaves the board alone for an unknown card', () => {
    expect(moveCard(board(), { id: 'a', from: 'new', to: 'qualification', index: 99 }).qualification?.map((c) => c.id)).toEqual(['x', 'a']);
    const same = board();
    expect(moveCard(same, { id: 'zz', from: 'new', to: 'qualification', index: 0 })).toBe(same);
  });
});

describe('repage', () => {
  const pages = [
    { items: ['a', 'b'], total: 3, page: 1, pageSize: 2, totalExact: true },
    { items: ['c'], total: 3, page: 2, pageSize: 2, totalExact: true },
  ];
  it('keeps the page lengths, the last page taking the difference, and adjusts totals', () => {
    const next = repage(pages, ['a', 'b', 'c', 'd'], 1);
    expect(next.map((p) => p.items)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(next.every((p) => p.total === 4)).toBe(true);
    expect(repage(pages, ['b', 'c'], -1).map((p) => p.items)).toEqual([['b', 'c'], []]);
  });
});

describe('dropTarget', () => {
  it('is the card index, or the bottom of a column', () => {
    expect(dropTarget(board(), 'c')).toEqual({ stage: 'new', index: 2 });
    expect(dropTarget(board(), 'column:qualification')).toEqual({ stage: 'qualification', index: 1 });
    expect(dropTarget(board(), 'nope')).toBeNull();
  });
});

describe('patchCard', () => {
  const pages = [
    { items: [{ id: 'a', version: 1 }], total: 2, page: 1, pageSize: 1, totalExact: true },
    { items: [{ id: 'b', version: 1 }], total: 2, page: 2, pageSize: 1, totalExact: true },
  ];
  it('replaces the fields of the one card, leaving the other pages as they were', () => {
    const next = patchCard(pages, 'b', { version: 2 });
    expect(next[1]?.items).toEqual([{ id: 'b', version: 2 }]);
    expect(next[0]).toBe(pages[0]);
    expect(patchCard(pages, 'zz', { version: 9 })).toBe(pages);
  });
});

describe('shouldLoadMore', () => {
  const column = { lastVisible: 0, loaded: 100, hasMore: true, busy: false, failed: false };
  it.each([
    ['near the bottom of the loaded cards', { lastVisible: 99 - LOAD_AHEAD }, true],
    ['at the last loaded card', { lastVisible: 99 }, true],
    ['higher up', { lastVisible: 98 - LOAD_AHEAD }, false],
    ['nothing rendered yet', { lastVisible: undefined }, false],
    ['no next page', { lastVisible: 99, hasMore: false }, false],
    ['a fetch already running', { lastVisible: 99, busy: true }, false],
    ['the last fetch failed (the button retries)', { lastVisible: 99, failed: true }, false],
  ])('%s', (_case, change, expected) => {
    expect(shouldLoadMore({ ...column, ...change })).toBe(expected);
  });
});
