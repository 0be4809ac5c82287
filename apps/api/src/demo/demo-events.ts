import { EntityManager } from 'typeorm';
import { type EventStatus, type EventType, type Recurrence } from '@crm/domain';
import { localTimeToInstant } from '@crm/domain/recurrence';
import { EventCategory } from '../modules/configuration/event-categories';
import { seriesEndAt } from '../modules/events/event-rules';
import { Event } from '../modules/events/event.entity';
import { HistoryEntry } from '../platform/history/history-entry.entity';
import { newId } from '../platform/database/ids';
import { SeededRandom } from './random';

export const DEMO_EVENT_COUNT = 300;
const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

const CALL_SUBJECTS = ['Follow-up call', 'Qualification call', 'Call about the quote', 'Check-in call', 'Renewal call'];
const MEETING_SUBJECTS = ['Product demo', 'Discovery meeting', 'Negotiation meeting', 'Onboarding workshop', 'Quarterly review'];
const TASK_SUBJECTS = ['Send the proposal', 'Prepare the quote', 'Update the forecast', 'Send the contract', 'Book the demo room'];
const LOCATIONS = ['Customer site', 'Video call', 'Office — room 2', 'Office — room 4'];

type Linkable = { id: string };
type WithPartner = { id: string; partnerId: string | null };

/**
 * Demo calendar: about 300 calls, meetings and tasks of the demo users over
 * the past and the next two months (past ones mostly done, a few cancelled),
 * linked to demo leads, partners, contacts and opportunities, plus weekly
 * recurring meetings in Europe/Paris that cross the end of summer time.
 * Their created/done entries go on the linked records' timelines.
 */
export async function seedDemoEvents(manager: EntityManager, random: SeededRandom, users: { id: string }[], now: number): Promise<number> {
  const leads: Linkable[] = await manager.query(`SELECT id FROM leads ORDER BY id LIMIT 120`);
  const partners: Linkable[] = await manager.query(`SELECT id FROM partners ORDER BY id`);
  const contacts: WithPartner[] = await manager.query(`SELECT id, partner_id AS "partnerId" FROM contacts ORDER BY id`);
  const opportunities: WithPartner[] = await manager.query(`SELECT id, partner_id AS "partnerId" FROM opportunities ORDER BY id`);
  const categories = await manager.find(EventCategory);
  const categoryOf = (type: EventType) => {
    const fitting = categories.filter((category) => category.type === type);
    return fitting.length ? random.pick(fitting).id : null;
  };
  const today = new Date(now).toISOString().slice(0, 10);
  const dayOffset = (days: number) => new Date(Date.parse(today) + days * DAY_MS).toISOString().slice(0, 10);

  const events: Partial<Event>[] = [];
  const series = [
    { subject: 'Weekly pipeline review', byWeekday: ['MO'], hour: 9, minute: 30, minutes: 60, owner: users[0], attendees: users.slice(1) },
    { subject: 'Key accounts sync', byWeekday: ['TH'], hour: 14, minute: 0, minutes: 45, owner: users[0], attendees: [users[3]] },
    { subject: 'Prospecting block', byWeekday: ['TU', 'FR'], hour: 8, minute: 30, minutes: 90, owner: users[1], attendees: [] },
    { subject: 'One-to-one with Maria', byWeekday: ['WE'], hour: 17, minute: 0, minutes: 30, owner: users[2], attendees: [users[0]], interval: 2 },
  ] as const;
  const attendance: { eventId: string; userId: string }[] = [];
  for (const item of series) {
    const first = nextWeekday(dayOffset(-63), item.byWeekday[0]);
    const startAt = localTimeToInstant(first, item.hour, item.minute, ZONE);
    const endAt = new Date(startAt.getTime() + item.minutes * 60_000);
    const recurrence: Recurrence = { frequency: 'weekly', interval: 'interval' in item ? item.interval : 1, byWeekday: [...item.byWeekday] };
    const id = newId();
    events.push({
      id,
      type: 'meeting',
      status: 'planned',
      subject: item.subject,
      startAt,
      endAt,
      timeZone: ZONE,
      assignedToId: item.owner.id,
      createdById: item.owner.id,
      location: random.pick(LOCATIONS),
      categoryId: categoryOf('meeting'),
      reminders: [{ offsetMinutes: 10, channel: 'notification' }],
      recurrence,
      seriesEndAt: seriesEndAt({ startAt, endAt, timeZone: ZONE, recurrence }),
    });
    for (const attendee of item.attendees) attendance.push({ eventId: id, userId: attendee.id });
  }

  while (events.length < DEMO_EVENT_COUNT) {
    const type: EventType = random.pick(['call', 'call', 'call', 'meeting', 'meeting', 'task', 'task'] as const);
    let day = dayOffset(random.int(-60, 60));
    if ([0, 6].includes(new Date(day).getUTCDay())) day = dayOffset(random.int(-60, 60)); // mostly weekdays
    const startAt = localTimeToInstant(day, random.int(8, 17), random.pick([0, 15, 30, 45]), ZONE);
    const minutes = type === 'call' ? random.pick([15, 20, 30]) : type === 'meeting' ? random.pick([30, 60, 90, 120]) : 60;
    const endAt = new Date(startAt.getTime() + minutes * 60_000);
    const past = endAt.getTime() < now;
    const status: EventStatus = past ? (random.chance(0.85) ? 'realized' : 'cancelled') : 'planned';
    const owner = random.pick(users);
    const links = linksFor(type, random, leads, partners, contacts, opportunities);
    events.push({
      id: newId(),
      type,
      status,
      startAt,
      endAt,
      timeZone: ZONE,
      assignedToId: owner.id,
      createdById: owner.id,
      subject: random.pick(type === 'call' ? CALL_SUBJECTS : type === 'meeting' ? MEETING_SUBJECTS : TASK_SUBJECTS),
      callDirection: type === 'call' ? random.pick(['inbound', 'outbound', 'outbound'] as const) : null,
      priority: type === 'task' ? random.pick(['low', 'normal', 'normal', 'high', 'urgent'] as const) : null,
      location: type === 'meeting' ? random.pick(LOCATIONS) : null,
      categoryId: categoryOf(type),
      reminders: !past && type !== 'task' ? [{ offsetMinutes: type === 'call' ? 5 : 15, channel: 'notification' }] : [],
      recurrence: null,
      seriesEndAt: endAt,
      ...links,
    });
  }
  for (let i = 0; i < events.length; i += 100) await manager.insert(Event, events.slice(i, i + 100));
  if (attendance.length) {
    await manager.query(`INSERT INTO event_attendees (event_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
      attendance.map((a) => a.eventId),
      attendance.map((a) => a.userId),
    ]);
  }
  await manager.insert(HistoryEntry, timelineEntries(events, now));
  return events.length;
}

/** Calls go to leads or contacts, meetings to partners and opportunities, tasks to opportunities. */
function linksFor(type: EventType, random: SeededRandom, leads: Linkable[], partners: Linkable[], contacts: WithPartner[], opportunities: WithPartner[]) {
  if (type === 'call' && random.chance(0.5) && leads.length) return { leadId: random.pick(leads).id };
  if (type === 'call' && contacts.length) {
    const contact = random.pick(contacts);
    return { contactId: contact.id, partnerId: contact.partnerId };
  }
  if (opportunities.length && (type === 'task' || random.chance(0.6))) {
    const opportunity = random.pick(opportunities);
    return { opportunityId: opportunity.id, partnerId: opportunity.partnerId };
  }
  return partners.length ? { partnerId: random.pick(partners).id } : {};
}

/** "created" a few days before each linked event, "done" or "cancelled" at its end for the past ones. */
function timelineEntries(events: Partial<Event>[], now: number): Partial<HistoryEntry>[] {
  const entries: Partial<HistoryEntry>[] = [];
  for (const event of events) {
    const subjects = [
      ['lead', event.leadId],
      ['partner', event.partnerId],
      ['contact', event.contactId],
      ['opportunity', event.opportunityId],
    ].filter((pair): pair is [HistoryEntry['subjectType'], string] => !!pair[1]);
    if (!subjects.length) continue;
    const label = `${event.type!.charAt(0).toUpperCase()}${event.type!.slice(1)} "${event.subject}"`;
    const when = `${event.startAt!.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const created = new Date(Math.min(now, event.startAt!.getTime() - 3 * DAY_MS));
    const data = { eventId: event.id!, seriesId: null, type: event.type!, startAt: event.startAt!.toISOString() };
    const lines: [string, string, Date][] = [['event_created', `${label} planned (${when})`, created]];
    if (event.status === 'realized') lines.push(['event_realized', `${label} done (${when})`, event.endAt!]);
    if (event.status === 'cancelled') lines.push(['event_cancelled', `${label} cancelled (${when})`, event.startAt!]);
    for (const [kind, summary, occurredAt] of lines) {
      for (const [subjectType, subjectId] of subjects) {
        entries.push({ id: newId(), subjectType, subjectId, kind, summary, data, actorId: event.assignedToId!, occurredAt });
      }
    }
  }
  return entries;
}

/** The first date on or after `day` that falls on `weekday` (RFC 5545 code). */
function nextWeekday(day: string, weekday: string): string {
  const target = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'].indexOf(weekday);
  const date = new Date(`${day}T00:00:00Z`);
  while (date.getUTCDay() !== target) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
