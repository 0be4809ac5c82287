import { Global, Injectable, Module } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';

/** How long a resolved token is trusted without asking the database again. */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface CachedSession {
  user: AuthenticatedUser;
  /** When the entry stops being trusted: the TTL, or the token's own expiry if sooner. */
  until: number;
}

/**
 * Resolved tokens (by their hash) for a few seconds: every request needs its
 * caller, and the lookup was one of the three queries of a list request.
 * This process forgets a token or a user at once when it revokes or changes
 * them; another API process notices within the TTL (the price of not asking
 * the database on every request).
 */
@Injectable()
export class SessionCache {
  private readonly sessions = new Map<string, CachedSession>();

  get(tokenHash: string, now = Date.now()): AuthenticatedUser | undefined {
    const cached = this.sessions.get(tokenHash);
    if (!cached) return undefined;
    if (cached.until > now) return cached.user;
    this.sessions.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, user: AuthenticatedUser, expiresAt: Date | null, now = Date.now()): void {
    // a Map iterates in insertion order: the first key is the oldest entry
    if (this.sessions.size >= MAX_ENTRIES) this.sessions.delete(this.sessions.keys().next().value!);
    const until = Math.min(now + SESSION_CACHE_TTL_MS, expiresAt?.getTime() ?? Infinity);
    this.sessions.set(tokenHash, { user, until });
  }

  forgetToken(tokenId: string): void {
    for (const [hash, cached] of this.sessions) if (cached.user.tokenId === tokenId) this.sessions.delete(hash);
  }

  /** After a user's role, name, email or active flag changed, or the user was deleted. */
  forgetUser(userId: string): void {
    for (const [hash, cached] of this.sessions) if (cached.user.id === userId) this.sessions.delete(hash);
  }
}

/** Global so the users module can forget a user without importing the auth module (which imports it). */
@Global()
@Module({ providers: [SessionCache], exports: [SessionCache] })
export class SessionCacheModule {}
