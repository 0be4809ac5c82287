import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { HttpClient } from './http-client';
import { IdPool, IdRef, PoolKind } from './id-pool';
import { waitForImports } from './exchange';

export interface Actor {
  role: 'admin' | 'salesperson';
  id: string;
  token: string;
}

/** The records the fuzzer refers to, and how it keeps them usable. */
export interface FuzzWorld {
  pool: IdPool;
  /** Makes a new record for a slot whose record a request deleted; false when that failed (the slot keeps the stale id). */
  refill(ref: IdRef): Promise<boolean>;
  /** Takes a record a request created into one of the kind's rotating slots. */
  adopt(kind: PoolKind, id: string): void;
}

/** Records per kind: enough that deletes and state changes during a run leave most slots usable. */
const SLOTS = 6;
/**
 * Slots below this keep the seeded records (their owners and states: someone
 * else's lead, a converted one, a confirmed quotation); the others take in
 * records the run creates, so that fresh ones keep coming as the seeded ones
 * end up lost, confirmed or cancelled.
 */
export const FIXED_SLOTS = 3;
/** The event type of the seeded event category in slot n is `CATEGORY_TYPES[n % 4]` (an event's category must be of its type). */
export const CATEGORY_TYPES = ['meeting', 'call', 'task', 'event'] as const;
const API = '/api/v1';
/** The first occurrence of the seeded weekly series; occurrences follow every 7 days. */
const SERIES_START = Date.parse('2027-03-01T09:00:00.000Z');
const WEEK_MS = 7 * 24 * 3600_000;

/**
 * Seeds records of every kind through the API, owned by the two actors and
 * by other users (so that "someone else's record" is a real case), in a few
 * states. `setupToken` is an admin the fuzzer never signs in as, so that it
 * can always make replacements.
 */
export async function seedWorld(
  http: HttpClient,
  dataSource: DataSource,
  setupToken: string,
  actors: { admin: Actor; salesperson: Actor },
): Promise<FuzzWorld> {
  const pool = new IdPool();
  let serial = 0;
  const unique = () => `${Date.now().toString(36)}${++serial}`;
  const post = async (path: string, body: unknown, token = setupToken) => (await http.call<{ id: string }>('POST', `${API}${path}`, token, body)).id;
  const slot = (kind: PoolKind, n: number) => pool.resolve(new IdRef(kind, n % Math.max(1, pool.size(kind))));
  /** Slot n's owner: the salesperson actor, the admin actor, or another user. */
  const owner = (n: number) => [actors.salesperson.id, actors.admin.id, slot('user', 0), slot('user', 1)][n % 4];
  /** As the owner when that is an actor (their own record, created by them), else made by the setup admin and assigned. */
  const tokenFor = (n: number) => [actors.salesperson.token, actors.admin.token][n % 4] ?? setupToken;
  const roles = ['manager', 'salesperson', 'admin', 'salesperson', 'manager'] as const;

  const factories: Partial<Record<PoolKind, (n: number) => Promise<string>>> = {
    user: (n) =>
      post('/users', {
        email: `fuzz-user-${unique()}@example.com`,
        name: `Fuzz user ${n}`,
        role: roles[n % roles.length],
        password: 'a-good-password',
        active: n !== 3,
      }),
    team: (n) => post('/teams', { name: `Fuzz team ${unique()}`, memberIds: n % 2 ? [actors.salesperson.id] : [slot('user', 1)] }),
    leadSource: () => post('/lead-sources', { name: `Source ${unique()}` }),
    lostReason: (n) => post('/lost-reasons', { name: `Reason ${unique()}`, freeText: n % 2 === 0 }),
    eventCategory: (n) => post('/event-categories', { name: `Category ${unique()}`, code: `C${unique()}`.toUpperCase(), type: CATEGORY_TYPES[n % 4] }),
    opportunityType: () => post('/opportunity-types', { name: `Type ${unique()}`, code: `T${unique()}`.toUpperCase() }),
    lead: (n) =>
      post(
        '/leads',
        {
          lastName: `Lead ${n}`,
          companyName: `Company ${unique()}`,
          email: `lead-${unique()}@example.com`,
          sourceId: slot('leadSource', n),
          assignedToId: owner(n),
        },
        tokenFor(n),
      ),
    partner: async (n) => {
      const partner = { kind: n === 4 ? 'individual' : 'company', name: `Partner ${unique()}`, email: `partner-${unique()}@example.com` };
      // the CRM settings may by now restrict who can own customers (customerAssignableTeamIds): then nobody does
      return post('/partners', { ...partner, assignedToId: owner(n) }, tokenFor(n)).catch(() => post('/partners', { ...partner, assignedToId: null }));
    },
    contact: (n) =>
      post(
        '/contacts',
        { lastName: `Contact ${n}`, email: `contact-${unique()}@example.com`, partnerId: slot('partner', n % 4), assignedToId: owner(n) },
        tokenFor(n),
      ),
    opportunity: (n) =>
      post(
        '/opportunities',
        {
          name: `Deal ${unique()}`,
          partnerId: slot('partner', n % 4),
          amount: '1000.00',
          currency: 'EUR',
          expectedCloseDate: '2027-06-30',
          assignedToId: owner(n),
        },
        tokenFor(n),
      ),
    quotation: (n) =>
      post(
        '/quotations',
        {
          partnerId: slot('partner', n % 4),
          opportunityId: slot('opportunity', n),
          assignedToId: owner(n),
          lines: [{ description: 'CRM licence', quantity: '5', unitPrice: '240.00', discountPercent: '10', taxRate: '20' }],
        },
        tokenFor(n),
      ),
    event: (n) =>
      post(
        '/events',
        {
          type: ['meeting', 'call', 'task', 'event'][n % 4],
          subject: `Event ${n}`,
          startAt: new Date(SERIES_START + n * 3600_000).toISOString(),
          endAt: new Date(SERIES_START + (n + 1) * 3600_000).toISOString(),
          assignedToId: owner(n),
          leadId: slot('lead', n),
          reminders: [{ offsetMinutes: 15, channel: 'notification' }],
        },
        tokenFor(n),
      ),
    series: (n) =>
      post(
        '/events',
        {
          type: 'meeting',
          subject: `Weekly ${n}`,
          startAt: new Date(SERIES_START).toISOString(),
          endAt: new Date(SERIES_START + 3600_000).toISOString(),
          timeZone: 'Europe/Paris',
          recurrence: { frequency: 'weekly', interval: 1, count: 10 },
          assignedToId: owner(n),
        },
        tokenFor(n),
      ),
    calendar: (n) => post('/calendars', { name: `Calendar ${unique()}`, followedUserIds: [actors.salesperson.id, slot('user', 1)] }, tokenFor(n)),
    // a personal token can only be revoked by its owner: half each actor's
    token: (n) => post('/auth/tokens', { name: `fuzz ${unique()}` }, n % 2 ? actors.admin.token : actors.salesperson.token),
  };

  for (const [kind, make] of Object.entries(factories) as [PoolKind, (n: number) => Promise<string>][]) {
    for (let n = 0; n < SLOTS; n++) pool.add(kind, await make(n));
  }
  pool.add('actor', actors.admin.id);
  pool.add('actor', actors.salesperson.id);
  for (let k = 0; k < 4; k++) pool.add('occurrence', new Date(SERIES_START + k * WEEK_MS).toISOString());
  await seedStates(http, pool, setupToken);
  await seedSideRecords(http, dataSource, pool, actors, setupToken);

  const adopted = new Map<PoolKind, number>();
  return {
    pool,
    adopt(kind, id) {
      const rotating = pool.size(kind) - FIXED_SLOTS;
      if (rotating <= 0) return;
      const turn = adopted.get(kind) ?? 0;
      adopted.set(kind, turn + 1);
      pool.replace(new IdRef(kind, FIXED_SLOTS + (turn % rotating)), id);
    },
    async refill(ref) {
      const make = factories[ref.kind];
      if (!make) return false;
      try {
        pool.replace(ref, await make(ref.slot));
        return true;
      } catch {
        // settings or deletions made during the run can refuse a replacement; the slot keeps its stale id
        return false;
      }
    },
  };
}

/** Leads, opportunities and quotations in the states their actions move between. */
async function seedStates(http: HttpClient, pool: IdPool, token: string): Promise<void> {
  const id = (kind: PoolKind, slot: number) => pool.resolve(new IdRef(kind, slot));
  const post = (path: string, body?: unknown) => http.call('POST', `${API}${path}`, token, body);
  await post(`/leads/${id('lead', 0)}/start`);
  await post(`/leads/${id('lead', 1)}/lose`, { lostReasonId: id('lostReason', 0), note: 'Chose a competitor' });
  await post(`/leads/${id('lead', 2)}/convert`, { partner: { mode: 'new' }, contact: { mode: 'new' }, opportunity: { name: 'From the lead', amount: '500' } });
  await post(`/opportunities/${id('opportunity', 1)}/next-stage`);
  await post(`/opportunities/${id('opportunity', 2)}/close-lost`, { lostReasonId: id('lostReason', 0), note: 'Too expensive' });
  await post(`/quotations/${id('quotation', 1)}/send`);
  await post(`/quotations/${id('quotation', 2)}/send`);
  await post(`/quotations/${id('quotation', 2)}/confirm`);
}

/** Records that are read by id but made as a side effect: emails, notifications, import jobs, feed files. */
async function seedSideRecords(
  http: HttpClient,
  dataSource: DataSource,
  pool: IdPool,
  actors: { admin: Actor; salesperson: Actor },
  token: string,
): Promise<void> {
  for (const [slot, actor] of [actors.salesperson, actors.admin].entries()) {
    const lead = pool.resolve(new IdRef('lead', slot + 3));
    pool.add('email', (await http.call<{ id: string }>('POST', `${API}/leads/${lead}/emails`, token, { subject: 'Hello', body: 'A first email.' })).id);
    const feed = await http.call<{ url: string }>('GET', `${API}/calendar/feed`, actor.token);
    pool.add('feedFile', feed.url.split('/').pop() ?? '');
    const job = await http.send({
      method: 'POST',
      target: `${API}/leads/import?mode=async`,
      headers: { authorization: `Bearer ${actor.token}`, 'content-type': 'multipart/form-data; boundary=b' },
      body: Buffer.from(
        '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nlastName,email\r\nImported,imported@example.com\r\n--b--\r\n',
      ),
    });
    if (job.status !== 202) throw new Error(`async import answered ${job.status}: ${job.body.toString()}`);
    pool.add('importJob', (JSON.parse(job.body.toString()) as { jobId: string }).jobId);
    // the bell's notifications are made by the reminder worker; two are written here so that reading one is a real case
    const notification = uuidv7();
    await dataSource.query(
      `INSERT INTO notifications (id, user_id, kind, title, body) VALUES ($1, $2, 'reminder', 'Seeded reminder', 'From the fuzz fixtures')`,
      [notification, actor.id],
    );
    pool.add('notification', notification);
  }
  // the imports write their lead after their 202: done before the first request's snapshot, or it would seem that request's doing
  await waitForImports(dataSource);
}
