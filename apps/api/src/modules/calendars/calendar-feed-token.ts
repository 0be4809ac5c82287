import { createHmac, randomBytes } from 'node:crypto';
import { hashToken } from '../../platform/auth/tokens';

const PREFIX = 'crm_cal_';

/** A new installation key for feed tokens (256 random bits). */
export function newFeedKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A feed's token: HMAC of its id under the installation key, so the same
 * URL can be shown again without storing the token; the prefix tells a
 * leaked one's kind at a glance, as for API tokens.
 */
export function feedToken(key: string, feedId: string): string {
  return PREFIX + createHmac('sha256', key).update(feedId).digest('base64url');
}

/** What the calendar_feeds row keeps of a token (SHA-256, as auth_tokens do). */
export function feedTokenHash(token: string): string {
  return hashToken(token);
}

/** The token in the last path segment of a feed URL (`<token>.ics`), if it looks like one. */
export function tokenFromFile(file: string): string | undefined {
  const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
  return token.startsWith(PREFIX) && token.length < 100 ? token : undefined;
}
