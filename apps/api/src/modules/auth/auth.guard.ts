import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { UserRole } from '@crm/domain';
import { forbidden, unauthenticated } from '../../platform/errors/domain-error';
import { IS_PUBLIC, REQUIRED_ROLES, RequestWithUser } from '../../platform/auth/auth.decorators';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from '../../platform/auth/session-cookie';

/** Global guard: every route needs a valid token unless marked @Public; @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithUser>();
    const secret = bearerToken(request) ?? (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!secret) throw unauthenticated();
    request.user = await this.auth.authenticate(secret);
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw forbidden(`Only ${roles.join(' or ')} users may do this.`);
    }
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
