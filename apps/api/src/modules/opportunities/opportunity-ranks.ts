import { generateKeyBetween } from 'fractional-indexing';
import { EntityManager } from 'typeorm';
import type { OpportunityStage } from '@crm/domain';

/**
 * The rank that puts a card at `position` (0 = top; undefined = bottom) of a
 * stage's column, leaving the card itself out. Takes a transaction-scoped
 * advisory lock on the column first: moves into one column run one at a
 * time, so two never compute the same rank, and no move is lost (the unique
 * (stage, rank) index guards the rest). Other columns are not blocked.
 */
export async function rankInColumn(manager: EntityManager, stage: OpportunityStage, position: number | undefined, movingId?: string): Promise<string> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opportunity-column:${stage}`]);
  const exclude = movingId ?? '00000000-0000-0000-0000-000000000000';
  if (position === undefined) {
    const [last] = await manager.query(`SELECT rank FROM opportunities WHERE stage = $1 AND id <> $2 ORDER BY rank DESC LIMIT 1`, [stage, exclude]);
    return generateKeyBetween(last?.rank ?? null, null);
  }
  const neighbours: { rank: string }[] = await manager.query(
    `SELECT rank FROM opportunities WHERE stage = $1 AND id <> $2 ORDER BY rank LIMIT 2 OFFSET $3`,
    [stage, exclude, Math.max(position - 1, 0)],
  );
  if (position === 0) return generateKeyBetween(null, neighbours[0]?.rank ?? null);
  return generateKeyBetween(neighbours[0]?.rank ?? null, neighbours[1]?.rank ?? null);
}
