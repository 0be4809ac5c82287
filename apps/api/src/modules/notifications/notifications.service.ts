import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { forbidden, notFound } from '../../platform/errors/domain-error';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { ListNotificationsQuery } from './dto/notification.dto';
import { NotificationBus } from './notification-bus';
import { NewNotification, Notification } from './notification.entity';

const NOTIFICATION_LIST: ListSpec = {
  alias: 'notification',
  filters: {
    unread: (value) => `(notification.read_at IS NULL) = ${value}`,
  },
  sorts: { createdAt: 'notification.created_at' },
  // within one user's notifications (the list is always scoped to the caller)
  searchColumn: 'lower(notification.title)',
  defaultSort: '-createdAt',
};

/** A user's bell: only ever their own notifications. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
  ) {}

  list(query: ListNotificationsQuery, actor: AuthenticatedUser): Promise<Page<Notification>> {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('notification').where('notification.user_id = :me', { me: actor.id });
    return runList(qb, query, NOTIFICATION_LIST);
  }

  unreadCount(actor: AuthenticatedUser): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId: actor.id, readAt: IsNull() });
  }

  /** Marks one of the caller's notifications read (again: keeps the first read time). */
  async markRead(id: string, actor: AuthenticatedUser): Promise<Notification> {
    const repository = this.dataSource.getRepository(Notification);
    const notification = await repository.findOneBy({ id });
    if (!notification) throw notFound('notification', id);
    if (notification.userId !== actor.id) throw forbidden('This notification is someone else’s.');
    await repository.update({ id, readAt: IsNull() }, { readAt: () => 'now()' });
    return repository.findOneByOrFail({ id });
  }

  async markAllRead(actor: AuthenticatedUser): Promise<number> {
    const result = await this.dataSource.getRepository(Notification).update({ userId: actor.id, readAt: IsNull() }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }

  /**
   * Creates notifications inside the caller's transaction (a reminder's
   * delivery, say), so they exist exactly when that transaction commits.
   * Call `announce` with the result once it has committed.
   */
  async record(manager: EntityManager, items: NewNotification[]): Promise<Notification[]> {
    if (!items.length) return [];
    const rows: Notification[] = items.map((item) =>
      Object.assign(new Notification(), {
        id: newId(),
        userId: item.userId,
        kind: item.kind,
        title: item.title,
        body: item.body ?? null,
        recordType: item.recordType ?? null,
        recordId: item.recordId ?? null,
        occurrenceStartAt: item.occurrenceStartAt ?? null,
        late: item.late ?? false,
        createdAt: new Date(),
        readAt: null,
      }),
    );
    await manager.insert(Notification, rows);
    await this.bus.notifyInTransaction(manager, rows);
    return rows;
  }

  /** After the transaction of `record` committed: pushes to the streams (where no NOTIFY does it). */
  announce(created: Notification[]): void {
    this.bus.afterCommit(created);
  }

  /** Creates and pushes in a transaction of its own. */
  async notify(items: NewNotification[]): Promise<Notification[]> {
    const created = await this.dataSource.transaction((manager) => this.record(manager, items));
    this.announce(created);
    return created;
  }
}
