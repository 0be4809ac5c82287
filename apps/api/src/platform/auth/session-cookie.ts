import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'crm_session';

export function sessionCookieOptions(production: boolean, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: production, path: '/', maxAge: maxAgeMs };
}
