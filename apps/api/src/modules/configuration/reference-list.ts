import { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { notFound } from '../../platform/errors/domain-error';
import { runList } from '../../platform/listing/list-runner';
import { ListQueryDto } from '../../platform/listing/list-query.dto';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';

/**
 * A small admin-managed list of names (lead sources, lost reasons, event
 * categories, opportunity types): everything that differs between them.
 */
export interface ReferenceListDefinition<E extends AuditedEntity> {
  /** URL segment under /api/v1, e.g. `lead-sources`. */
  path: string;
  /** Singular, for messages: `lead source`. */
  what: string;
  entity: Type<E>;
  createDto: Type<object>;
  updateDto: Type<object & { version?: number }>;
  listQuery: Type<ListQueryDto>;
  listSpec: ListSpec;
}

/** CRUD of one reference list; constructed once per definition. */
export class ReferenceListService<E extends AuditedEntity> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definition: ReferenceListDefinition<E>,
  ) {}

  list(query: ListQueryDto): Promise<Page<E>> {
    const { entity, listSpec } = this.definition;
    return runList(this.dataSource.getRepository(entity).createQueryBuilder(listSpec.alias), query, listSpec);
  }

  async get(id: string): Promise<E> {
    const found = await this.dataSource.getRepository(this.definition.entity).findOneBy({ id } as never);
    if (!found) throw notFound(this.definition.what, id);
    return found;
  }

  async create(dto: object, actor: AuthenticatedUser): Promise<E> {
    const id = newId();
    await this.dataSource.getRepository(this.definition.entity).insert({ ...dto, id, createdById: actor.id } as never);
    return this.get(id);
  }

  async update(id: string, dto: object & { version?: number }): Promise<E> {
    const { version, ...changes } = dto;
    await updateVersioned(this.dataSource.manager, this.definition.entity, this.definition.what, id, version, changes as never);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await deleteById(this.dataSource.manager, this.definition.entity, this.definition.what, id);
  }
}
