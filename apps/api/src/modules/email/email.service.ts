import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { newId } from '../../platform/database/ids';
import { reassignSubject, type RecordReassignment } from '../../platform/database/record-merge';
import { notFound, ruleViolation } from '../../platform/errors/domain-error';
import { HistorySubject, HistoryService } from '../../platform/history/history.service';
import { PollingWorker } from '../../platform/jobs/polling-worker';
import { ContactsService } from '../contacts';
import { LeadsService } from '../leads';
import { PartnersService } from '../partners';
import { CrmSettingsService } from '../settings';
import { SendEmailDto } from './dto/send-email.dto';
import { mailServer } from './mail-transport';
import { EmailRecipientType, EmailSubjectType, OutboundEmail } from './outbound-email.entity';

/** An email another module queues in its own transaction (a reminder to a user, say). */
export interface QueuedEmail {
  subjectType: EmailSubjectType;
  subjectId: string;
  toAddress: string;
  subject: string;
  body: string;
}

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A claimed email is someone's for this long; a process that died mid-send gives it back. */
const LEASE = `interval '5 minutes'`;

interface Recipient {
  address: string | null;
  doNotEmail: boolean;
  /** Timelines the email appears on. */
  subjects: HistorySubject[];
}

/**
 * Emails to leads, partners and contacts. Queued in the request's
 * transaction (with the timeline entry), sent by a worker in every API
 * process; claiming with SKIP LOCKED sends each email once.
 */
@Injectable()
export class EmailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker = new PollingWorker('EmailSender', () => this.sendDue(), 5000, BATCH);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: CrmSettingsService,
    private readonly history: HistoryService,
    private readonly leads: LeadsService,
    private readonly partners: PartnersService,
    private readonly contacts: ContactsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.runWorkers) this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** Queues an email; 422 (and nothing queued) when the recipient refuses emails or has no address. */
  async queue(type: EmailRecipientType, id: string, dto: SendEmailDto, actor: AuthenticatedUser): Promise<OutboundEmail> {
    const recipient = await this.recipient(type, id);
    if (recipient.doNotEmail) throw ruleViolation('RECIPIENT_REFUSES_EMAIL', `This ${type} does not want to receive emails.`);
    if (!recipient.address) throw ruleViolation('RECIPIENT_HAS_NO_EMAIL', `This ${type} has no email address.`);
    const emailId = newId();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(OutboundEmail, {
        id: emailId,
        subjectType: type,
        subjectId: id,
        toAddress: recipient.address!,
        subject: dto.subject,
        body: dto.body,
        status: 'queued',
        attempts: 0,
        createdById: actor.id,
      });
      await this.history.record(manager, {
        subjects: recipient.subjects,
        kind: 'email',
        summary: `Email "${dto.subject}" to ${recipient.address}`,
        data: { emailId },
        actorId: actor.id,
      });
    });
    this.worker.poke();
    return this.get(emailId);
  }

  /**
   * Queues emails inside the caller's transaction (sent by this module's
   * worker, with its retries, once that transaction commits).
   */
  async queueInTransaction(manager: EntityManager, emails: QueuedEmail[]): Promise<void> {
    if (!emails.length) return;
    await manager.insert(
      OutboundEmail,
      emails.map((email) => ({ ...email, id: newId(), status: 'queued' as const, attempts: 0, createdById: null })),
    );
    this.worker.poke();
  }

  /** A merge: the emails sent to a merged record now belong to the kept one (they stay addressed as they were sent). */
  reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    return reassignSubject(manager, OutboundEmail, reassignment);
  }

  async get(id: string): Promise<OutboundEmail> {
    const email = await this.dataSource.getRepository(OutboundEmail).findOneBy({ id });
    if (!email) throw notFound('email', id);
    return email;
  }

  /** Sends what is due now, in this process (the worker calls it; tests may too). */
  async sendDue(): Promise<number> {
    // (a CTE, so the driver hands back plain rows for an UPDATE … RETURNING)
    const claimed: Pick<OutboundEmail, 'id' | 'toAddress' | 'subject' | 'body' | 'attempts'>[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE outbound_emails SET status = 'sending', attempts = attempts + 1, next_attempt_at = now() + ${LEASE}
          WHERE id IN (SELECT id FROM outbound_emails
                        WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address AS "toAddress", subject, body, attempts)
       SELECT * FROM claimed`,
    );
    if (!claimed.length) return 0;
    const server = mailServer(this.config.smtpUrl, await this.settings.withSecrets());
    for (const email of claimed) {
      try {
        if (!server) throw new Error('No mail server is configured (SMTP_URL or the SMTP fields of the CRM settings).');
        await server.transport.sendMail({ from: server.from, to: email.toAddress, subject: email.subject, text: email.body });
        await this.dataSource.query(`UPDATE outbound_emails SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [email.id]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const final = email.attempts >= MAX_ATTEMPTS;
        // retry later with a growing delay: 1, 2, 4, 8 minutes
        await this.dataSource.query(
          `UPDATE outbound_emails SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(mins => $4) WHERE id = $1`,
          [email.id, final ? 'failed' : 'queued', message.slice(0, 1000), 2 ** (email.attempts - 1)],
        );
      }
    }
    server?.transport.close();
    return claimed.length;
  }

  private async recipient(type: EmailRecipientType, id: string): Promise<Recipient> {
    switch (type) {
      case 'lead': {
        const lead = await this.leads.get(id);
        return { address: lead.email, doNotEmail: lead.doNotEmail, subjects: [{ type: 'lead', id }] };
      }
      case 'partner': {
        const partner = await this.partners.get(id);
        return { address: partner.email, doNotEmail: false, subjects: [{ type: 'partner', id }] };
      }
      case 'contact': {
        const contact = await this.contacts.get(id);
        const subjects: HistorySubject[] = [{ type: 'contact', id }];
        if (contact.partnerId) subjects.push({ type: 'partner', id: contact.partnerId });
        return { address: contact.email, doNotEmail: contact.doNotEmail, subjects };
      }
    }
  }
}
