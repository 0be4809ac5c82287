import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Test } from 'supertest';
import { EmailService } from '../src/modules/email/email.service';
import { startTestApp, TestApp } from './support/test-app';

interface Received {
  to: string[];
  raw: string;
}

describe('email to leads, partners and contacts', () => {
  let t: TestApp;
  let seller: { id: string; token: string };
  let smtp: SMTPServer;
  const received: Received[] = [];
  const asSeller = (req: Test) => req.auth(seller.token, { type: 'bearer' });
  const queuedCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbound_emails`))[0].n as number;

  type EmailView = { status: string; attempts: number; [key: string]: unknown };
  const waitFor = async (id: string, done: (email: EmailView) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const email = (await asSeller(t.http.get(`/api/v1/emails/${id}`)).expect(200)).body as EmailView;
      if (done(email)) return email;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`email ${id} never reached the expected state`);
  };
  const sent = (email: EmailView) => email.status === 'sent';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    t = await startTestApp();
    seller = await t.signInAs('salesperson');
    const port = (smtp.server.address() as AddressInfo).port;
    await t.http
      .patch('/api/v1/settings/crm')
      .auth(t.adminToken, { type: 'bearer' })
      .send({ smtpHost: '127.0.0.1', smtpPort: port, smtpFrom: 'crm@example.com' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('queues an email to a lead (202), sends it through the configured server, and adds it to the timeline', async () => {
    const lead = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Doe', email: 'jane@acme.com' }).expect(201)).body;
    const queued = await asSeller(t.http.post(`/api/v1/leads/${lead.id}/emails`))
      .send({ subject: 'Your quote', body: 'Hello Jane' })
      .expect(202);
    expect(queued.body).toMatchObject({ toAddress: 'jane@acme.com', subject: 'Your quote', subjectType: 'lead', subjectId: lead.id });
    const email = await waitFor(queued.body.id, sent);
    expect(email.sentAt).toBeTruthy();
    const message = received.find((r) => r.raw.includes('Subject: Your quote'));
    expect(message?.to).toEqual(['jane@acme.com']);
    expect(message?.raw).toContain('From: crm@example.com');
    const timeline = await asSeller(t.http.get(`/api/v1/leads/${lead.id}/timeline`)).expect(200);
    expect(timeline.body.items[0]).toMatchObject({ kind: 'email', data: { emailId: queued.body.id } });
  });

  it('refuses a recipient who rejects emails, or has no address, with 422 and queues nothing', async () => {
    const before = await queuedCount();
    const refusing = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'No', email: 'no@acme.com', doNotEmail: true }).expect(201)).body;
    const refused = await asSeller(t.http.post(`/api/v1/leads/${refusing.id}/emails`))
      .send({ subject: 'Hi', body: 'x' })
      .expect(422);
    expect(refused.body.code).toBe('RECIPIENT_REFUSES_EMAIL');
    const contact = (await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Mute' }).expect(201)).body;
    const noAddress = await asSeller(t.http.post(`/api/v1/contacts/${contact.id}/emails`))
      .send({ subject: 'Hi', body: 'x' })
      .expect(422);
    expect(noAddress.body.code).toBe('RECIPIENT_HAS_NO_EMAIL');
    await asSeller(t.http.post(`/api/v1/partners/01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41/emails`)).send({ subject: 'Hi', body: 'x' }).expect(404);
    await asSeller(t.http.post(`/api/v1/leads/${refusing.id}/emails`))
      .send({ subject: '' })
      .expect(400);
    expect(await queuedCount()).toBe(before);
  });

  it("shows an email to a contact on the contact's and the partner's timelines", async () => {
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Acme' }).expect(201)).body;
    const contact = (await asSeller(t.http.post('/api/v1/contacts')).send({ lastName: 'Roe', email: 'roe@acme.com', partnerId: partner.id }).expect(201)).body;
    await asSeller(t.http.post(`/api/v1/contacts/${contact.id}/emails`))
      .send({ subject: 'Meeting', body: 'Tuesday?' })
      .expect(202);
    for (const path of [`contacts/${contact.id}`, `partners/${partner.id}`]) {
      const timeline = await asSeller(t.http.get(`/api/v1/${path}/timeline`)).expect(200);
      expect(timeline.body.items[0].kind).toBe('email');
    }
  });

  it('sends each email once even when several senders run at the same time', async () => {
    const service = t.app.get(EmailService);
    const partner = (await asSeller(t.http.post('/api/v1/partners')).send({ name: 'Many', email: 'many@acme.com' }).expect(201)).body;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await asSeller(t.http.post(`/api/v1/partners/${partner.id}/emails`))
            .send({ subject: `Batch ${i}`, body: 'x' })
            .expect(202)
        ).body.id,
      );
    await Promise.all([service.sendDue(), service.sendDue(), service.sendDue()]);
    for (const id of ids) await waitFor(id, sent);
    for (let i = 0; i < 12; i++) expect(received.filter((r) => r.raw.includes(`Subject: Batch ${i}\r\n`))).toHaveLength(1);
  });

  it('keeps an email queued with the error when the server is unreachable, to retry later', async () => {
    await t.http.patch('/api/v1/settings/crm').auth(t.adminToken, { type: 'bearer' }).send({ smtpPort: 1 }).expect(200);
    const lead = (await asSeller(t.http.post('/api/v1/leads')).send({ lastName: 'Later', email: 'later@acme.com' }).expect(201)).body;
    const queued = (
      await asSeller(t.http.post(`/api/v1/leads/${lead.id}/emails`))
        .send({ subject: 'Retry', body: 'x' })
        .expect(202)
    ).body;
    await t.app.get(EmailService).sendDue();
    const email = await waitFor(queued.id, (e) => e.status === 'queued' && e.attempts > 0);
    expect(email).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
    expect(new Date(email.nextAttemptAt as string).getTime()).toBeGreaterThan(Date.now());
  });
});
