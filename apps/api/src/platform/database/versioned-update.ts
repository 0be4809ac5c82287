import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { notFound, staleVersion } from '../errors/domain-error';

/**
 * Applies `changes` and bumps `version` in one UPDATE that also checks the
 * version the client loaded, so two concurrent PATCHes cannot both win.
 * Without `expectedVersion` the update is unconditional (last write wins).
 */
export async function updateVersioned<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  id: string,
  expectedVersion: number | undefined,
  changes: QueryDeepPartialEntity<E>,
): Promise<void> {
  const qb = manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id', { id });
  if (expectedVersion !== undefined) qb.andWhere('version = :expectedVersion', { expectedVersion });
  const result = await qb.execute();
  if (result.affected) return;
  const exists = await manager.getRepository(entity).exists({ where: { id } as never });
  throw exists ? staleVersion(what) : notFound(what, id);
}

/** Deletes one row by id; 404 when there is none. */
export async function deleteById<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, what: string, id: string): Promise<void> {
  const result = await manager.createQueryBuilder().delete().from(entity).where('id = :id', { id }).execute();
  if (!result.affected) throw notFound(what, id);
}
