import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'session' | 'personal';

const PREFIX: Record<TokenKind, string> = { session: 'crm_s_', personal: 'crm_pat_' };

/** 256 random bits; the prefix tells a leaked token's kind at a glance (and to secret scanners). */
export function newTokenSecret(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256: they are random, so a fast hash is enough and lookups stay indexed. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
