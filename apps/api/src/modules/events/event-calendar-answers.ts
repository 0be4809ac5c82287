import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { queryPrepared } from '../../platform/database/prepared-query';
import type { CalendarView } from './dto/event.dto';
import { EventCalendarService, OccurrenceFilter } from './event-calendar.service';

/**
 * A calendar answer as sent: the page's JSON text gzipped (made once, sent
 * many times; a team's month is 400 kB of text, 35 kB gzipped), and its ETag
 * (a hash of the text).
 */
export interface CalendarAnswer {
  gzipped: Buffer;
  etag: string;
}

/** An answer, and whether it was kept from an earlier read (else read now). */
export interface ServedAnswer {
  answer: CalendarAnswer;
  kept: boolean;
}

const gzipText = promisify(gzip);

interface KeptAnswer extends CalendarAnswer {
  /** The versions of the calendar owners' months it was read at (see OWNERS). */
  versions: string;
}

/**
 * Whose calendars a range shows, with the versions of each over the range
 * (migration 1764640000000: bumped in the transaction of every change to
 * what that owner's calendar shows in a month; `-infinity` for series): the
 * users asked for, the team, and the team's members. The members are part
 * of it: one joining or leaving changes the answer even when no event
 * changed.
 */
const OWNERS = `
  SELECT o.id, o.member, coalesce(string_agg(v.bucket || '=' || v.version, ',' ORDER BY v.bucket), '') AS versions
    FROM (SELECT unnest($1::uuid[]) AS id, false AS member
          UNION SELECT user_id, true FROM team_members WHERE team_id = $2::uuid
          UNION SELECT $2::uuid, false WHERE $2::uuid IS NOT NULL) o
    LEFT JOIN calendar_versions v ON v.owner_id = o.id
     AND (v.bucket = '-infinity' OR v.bucket BETWEEN date_trunc('month', $3::timestamptz AT TIME ZONE 'UTC')::date
                                                 AND date_trunc('month', ($4::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond')::date)
   GROUP BY o.id, o.member
   ORDER BY o.id, o.member`;

/**
 * Calendar answers kept in memory, gzipped, while nothing they show
 * has changed. A calendar is read again and again (each member of a team
 * opening the team's month, every refetch of the screen) and changes far less
 * often; a team's month is hundreds of occurrences to read, expand and
 * serialize, where checking the owners' versions is one index look-up.
 *
 * Every read checks the versions in the database, so an answer is never
 * older than the last committed change, whichever API process made it.
 * Concurrent reads of the same range at the same versions share one
 * computation. The memory is bounded (CRM_CALENDAR_CACHE_MB, least recently
 * used answers go first); 0 reads every answer afresh.
 */
@Injectable()
export class EventCalendarAnswers {
  private readonly kept: LRUCache<string, KeptAnswer> | null;
  private readonly computing = new Map<string, Promise<KeptAnswer>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: EventCalendarService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const maxSize = Math.floor(config.calendarCacheMb * 1024 * 1024);
    // (plus the entry's own keep: its key, versions and ETag)
    this.kept = maxSize > 0 ? new LRUCache({ maxSize, sizeCalculation: (answer) => answer.gzipped.length + 512 }) : null;
  }

  async answer(filter: OccurrenceFilter, view: CalendarView): Promise<ServedAnswer> {
    const owners = await queryPrepared<{ id: string; member: boolean; versions: string }>(this.dataSource, OWNERS, [
      filter.assignedToIds ?? [],
      filter.teamId ?? null,
      filter.from,
      filter.to,
    ]);
    const versions = owners.map((owner) => `${owner.id}${owner.member ? '*' : ''}:${owner.versions}`).join(';');
    const key = rangeKey(filter, view);
    const kept = this.kept?.get(key);
    if (kept?.versions === versions) return { answer: kept, kept: true };

    const computingKey = `${key}@${versions}`;
    let computed = this.computing.get(computingKey);
    if (!computed) {
      const teamMemberIds = owners.filter((owner) => owner.member).map((owner) => owner.id);
      computed = this.read({ ...filter, teamMemberIds }, view, versions).finally(() => this.computing.delete(computingKey));
      this.computing.set(computingKey, computed);
      void computed.then(
        (answer) => this.kept?.set(key, answer),
        () => undefined,
      );
    }
    return { answer: await computed, kept: false };
  }

  /** The range read afresh, as the page the list endpoint sends. */
  private async read(filter: OccurrenceFilter, view: CalendarView, versions: string): Promise<KeptAnswer> {
    const items = await this.calendar.occurrences(filter, view);
    const json = JSON.stringify({ items, total: items.length, page: 1, pageSize: items.length, totalExact: true });
    // (gzipped on libuv's threads; a weak ETag: the same for both encodings)
    const gzipped = await gzipText(json);
    return { gzipped, etag: `W/"${createHash('sha1').update(json).digest('base64url')}"`, versions };
  }
}

/** What a range answer depends on besides the data: the range, whose calendars, the filters and the view. */
function rangeKey(filter: OccurrenceFilter, view: CalendarView): string {
  const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort().join(',');
  return [
    view,
    filter.from.toISOString(),
    filter.to.toISOString(),
    sorted(filter.assignedToIds),
    filter.teamId ?? '',
    sorted(filter.types),
    sorted(filter.statuses),
  ].join('|');
}
