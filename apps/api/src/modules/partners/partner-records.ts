import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import type { FieldError } from '../../platform/errors/domain-error';
import { customerOwnersAmong } from '../settings';
import type { CreatePartnerDto } from './dto/partner.dto';

export const ASSIGNEE_NOT_ALLOWED = 'This user is not in a team allowed to be assigned to customers (see the CRM settings).';

/**
 * The owner rule of new partners, for the API's create (one body) and the
 * CSV import (a batch): without `assignedToId` a partner goes to its
 * creator when the creator may own customers, else to no one; an explicit
 * assignee who may not is refused. Sets each body's `assignedToId` in
 * place; answers each body's refusals (none: an empty list).
 */
export async function assignNewPartners(manager: EntityManager, dtos: CreatePartnerDto[], actor: AuthenticatedUser): Promise<FieldError[][]> {
  const named = dtos.flatMap((dto) => (dto.assignedToId ? [dto.assignedToId] : []));
  const owners = await customerOwnersAmong(manager, [actor.id, ...named]);
  return dtos.map((dto) => {
    if (dto.assignedToId === undefined) dto.assignedToId = owners.has(actor.id) ? actor.id : null;
    else if (dto.assignedToId && !owners.has(dto.assignedToId)) return [{ field: 'assignedToId', message: ASSIGNEE_NOT_ALLOWED }];
    return [];
  });
}

/** The row of a new partner whose owner {@link assignNewPartners} settled: the one create rule of the API and the CSV import. */
export function newPartnerRecord(dto: CreatePartnerDto, actor: AuthenticatedUser) {
  return { kind: 'company' as const, ...dto, id: newId(), createdById: actor.id };
}
