import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { UsersService } from '../users';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { newId } from '../../platform/database/ids';
import { invalidInput, notFound, unauthenticated } from '../../platform/errors/domain-error';
import { AuthToken } from './auth-token.entity';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { ApiTokenView, CreatedApiToken, CreateTokenDto, LoginResponse } from './dto/auth.dto';
import { LoginThrottle, normaliseEmail } from './login-throttle';
import { SessionCache } from '../../platform/auth/session-cache';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../platform/auth/password';
import { hashToken, newTokenSecret } from '../../platform/auth/tokens';

/** How stale `lastUsedAt` may get before a request refreshes it (saves a write per request). */
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

interface TokenRow {
  token_id: string;
  last_used_at: Date | null;
  expires_at: Date | null;
  id: string;
  email: string;
  name: string;
  role: AuthenticatedUser['role'];
}

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;
  readonly sessionTtlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sessionTtlMs = config.sessionTtlHours * 3600 * 1000;
    this.throttle = new LoginThrottle(dataSource);
  }

  /**
   * Same answer, and about the same time, whether or not the email exists:
   * the attempt is counted, and a password checked, for an unknown email too.
   */
  async login(email: string, password: string, clientAddress: string): Promise<LoginResponse> {
    const key = normaliseEmail(email);
    // before the password is checked: a refused attempt (429) checks none, and parallel ones cannot outrun the count
    const counters = await this.throttle.reserve(key, clientAddress);
    const user = await this.users.findForLogin(key);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_PASSWORD_HASH));
    // a failure keeps the slots it took: that is its count
    if (!user || !valid || !user.active) throw unauthenticated('Wrong email or password.');
    await this.throttle.release(counters);
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    const accessToken = await this.issue(user.id, 'session', 'Sign-in session', expiresAt);
    return { accessToken: accessToken.secret, expiresAt, user: await this.users.get(user.id) };
  }

  async logout(actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.getRepository(AuthToken).update({ id: actor.tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.sessions.forgetToken(actor.tokenId);
  }

  /** Resolves a bearer or cookie secret to its user; 401 for anything unknown, expired, revoked or inactive. */
  async authenticate(secret: string): Promise<AuthenticatedUser> {
    const tokenHash = hashToken(secret);
    const cached = this.sessions.get(tokenHash);
    if (cached) return cached;
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id AS token_id, t.last_used_at, t.expires_at, u.id, u.email, u.name, u.role
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) throw unauthenticated('Your session has ended or the token is not valid. Sign in again.');
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE auth_tokens SET last_used_at = now() WHERE id = $1`, [row.token_id]);
    }
    const user: AuthenticatedUser = { id: row.id, email: row.email, name: row.name, role: row.role, tokenId: row.token_id };
    this.sessions.set(tokenHash, user, row.expires_at);
    return user;
  }

  async listTokens(actor: AuthenticatedUser): Promise<ApiTokenView[]> {
    return this.dataSource.getRepository(AuthToken).find({
      select: { id: true, name: true, expiresAt: true, lastUsedAt: true, createdAt: true },
      where: { userId: actor.id, kind: 'personal', revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async createToken(dto: CreateTokenDto, actor: AuthenticatedUser): Promise<CreatedApiToken> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw invalidInput([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
    }
    const { id, secret, createdAt } = await this.issue(actor.id, 'personal', dto.name, expiresAt);
    return { id, name: dto.name, expiresAt, lastUsedAt: null, createdAt, token: secret };
  }

  async revokeToken(id: string, actor: AuthenticatedUser): Promise<void> {
    const result = await this.dataSource
      .getRepository(AuthToken)
      .update({ id, userId: actor.id, kind: 'personal', revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw notFound('API token', id);
    this.sessions.forgetToken(id);
  }

  private async issue(userId: string, kind: AuthToken['kind'], name: string, expiresAt: Date | null) {
    const secret = newTokenSecret(kind);
    const id = newId();
    const createdAt = new Date();
    await this.dataSource.getRepository(AuthToken).insert({ id, userId, kind, name, tokenHash: hashToken(secret), expiresAt, createdAt });
    return { id, secret, createdAt };
  }
}
