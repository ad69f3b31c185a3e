import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { QueueName } from '../kernel/queue-names';
import type { NotificationQuery } from './dto/notification.dto';
import { Notification } from './notification.entity';
import { RemindersErrors } from './reminders.errors';

/** A queue that does not answer must not hang an admin's request. */
const QUEUE_TIMEOUT_MS = 3000;

/** What admins do with notifications: look, count, and send a failed one again. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly audit: AuditService,
  ) {}

  async list(query: NotificationQuery): Promise<[Notification[], number]> {
    const filters = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.patientId ? { patientId: query.patientId } : {}),
      ...(query.appointmentId ? { appointmentId: query.appointmentId } : {}),
    };
    return this.dataSource.getRepository(Notification).findAndCount({
      where: filters,
      order: { sendAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  async get(id: string): Promise<Notification> {
    const notification = await this.dataSource.getRepository(Notification).findOneBy({ id });
    if (!notification) {
      throw domainError(RemindersErrors.notificationNotFound, `No notification ${id}`);
    }
    return notification;
  }

  async summary(): Promise<{
    byStatus: Record<string, number>;
    awaitingRelay: number;
    queue: Record<string, number>;
  }> {
    const rows = await this.dataSource.query<{ status: string; count: number }[]>(
      'SELECT status, count(*)::int AS count FROM notifications GROUP BY status',
    );
    const [{ count: awaitingRelay }] = await this.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM notifications WHERE relayed_version < version',
    );
    let queue: Record<string, number>;
    try {
      queue = await Promise.race([
        this.queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed'),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), QUEUE_TIMEOUT_MS).unref(),
        ),
      ]);
    } catch {
      throw domainError(
        RemindersErrors.queueUnavailable,
        'The queue does not answer; the outbox keeps every notification until it is back',
      );
    }
    return {
      byStatus: Object.fromEntries(rows.map((row) => [row.status, row.count])),
      awaitingRelay,
      queue,
    };
  }

  /**
   * Sends a failed or unconfirmed notification again, as a new version: the relay queues it at
   * once with a fresh attempt budget. An unconfirmed one may already have reached the patient;
   * retrying it is the admin's call.
   */
  async retry(actor: Actor, id: string): Promise<Notification> {
    return this.dataSource.transaction(async (manager) => {
      const [[row]] = await manager.query<[{ id: string }[], number]>(
        `UPDATE notifications
            SET status = 'pending', version = version + 1, attempts = 0, send_at = now(),
                claimed_at = NULL, updated_at = now()
          WHERE id = $1 AND status IN ('failed', 'unconfirmed')
          RETURNING id`,
        [id],
      );
      const notification = await manager.findOneBy(Notification, { id });
      if (!notification) {
        throw domainError(RemindersErrors.notificationNotFound, `No notification ${id}`);
      }
      if (!row) {
        throw domainError(
          RemindersErrors.notificationNotRetryable,
          `A ${notification.status} notification cannot be retried; only failed or unconfirmed ones`,
        );
      }
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'notification',
          entityId: id,
          details: { action: 'retry' },
        },
        manager,
      );
      return notification;
    });
  }
}
