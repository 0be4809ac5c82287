import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { notFound } from '../../platform/errors/domain-error';
import { buildFeed, FeedEventRow } from './calendar-ics';
import { feedToken, feedTokenHash, newFeedKey, tokenFromFile } from './calendar-feed-token';

/** The feed covers events starting from 3 months ago to 12 months ahead (series: those with occurrences then). */
const PAST_MONTHS = 3;
const FUTURE_MONTHS = 12;

const FEED_COLUMNS = `e.id, e.type, e.status, e.subject, e.description, e.location, e.start_at, e.end_at, e.all_day, e.time_zone,
  e.reminders, e.recurrence, e.series_id, e.original_start_at, e.updated_at, e.version`;

/**
 * Each user's secret iCalendar feed URL (`…/calendar/feed/<token>.ics`),
 * which calendar applications poll without other authentication.
 */
@Injectable()
export class CalendarFeedService {
  private key: string | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's feed path (made on first use). */
  async feedPath(actor: AuthenticatedUser): Promise<string> {
    const rows: { feed_id: string }[] = await this.dataSource.query(`SELECT feed_id FROM calendar_feeds WHERE user_id = $1`, [actor.id]);
    return this.pathOf(rows[0]?.feed_id ?? (await this.issue(actor.id, false)));
  }

  /** A new token for the caller's feed: the old URL stops working at once. */
  async regenerate(actor: AuthenticatedUser): Promise<string> {
    return this.pathOf(await this.issue(actor.id, true));
  }

  /** The feed document of the token's owner; 404 for any unknown token. */
  async document(file: string): Promise<string> {
    const token = tokenFromFile(file);
    const owners: { user_id: string; name: string }[] = token
      ? await this.dataSource.query(`SELECT f.user_id, u.name FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND u.active`, [
          feedTokenHash(token),
        ])
      : [];
    if (!owners.length) throw notFound('calendar feed');
    const { user_id: userId, name } = owners[0];
    const now = new Date();
    const from = addMonths(now, -PAST_MONTHS);
    const to = addMonths(now, FUTURE_MONTHS);
    // the user's events (as organiser or attendee): single events starting in the range,
    // series with occurrences in it; exception rows come with their series
    const events: FeedEventRow[] = await this.dataSource.query(
      `WITH mine AS (
         SELECT id FROM events WHERE assigned_to_id = $1 AND recurrence IS NULL AND series_id IS NULL AND start_at >= $2 AND start_at < $3
         UNION SELECT id FROM events WHERE assigned_to_id = $1 AND recurrence IS NOT NULL AND start_at < $3 AND (series_end_at IS NULL OR series_end_at > $2)
         UNION SELECT event_id FROM event_attendees WHERE user_id = $1)
       SELECT ${FEED_COLUMNS} FROM events e JOIN mine ON mine.id = e.id
        WHERE e.series_id IS NULL AND e.status <> 'cancelled' AND e.start_at < $3
          AND (CASE WHEN e.recurrence IS NULL THEN e.start_at >= $2 ELSE e.series_end_at IS NULL OR e.series_end_at > $2 END)
        ORDER BY e.start_at, e.id`,
      [userId, from, to],
    );
    const seriesIds = events.filter((event) => event.recurrence).map((event) => event.id);
    const exceptions: FeedEventRow[] = seriesIds.length
      ? await this.dataSource.query(`SELECT ${FEED_COLUMNS} FROM events e WHERE e.series_id = ANY($1::uuid[]) ORDER BY e.original_start_at`, [seriesIds])
      : [];
    return buildFeed(`CRM — ${name}`, events, exceptions);
  }

  /** Gives the user's feed a new id (and so a new token); `replace` false keeps an existing one (two first calls racing). */
  private async issue(userId: string, replace: boolean): Promise<string> {
    const feedId = newId();
    const tokenHash = feedTokenHash(feedToken(await this.installationKey(), feedId));
    const rows: { feed_id: string }[] = await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, feed_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET ${replace ? 'feed_id = EXCLUDED.feed_id, token_hash = EXCLUDED.token_hash, created_at = now()' : 'user_id = calendar_feeds.user_id'}
       RETURNING feed_id`,
      [userId, feedId, tokenHash],
    );
    return rows[0].feed_id;
  }

  private async pathOf(feedId: string): Promise<string> {
    return `calendar/feed/${feedToken(await this.installationKey(), feedId)}.ics`;
  }

  /** The HMAC key of feed tokens, made once per installation (the first process to need it wins). */
  private async installationKey(): Promise<string> {
    if (this.key) return this.key;
    await this.dataSource.query(`INSERT INTO calendar_feed_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [newFeedKey()]);
    const rows: { key: string }[] = await this.dataSource.query(`SELECT key FROM calendar_feed_key WHERE id = 1`);
    this.key = rows[0].key;
    return this.key;
  }
}

function addMonths(at: Date, months: number): Date {
  const result = new Date(at);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
