import type { UserRole } from '@crm/domain';

/** Who is calling: what the guard attaches to the request and services receive as the actor. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** The token (session or personal) that authenticated this request. */
  tokenId: string;
}
