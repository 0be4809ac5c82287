import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalCalendar, ICalEvent, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { type Recurrence } from '@crm/domain';
import { toRRule } from '@crm/domain/recurrence';
import type { EventRow } from '../events';

/** An events row as the feed needs it (series rows, single events and exception rows alike). */
export type FeedEventRow = Pick<
  EventRow,
  | 'id'
  | 'type'
  | 'status'
  | 'subject'
  | 'description'
  | 'location'
  | 'start_at'
  | 'end_at'
  | 'all_day'
  | 'time_zone'
  | 'reminders'
  | 'recurrence'
  | 'series_id'
  | 'original_start_at'
  | 'updated_at'
  | 'version'
>;

const UID_DOMAIN = 'crm';

/**
 * ical-generator writes RECURRENCE-ID as a date-time only, but an override
 * of an all-day series must name its occurrence by a DATE, the value type of
 * the series' DTSTART (RFC 5545 3.8.4.4), or calendar applications do not
 * match it to the occurrence it replaces. It is written under this private
 * name and renamed once the document is built: no other line can start with
 * it (text values stay on one line, escaped; folded lines start with a space).
 */
const DATE_RECURRENCE_ID = 'X-CRM-RECURRENCE-ID-DATE';

/**
 * The RFC 5545 document of a user's feed: one VEVENT per single event, a
 * series as one VEVENT with its RRULE and the occurrences cancelled on their
 * own as EXDATE, an occurrence edited on its own as a VEVENT with the
 * series' UID and a RECURRENCE-ID; times in the event's zone (TZID, with its
 * VTIMEZONE), an all-day series' DTSTART, EXDATE and RECURRENCE-ID as DATEs
 * (its days in its zone), reminders as display alarms (the CRM itself sends
 * the emails).
 */
export function buildFeed(name: string, events: FeedEventRow[], exceptions: FeedEventRow[]): string {
  const calendar = ical({ name, prodId: { company: 'crm', product: 'events', language: 'EN' } });
  // a VTIMEZONE for every TZID used (zones the generator does not know are written in UTC instead)
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const bySeries = groupBySeries(exceptions);
  for (const event of events) {
    const zone = feedZone(event.time_zone);
    const master = addEvent(calendar, event, zone);
    if (!event.recurrence) continue;
    const own = bySeries.get(event.id) ?? [];
    const cancelled = own.filter((row) => row.status === 'cancelled').map((row) => row.original_start_at!);
    master.repeating(repeatingLines(event, event.recurrence, zone, cancelled));
    for (const edited of own.filter((row) => row.status !== 'cancelled')) {
      const override = addEvent(calendar, edited, zone, event.id);
      if (event.all_day) override.x(DATE_RECURRENCE_ID, localDate(edited.original_start_at!, event.time_zone));
      else override.recurrenceId(inZone(edited.original_start_at!, zone));
    }
  }
  return calendar.toString().replace(new RegExp(`^${DATE_RECURRENCE_ID}:`, 'gm'), 'RECURRENCE-ID;VALUE=DATE:');
}

function addEvent(calendar: ICalCalendar, row: FeedEventRow, zone: string | null, uidOf = row.id): ICalEvent {
  // an all-day event's DATE is the day in its own zone, even one written in UTC for want of a VTIMEZONE
  const dateZone = row.all_day ? row.time_zone : zone;
  const event = calendar.createEvent({
    id: `${uidOf}@${UID_DOMAIN}`,
    sequence: row.version,
    stamp: row.updated_at,
    lastModified: row.updated_at,
    start: inZone(row.start_at, dateZone),
    end: inZone(row.end_at, dateZone),
    allDay: row.all_day,
    timezone: zone,
    summary: row.subject,
    description: row.description,
    location: row.location ? { title: row.location } : null,
    status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    categories: [{ name: row.type.toUpperCase() }],
  });
  for (const reminder of row.reminders) {
    event.createAlarm({ type: ICalAlarmType.display, triggerBefore: reminder.offsetMinutes * 60, description: row.subject });
  }
  return event;
}

/** RRULE (from the shared recurrence rules) and the EXDATE of the occurrences cancelled on their own. */
function repeatingLines(event: FeedEventRow, recurrence: Recurrence, zone: string | null, cancelled: Date[]): string {
  const lines = [`RRULE:${toRRule(recurrence, event.start_at, event.time_zone, { allDay: event.all_day })}`];
  if (cancelled.length) {
    if (event.all_day) lines.push(`EXDATE;VALUE=DATE:${cancelled.map((at) => localDate(at, event.time_zone)).join(',')}`);
    else if (zone) lines.push(`EXDATE;TZID=${zone}:${cancelled.map((at) => inZone(at, zone).toFormat("yyyyLLdd'T'HHmmss")).join(',')}`);
    else lines.push(`EXDATE:${cancelled.map((at) => DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'")).join(',')}`);
  }
  return lines.join('\r\n');
}

/** The TZID to write: the event's zone when a VTIMEZONE exists for it; null (UTC) otherwise. */
function feedZone(timeZone: string): string | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null;
  return getVtimezoneComponent(timeZone) ? timeZone : null;
}

function inZone(at: Date, zone: string | null): DateTime {
  return DateTime.fromJSDate(at, { zone: zone ?? 'utc' });
}

/** An iCalendar DATE (`YYYYMMDD`): the day an instant falls on in a zone, as all-day events are written. */
function localDate(at: Date, timeZone: string): string {
  return inZone(at, timeZone).toFormat('yyyyLLdd');
}

function groupBySeries(rows: FeedEventRow[]): Map<string, FeedEventRow[]> {
  const groups = new Map<string, FeedEventRow[]>();
  for (const row of rows) groups.set(row.series_id!, [...(groups.get(row.series_id!) ?? []), row]);
  return groups;
}
