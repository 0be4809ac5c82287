import type { Type } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { FieldError } from '../errors/domain-error';
import type { HistoryRecord } from '../history/history.service';
import type { ListSpec } from '../listing/list-spec';
import type { CsvColumns } from './csv-cells';

/**
 * What a resource tells the generic CSV import and export: its columns, how
 * a row is validated and stored, and how its list filters. Adding import and
 * export to a resource is one of these plus a thin controller.
 */
export interface CsvResource<Dto extends object = object> {
  /** Plural, lower-case (`leads`): names the export file and appears in messages. */
  name: string;
  /** The entity rows are inserted into and exported from. */
  entity: EntityTarget<ObjectLiteral>;
  /** The create body; every row is validated as one, with the API's rules and messages. */
  createDto: Type<Dto>;
  /**
   * The columns of import and export files, in export order: the create
   * body's field paths. An export holds exactly these, so it re-imports.
   */
  columns: CsvColumns;
  /**
   * Reference fields of the create body → the table whose `id` they must
   * name. Checked in bulk for each batch; a row naming a missing record is
   * refused with the API's message.
   */
  references: Record<string, string>;
  /**
   * The create rules that read the database (who may own a record…), run
   * on each batch of valid bodies in the import's transaction, as the API's
   * create runs them on one: they may complete a body in place, and answer
   * each body's refusals (an empty list when it passes).
   */
  applyRules?(manager: EntityManager, dtos: Dto[], actor: AuthenticatedUser): Promise<FieldError[][]>;
  /** The create rules (id, initial status, owner defaults): the entity to insert for a valid body; the module's own create uses the same function. */
  toRecord(dto: Dto, actor: AuthenticatedUser): ObjectLiteral;
  /** The timeline entry of an imported record, as its create action writes one (the importer adds who and when). */
  createdEntry(record: ObjectLiteral): Omit<HistoryRecord, 'actorId'>;
  /** The resource's list spec, so an export matches the list with the same query. */
  list: ListSpec;
}
