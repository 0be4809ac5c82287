import type { DataSource } from 'typeorm';
import type { FuzzWorld } from './fuzz-fixtures';
import type { FuzzRequest } from './fuzz-requests';
import { createdKind, IdRef } from './id-pool';
import { FuzzOperation, isRecord } from './openapi-operations';

/**
 * Keeps the pool pointing at live records after a request: a record the
 * request deleted gets a replacement in its slot, a record it created is
 * taken into a rotating slot. Without this, a long run would spend its end
 * on 404s and on records stuck in final states. False when a replacement
 * could not be made.
 */
export async function keepPoolAlive(
  world: FuzzWorld,
  dataSource: DataSource,
  op: FuzzOperation,
  req: FuzzRequest,
  status: number,
  body: string,
): Promise<boolean> {
  if (status < 200 || status >= 300) return true;
  if (op.method === 'POST' && status === 201) {
    const answer = parsed(body);
    const kind = isRecord(answer) && typeof answer.id === 'string' ? createdKind(op.path, answer) : undefined;
    if (kind && isRecord(answer)) world.adopt(kind, String(answer.id));
    return true;
  }
  if (op.method !== 'DELETE') return true;
  let refilled = true;
  // `DELETE …/{id}` deleted (or revoked) that record
  if (op.path.endsWith('/{id}') && req.path.id instanceof IdRef) refilled = await world.refill(req.path.id);
  // "this and the following occurrences" from the first one deletes the whole series
  const series = req.path.seriesId;
  if (series instanceof IdRef) {
    const rows: unknown[] = await dataSource.query(`SELECT 1 FROM events WHERE id::text = $1`, [world.pool.resolve(series)]);
    if (!rows.length) refilled = (await world.refill(series)) && refilled;
  }
  return refilled;
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
