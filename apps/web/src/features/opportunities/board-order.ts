import type { OpportunityStage } from '@crm/domain';

/** A kanban column's pages as the board endpoint returned them. */
export interface ColumnPage<Card> {
  items: Card[];
  total: number;
  page: number;
  pageSize: number;
  totalExact: boolean;
}

export interface BoardMove {
  id: string;
  from: OpportunityStage;
  to: OpportunityStage;
  /** Position in the target column once moved, 0 = top. */
  index: number;
}

/**
 * The columns after a card moves: taken out of its column and put at
 * `index` of the target (clamped to its length). Other columns are the same objects.
 */
export function moveCard<Card extends { id: string; stage: OpportunityStage }>(
  columns: Partial<Record<OpportunityStage, Card[]>>,
  move: BoardMove,
): Partial<Record<OpportunityStage, Card[]>> {
  const source = columns[move.from] ?? [];
  const card = source.find((item) => item.id === move.id);
  if (!card) return columns;
  const without = source.filter((item) => item.id !== move.id);
  const target = move.from === move.to ? without : [...(columns[move.to] ?? [])];
  const index = Math.max(0, Math.min(move.index, target.length));
  target.splice(index, 0, { ...card, stage: move.to });
  return move.from === move.to ? { ...columns, [move.to]: target } : { ...columns, [move.from]: without, [move.to]: target };
}

/**
 * Lays `items` back into pages shaped like `pages` (each keeps its length,
 * the last one takes the difference) and adjusts the totals by `delta`.
 */
export function repage<Card>(pages: ColumnPage<Card>[], items: Card[], delta: number): ColumnPage<Card>[] {
  if (pages.length === 0) return pages;
  let offset = 0;
  return pages.map((page, i) => {
    const length = i === pages.length - 1 ? items.length - offset : page.items.length;
    const slice = items.slice(offset, offset + length);
    offset += length;
    return { ...page, items: slice, total: page.total + delta };
  });
}

/** Where a drop lands: over a card (its index in its column) or over a column's empty space (the bottom). */
export function dropTarget<Card extends { id: string }>(
  columns: Partial<Record<OpportunityStage, Card[]>>,
  overId: string,
): { stage: OpportunityStage; index: number } | null {
  if (overId.startsWith('column:')) {
    const stage = overId.slice('column:'.length) as OpportunityStage;
    return { stage, index: columns[stage]?.length ?? 0 };
  }
  for (const [stage, cards] of Object.entries(columns) as [OpportunityStage, Card[]][]) {
    const index = cards.findIndex((card) => card.id === overId);
    if (index >= 0) return { stage, index };
  }
  return null;
}

/** The pages with one card's fields replaced (by the API's answer to a move); the same pages when the card is not there. */
export function patchCard<Card extends { id: string }>(pages: ColumnPage<Card>[], id: string, patch: Partial<Card>): ColumnPage<Card>[] {
  const at = pages.findIndex((page) => page.items.some((item) => item.id === id));
  if (at < 0) return pages;
  return pages.map((page, i) => (i === at ? { ...page, items: page.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) } : page));
}

/** Cards left below the last visible one when a column asks for its next page: a few screens ahead. */
export const LOAD_AHEAD = 15;

/**
 * Whether a column scrolled this far should fetch its next page: when the last
 * visible card is within LOAD_AHEAD of the loaded ones, there is a next page,
 * and no fetch is running or has just failed (a failure waits for "Load more").
 */
export function shouldLoadMore(column: { lastVisible: number | undefined; loaded: number; hasMore: boolean; busy: boolean; failed: boolean }): boolean {
  if (column.lastVisible === undefined || !column.hasMore || column.busy || column.failed) return false;
  return column.lastVisible >= column.loaded - 1 - LOAD_AHEAD;
}
