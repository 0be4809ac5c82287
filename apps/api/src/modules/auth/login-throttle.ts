import { isIPv4, isIPv6 } from 'node:net';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';

/** What a counter counts: an email from one client address, every email from one address, an email from anywhere. */
export type LoginScope = 'account_address' | 'address' | 'account';

export interface LoginLimit {
  scope: LoginScope;
  /** Attempts a window lets through: failures, plus attempts whose password is being checked. */
  max: number;
  windowSeconds: number;
}

/**
 * The limits, in fixed windows that start at a counter's first attempt.
 *
 * - An account from one address: 10 per 15 minutes. What stops a guesser, and
 *   the only counter a guesser at another address shares with the owner for
 *   that account, so theirs never locks the owner out.
 * - One address, across accounts: 50 per 15 minutes, against spraying one
 *   password over many accounts. High enough for an office behind one NAT
 *   address that mistypes now and then (successes do not count).
 * - An account from anywhere: 100 per hour, against guessing spread over many
 *   addresses. One address can never reach it alone (10 per 15 minutes is
 *   40 an hour, at most 50 across a window's edge), so locking the owner out
 *   takes a deliberate attack from several addresses; IPv6 addresses count
 *   per /64 (one subscriber's prefix, see addressKey), so one host cannot pose
 *   as many. It still caps guessing at 2,400 a day per account, where without
 *   it a thousand addresses could try 40,000 an hour. Lower would hand that
 *   lockout to smaller attacks; higher, more guesses to a large one.
 *
 * A success resets its account-and-address counter and gives back the slot
 * it took in the two others; a refusal (429) takes no slot anywhere.
 */
export const LOGIN_LIMITS: readonly LoginLimit[] = [
  { scope: 'account_address', max: 10, windowSeconds: 15 * 60 },
  { scope: 'address', max: 50, windowSeconds: 15 * 60 },
  { scope: 'account', max: 100, windowSeconds: 60 * 60 },
];

export interface LoginKey {
  scope: LoginScope;
  subject: string;
}

/** A counter as the attempt left it. */
export interface LoginCounter extends LoginKey {
  attempts: number;
  /** Whole seconds (the value goes to Node and back, and a Date keeps milliseconds only). */
  windowEndsAt: Date;
  secondsLeft: number;
}

/** How sign-in emails are compared and counted. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The address a client is counted under: IPv4 as is (an IPv4-mapped IPv6
 * address too), IPv6 by its /64 prefix (what one subscriber or host is
 * given, and free to pick any address in), anything else (`unknown`) as is.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/%.*$/, ''); // an IPv6 zone (`fe80::1%eth0`)
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  const prefix = groups.slice(0, 4).map((g) => g.toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string | undefined) =>
    part
      ? part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const [head, tail] = address.split('::');
  const before = parse(head);
  const after = parse(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** The counters one attempt takes a slot in (email already normalised). */
export function loginKeys(email: string, clientAddress: string): LoginKey[] {
  const address = addressKey(clientAddress);
  // an address never holds `|`, so the last one splits the pair
  const subjects: Record<LoginScope, string> = { account_address: `${email}|${address}`, address, account: email };
  return LOGIN_LIMITS.map(({ scope }) => ({ scope, subject: subjects[scope] }));
}

/** Seconds until the attempt may be made again when a counter went past its limit; undefined when all had room. */
export function refusal(counters: readonly LoginCounter[]): number | undefined {
  const full = counters.filter((c) => c.attempts > limitOf(c.scope).max);
  return full.length ? Math.max(1, ...full.map((c) => c.secondsLeft)) : undefined;
}

export function tooManyAttempts(retryAfterSeconds: number): DomainError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new DomainError('rate_limited', 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${wait}.`, [], retryAfterSeconds);
}

function limitOf(scope: LoginScope): LoginLimit {
  return LOGIN_LIMITS.find((l) => l.scope === scope)!;
}

/**
 * One statement takes the attempt's slot in each counter: a new row, a row
 * whose window has ended starts a new window, or one more attempt. Rows are
 * locked in key order, so two attempts sharing counters wait for each other
 * and cannot deadlock; the next one counts on from what the first committed.
 */
const RESERVE = `
  INSERT INTO login_attempts AS a (scope, subject, attempts, window_ends_at)
  SELECT k.scope, k.subject, 1, date_trunc('second', now()) + make_interval(secs => k.window_seconds)
    FROM unnest($1::text[], $2::text[], $3::int[]) AS k(scope, subject, window_seconds)
   ORDER BY k.scope, k.subject
  ON CONFLICT (scope, subject) DO UPDATE
     SET attempts = CASE WHEN a.window_ends_at > now() THEN a.attempts + 1 ELSE 1 END,
         window_ends_at = CASE WHEN a.window_ends_at > now() THEN a.window_ends_at ELSE excluded.window_ends_at END
  RETURNING a.scope, a.subject, a.attempts, a.window_ends_at AS "windowEndsAt",
            ceil(extract(epoch FROM a.window_ends_at - now()))::int AS "secondsLeft"`;

/**
 * Rows of ended windows, a bounded batch per attempt (through the index on
 * window_ends_at); rows an attempt holds are skipped, not waited for.
 */
const CLEAN_UP = `
  DELETE FROM login_attempts WHERE (scope, subject) IN (
    SELECT scope, subject FROM login_attempts WHERE window_ends_at <= now() LIMIT 100 FOR UPDATE SKIP LOCKED)`;

/**
 * Sign-in attempts counted in PostgreSQL (table `login_attempts`), so every
 * API process shares the counters. An attempt reserves its slot before its
 * password is checked, so parallel guesses can never check more passwords
 * than the limits allow; see LOGIN_LIMITS.
 */
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes this attempt's slot in its counters, or refuses it (429 with
   * Retry-After) when one is full, taking none. A failed attempt keeps its
   * slots: that is its count. Email already normalised.
   */
  async reserve(email: string, clientAddress: string): Promise<LoginCounter[]> {
    await this.dataSource.query(CLEAN_UP);
    const keys = loginKeys(email, clientAddress);
    const windows = keys.map((k) => limitOf(k.scope).windowSeconds);
    return this.dataSource.transaction(async (tx) => {
      const counters: LoginCounter[] = await tx.query(RESERVE, [keys.map((k) => k.scope), keys.map((k) => k.subject), windows]);
      const retryAfter = refusal(counters);
      // thrown inside the transaction: it rolls back, so the refused attempt counts nowhere
      if (retryAfter !== undefined) throw tooManyAttempts(retryAfter);
      return counters;
    });
  }

  /**
   * After a successful sign-in: its account-and-address counter starts over,
   * and the slots it took in the others are given back (while their window
   * lasts), so successes never count. One row per statement: holding one row
   * lock at a time, it cannot deadlock with an attempt taking them in order.
   */
  async release(counters: readonly LoginCounter[]): Promise<void> {
    for (const { scope, subject, windowEndsAt } of counters) {
      if (scope === 'account_address') {
        await this.dataSource.query(`DELETE FROM login_attempts WHERE scope = $1 AND subject = $2`, [scope, subject]);
      } else {
        await this.dataSource.query(
          `UPDATE login_attempts SET attempts = attempts - 1 WHERE scope = $1 AND subject = $2 AND window_ends_at = $3 AND attempts > 0`,
          [scope, subject, windowEndsAt],
        );
      }
    }
  }
}
