import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { filter, Observable, Subject } from 'rxjs';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { Notification } from './notification.entity';

const CHANNEL = 'crm_notifications';
const RECONNECT_MS = 2000;

interface Announcement {
  id: string;
  userId: string;
}

/**
 * Carries new notifications to the SSE streams open in this process, whichever
 * process created them.
 *
 * On a PostgreSQL server: the creating transaction sends `NOTIFY crm_notifications`
 * with {id, userId} (delivered only if it commits), and every API process
 * LISTENs on a dedicated connection of its own, then loads the rows of the
 * users it has a stream for.
 *
 * On the embedded PGlite there is no LISTEN: its socket serves the pool's one
 * connection only. It also serves one API process (the config refuses more), so
 * the creator announces the committed rows in-process instead.
 */
@Injectable()
export class NotificationBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationBus');
  private readonly arrivals = new Subject<Notification>();
  /** userId → open streams, so rows are loaded only for users someone is watching here */
  private readonly watchers = new Map<string, number>();
  private listener: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether notifications travel by LISTEN/NOTIFY (a server) or in-process (PGlite). */
  get usesListen(): boolean {
    return Boolean(this.config.databaseUrl);
  }

  async onModuleInit(): Promise<void> {
    if (this.usesListen) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.arrivals.complete();
    await this.listener?.end().catch(() => undefined);
  }

  /** Inside the creating transaction: the NOTIFY goes out only if it commits. */
  async notifyInTransaction(manager: EntityManager, created: Notification[]): Promise<void> {
    if (!this.usesListen || !created.length) return;
    const payloads = created.map((row) => JSON.stringify({ id: row.id, userId: row.userId } satisfies Announcement));
    await manager.query(`SELECT pg_notify('${CHANNEL}', payload) FROM unnest($1::text[]) AS payload`, [payloads]);
  }

  /** After the creating transaction committed: PGlite's in-process delivery. */
  afterCommit(created: Notification[]): void {
    if (this.usesListen) return;
    for (const row of created) this.arrivals.next(row);
  }

  /** New notifications of one user, as they arrive. */
  stream(userId: string): Observable<Notification> {
    return new Observable<Notification>((subscriber) => {
      this.watchers.set(userId, (this.watchers.get(userId) ?? 0) + 1);
      const subscription = this.arrivals.pipe(filter((row) => row.userId === userId)).subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        const left = (this.watchers.get(userId) ?? 1) - 1;
        if (left > 0) this.watchers.set(userId, left);
        else this.watchers.delete(userId);
      };
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => void this.onNotify(message.payload));
    // a dropped connection (server restart) is replaced; notifications sent meanwhile are
    // missed by the stream but not lost: they are rows the bell lists
    client.on('error', (error) => this.logger.warn(`listen connection: ${error.message}`));
    client.on('end', () => this.listenAgainLater());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** Tries again until the server answers: a failed reconnection (the database still down) ends no client, so nothing else would retry. */
  private listenAgainLater(): void {
    // a connection that fails may both end and reject: one retry for both
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().catch((error: Error) => {
        this.logger.warn(`listen connection: ${error.message}`);
        this.listenAgainLater();
      });
    }, RECONNECT_MS).unref();
  }

  private async onNotify(payload: string | undefined): Promise<void> {
    if (!payload) return;
    const { id, userId } = JSON.parse(payload) as Announcement;
    if (!this.watchers.has(userId)) return;
    try {
      const rows = await this.dataSource.getRepository(Notification).findBy({ id: In([id]) });
      for (const row of rows) this.arrivals.next(row);
    } catch (error) {
      this.logger.warn(`could not load notification ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
