import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'supertest';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { startTestApp, TestApp } from './support/test-app';
import { startApiProcess } from './support/worker-apps';

/** Reads a Server-Sent Events response until `until` matches what arrived. */
function readStream(url: string, token: string, until: (text: string) => boolean, timeoutMs = 10_000): { ready: Promise<void>; done: Promise<string> } {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<string>((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      markReady();
      let text = '';
      const timer = setTimeout(() => (req.destroy(), reject(new Error(`nothing matching within ${timeoutMs} ms; got: ${text}`))), timeoutMs);
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (until(text)) {
          clearTimeout(timer);
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
  });
  return { ready, done };
}

describe('notifications: the bell, read state and the live stream', () => {
  let t: TestApp;
  let jane: { id: string; token: string };
  let joe: { id: string; token: string };
  let service: NotificationsService;
  const as = (user: { token: string }) => (req: Test) => req.auth(user.token, { type: 'bearer' });
  const notify = (userId: string, title: string) =>
    service.notify([{ userId, kind: 'event_reminder', title, body: 'Starts soon', recordType: 'event', recordId: userId }]);
  const unread = async (user: { token: string }) => (await as(user)(t.http.get('/api/v1/notifications/unread-count')).expect(200)).body.unread as number;

  beforeAll(async () => {
    t = await startTestApp();
    jane = await t.signInAs('salesperson');
    joe = await t.signInAs('salesperson');
    service = t.app.get(NotificationsService);
  });
  afterAll(() => t.close());

  it('lists only my own notifications, newest first, with the unread filter and count', async () => {
    await notify(jane.id, 'first');
    await notify(jane.id, 'second');
    await notify(joe.id, 'for joe');
    const list = await as(jane)(t.http.get('/api/v1/notifications')).expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1 });
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(['second', 'first']);
    // made without an occurrence (as before reminders carried one): null, not missing
    expect(list.body.items[0]).toMatchObject({
      userId: jane.id,
      kind: 'event_reminder',
      readAt: null,
      late: false,
      recordType: 'event',
      occurrenceStartAt: null,
    });
    expect(await unread(jane)).toBe(2);

    const read = await as(jane)(t.http.post(`/api/v1/notifications/${list.body.items[1].id}/read`)).expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect(await unread(jane)).toBe(1);
    const unreadOnly = await as(jane)(t.http.get('/api/v1/notifications?unread=true')).expect(200);
    expect(unreadOnly.body.items.map((n: { title: string }) => n.title)).toEqual(['second']);
    const readOnly = await as(jane)(t.http.get('/api/v1/notifications?unread=false')).expect(200);
    expect(readOnly.body.items.map((n: { title: string }) => n.title)).toEqual(['first']);
    const searched = await as(jane)(t.http.get('/api/v1/notifications?q=SEC')).expect(200);
    expect(searched.body.items.map((n: { title: string }) => n.title)).toEqual(['second']);
  });

  it('marks all of mine read, and nobody else’s', async () => {
    await notify(jane.id, 'third');
    const before = await unread(joe);
    const result = await as(jane)(t.http.post('/api/v1/notifications/read-all')).expect(200);
    expect(result.body.marked).toBeGreaterThanOrEqual(1);
    expect(await unread(jane)).toBe(0);
    expect(await unread(joe)).toBe(before);
  });

  it('refuses to mark someone else’s notification (403) or an unknown one (404), changing nothing', async () => {
    const [joes] = await notify(joe.id, 'private to joe');
    const refused = await as(jane)(t.http.post(`/api/v1/notifications/${joes.id}/read`)).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await as(jane)(t.http.post('/api/v1/notifications/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/read')).expect(404);
    await as(jane)(t.http.post('/api/v1/notifications/not-a-uuid/read')).expect(400);
    const stored = await t.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [joes.id]);
    expect(stored[0].read_at).toBeNull();
    await t.http.get('/api/v1/notifications').expect(401);
    await as(jane)(t.http.get('/api/v1/notifications?pageSize=500')).expect(400);
  });

  describe('the live stream', () => {
    let base: string;
    let server: http.Server;

    beforeAll(async () => {
      server = t.app.getHttpServer() as http.Server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('pushes a notification created for me, and not one for someone else', async () => {
      const stream = readStream(`${base}/notifications/stream`, jane.token, (text) => text.includes('pushed to jane'));
      await stream.ready;
      await notify(joe.id, 'pushed to joe');
      await notify(jane.id, 'pushed to jane');
      const text = await stream.done;
      expect(text).toContain('event: notification');
      expect(text).not.toContain('pushed to joe');
      const data = JSON.parse(
        text
          .split('\n')
          .find((line) => line.startsWith('data:') && line.includes('pushed to jane'))!
          .slice(5),
      );
      expect(data).toMatchObject({ userId: jane.id, title: 'pushed to jane', readAt: null });
    });

    it('pushes a notification created by another API process on the same database (LISTEN/NOTIFY)', async () => {
      const other = await startApiProcess((t.dataSource.options as { url: string }).url, { runWorkers: false });
      try {
        const stream = readStream(`${base}/notifications/stream`, jane.token, (text) => text.includes('from the other process'));
        await stream.ready;
        await other.app.get(NotificationsService).notify([{ userId: jane.id, kind: 'event_reminder', title: 'from the other process' }]);
        expect(await stream.done).toContain('from the other process');
      } finally {
        await other.close();
      }
    });

    it('refuses the stream without authentication', async () => {
      await t.http.get('/api/v1/notifications/stream').expect(401);
    });
  });
});
