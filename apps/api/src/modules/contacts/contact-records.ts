import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import type { CreateContactDto } from './dto/contact.dto';

/** The row of a new contact, owned by its creator unless the body says otherwise: the one create rule of the API and the CSV import. */
export function newContactRecord(dto: CreateContactDto, actor: AuthenticatedUser) {
  return { ...dto, id: newId(), assignedToId: dto.assignedToId === undefined ? actor.id : dto.assignedToId, createdById: actor.id };
}
