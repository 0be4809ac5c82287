import { generateKeyBetween } from 'fractional-indexing';
import { EntityManager } from 'typeorm';
import type { OpportunityStage } from '@crm/domain';

/** Where the moving card is now (to leave it out of its own column's neighbours). */
export interface CardPlace {
  stage: OpportunityStage;
  rank: string;
}

/**
 * The rank that puts a card at `position` (0 = top; undefined, or past the
 * end = bottom) of a stage's column. Takes a transaction-scoped advisory
 * lock on the column first: moves into one column run one at a time, so two
 * never compute the same rank, and no move is lost (the unique (stage, rank)
 * index guards the rest). Other columns are not blocked.
 *
 * The neighbours are read from the (stage, rank) index alone; the moving
 * card is left out by its rank, which is cheaper than `id <> …` (that reads
 * the table for every row skipped).
 */
export async function rankInColumn(manager: EntityManager, stage: OpportunityStage, position: number | undefined, moving?: CardPlace): Promise<string> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opportunity-column:${stage}`]);
  const own = moving?.stage === stage ? moving.rank : undefined;
  const ranks = async (sql: string, params: unknown[]) => (await manager.query<{ rank: string }[]>(sql, params)).map((row) => row.rank);
  const bottom = async () => {
    const last = (await ranks(`SELECT rank FROM opportunities WHERE stage = $1 ORDER BY rank DESC LIMIT 2`, [stage])).find((rank) => rank !== own);
    return generateKeyBetween(last ?? null, null);
  };
  if (position === undefined) return bottom();
  const window = await ranks(`SELECT rank FROM opportunities WHERE stage = $1 ORDER BY rank LIMIT 3 OFFSET $2`, [stage, Math.max(position - 1, 0)]);
  // positions count the column without the card: a card above the window shifts it by one row
  const others = own !== undefined && window.length && own < window[0] ? window.slice(1) : window.filter((rank) => rank !== own);
  if (position === 0) return generateKeyBetween(null, others[0] ?? null);
  if (!others.length) return bottom();
  return generateKeyBetween(others[0], others[1] ?? null);
}
