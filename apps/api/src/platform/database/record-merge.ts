import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { notFound } from '../errors/domain-error';
import { updateVersioned } from './versioned-update';

/** The kinds of record that can be merged into another of their kind. */
export type MergeableRecordType = 'lead' | 'partner' | 'contact';

/**
 * Records replaced by another of the same kind (a merge): every reference to
 * one of `fromIds` is to point at `toId`. Each module that holds references
 * applies it to its own tables, inside the merge's transaction.
 */
export interface RecordReassignment {
  type: MergeableRecordType;
  fromIds: string[];
  toId: string;
}

/**
 * Points `property` of the rows referring to one of `fromIds` at `toId`;
 * each row's version goes up, so a client holding the old one gets 409
 * rather than writing the old reference back. Answers how many moved.
 */
export async function reassignColumn<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  property: keyof E & string,
  reassignment: RecordReassignment,
): Promise<number> {
  const changes = { [property]: reassignment.toId, version: () => 'version + 1' };
  const result = await manager.update(entity, { [property]: In(reassignment.fromIds) }, changes);
  return result.affected ?? 0;
}

/**
 * Points the rows that name a merged record by (`subject_type`, `subject_id`)
 * (timeline entries, emails) at the kept record. Answers how many moved.
 */
export async function reassignSubject<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  reassignment: RecordReassignment,
): Promise<number> {
  const result = await manager.update(entity, { subjectType: reassignment.type, subjectId: In(reassignment.fromIds) }, {
    subjectId: reassignment.toId,
  } as never);
  return result.affected ?? 0;
}

/**
 * Reads the records to merge with a row lock for the rest of the
 * transaction, taken in id order so two merges sharing a record never
 * deadlock; one that does not exist is 404.
 */
export async function lockForMerge<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  ids: string[],
): Promise<E[]> {
  const rows = await manager
    .getRepository(entity)
    .createQueryBuilder('record')
    .setLock('pessimistic_write')
    .where('record.id IN (:...ids)', { ids })
    .orderBy('record.id')
    .getMany();
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing) throw notFound(what, missing);
  return rows;
}

/** A merge's end, inside its transaction: the kept record takes `changes` (its version goes up) and the merged ones are deleted. */
export async function absorbMerged<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  keptId: string,
  changes: QueryDeepPartialEntity<E>,
  mergedIds: string[],
): Promise<void> {
  await updateVersioned(manager, entity, what, keptId, undefined, changes);
  await manager.delete(entity, { id: In(mergedIds) });
}

/**
 * What a module lets the duplicates module read of its table to compare
 * records: SQL expressions by the contract's field names. The owner of the
 * table writes it, so a renamed column is fixed in one place.
 */
export interface MatchSource {
  table: string;
  columns: Readonly<Record<string, string>>;
}
