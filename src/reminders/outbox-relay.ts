import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobName, QueueName } from '../queue/queue-names';
import type { DeliverNotificationJob } from './notification.processor';

/** Rows moved to the queue per round; a backlog drains in rounds without a long transaction. */
const BATCH_SIZE = 500;
/** A queue that does not answer (Redis down) fails the round instead of holding it. */
const QUEUE_TIMEOUT_MS = 10_000;

/** The queue's job for one version of a notification: the same id every time it is relayed. */
export function notificationJobId(notificationId: string, version: number): string {
  return `notification-${notificationId}-v${version}`;
}

interface RelayRow {
  id: string;
  status: string;
  version: number;
  relayed_version: number;
  send_at: Date;
}

/**
 * Moves outbox rows to BullMQ: a new or moved email becomes a delayed job at its send time, and a
 * moved or withdrawn one loses its old job. Rows are taken with SKIP LOCKED, so any number of
 * workers relay side by side; a failed round (queue down) commits nothing and the rows are taken
 * again on the next one. Deterministic job ids make a round that half-reached the queue harmless
 * to repeat.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue<DeliverNotificationJob>,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Before the database closes: the round in flight commits or rolls back first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** Relays until the outbox holds nothing due for the queue; returns how many rows moved. */
  async drain(): Promise<number> {
    let moved = 0;
    for (;;) {
      const count = await this.relayBatch();
      moved += count;
      if (count < BATCH_SIZE) return moved;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.drain().then(
        () => {
          if (this.failing) this.logger.log('outbox relay: the queue answers again');
          this.failing = false;
        },
        (error: Error) => {
          if (!this.failing) this.logger.warn(`outbox relay: ${error.message}; will retry`);
          this.failing = true;
        },
      );
      void this.round.finally(() => this.schedule(this.config.email.outboxPollMs));
    }, delay);
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<RelayRow[]>(
        `SELECT id, status, version, relayed_version, send_at FROM notifications
          WHERE relayed_version < version
          ORDER BY send_at
          LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await withTimeout(this.sync(rows), QUEUE_TIMEOUT_MS);
      await manager.query(
        `UPDATE notifications AS n SET relayed_version = r.version
           FROM unnest($1::uuid[], $2::int[]) AS r (id, version)
          WHERE n.id = r.id`,
        [rows.map((row) => row.id), rows.map((row) => row.version)],
      );
      return rows.length;
    });
  }

  private async sync(rows: RelayRow[]): Promise<void> {
    const superseded = rows.filter((row) => row.relayed_version > 0);
    await Promise.all(
      superseded.map((row) => this.queue.remove(notificationJobId(row.id, row.relayed_version))),
    );
    const now = Date.now();
    const { maxAttempts, retryBaseMs } = this.config.email;
    await this.queue.addBulk(
      rows
        .filter((row) => row.status === 'pending')
        .map((row) => ({
          name: JobName.DeliverNotification,
          data: { notificationId: row.id, version: row.version },
          opts: {
            jobId: notificationJobId(row.id, row.version),
            delay: Math.max(0, row.send_at.getTime() - now),
            attempts: maxAttempts,
            backoff: { type: 'exponential', delay: retryBaseMs, jitter: 0.5 },
          },
        })),
    );
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
