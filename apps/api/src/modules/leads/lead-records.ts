import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import type { CreateLeadDto } from './dto/lead.dto';

/**
 * The row of a new lead: status new, owned by its creator unless the body
 * names someone (or no one, with null). The one create rule, used by the
 * API and the CSV import.
 */
export function newLeadRecord(dto: CreateLeadDto, actor: AuthenticatedUser) {
  return { ...dto, id: newId(), status: 'new' as const, assignedToId: dto.assignedToId === undefined ? actor.id : dto.assignedToId, createdById: actor.id };
}
