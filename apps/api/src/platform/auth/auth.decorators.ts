import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@crm/domain';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'crm:isPublic';
export const REQUIRED_ROLES = 'crm:requiredRoles';

/** The route needs no authentication (health, login, the OpenAPI document). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface RequestWithUser {
  user?: AuthenticatedUser;
}

/** The authenticated caller, for controllers to hand to services. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
