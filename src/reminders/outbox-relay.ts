import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobName, QueueName } from '../kernel/queue-names';
import type { DeliverNotificationJob } from './notification.processor';

/** Rows moved to the queue per round; a backlog drains in rounds without a long transaction. */
const BATCH_SIZE = 500;
/** A queue that does not answer (Redis down) fails the round instead of holding it. */
const QUEUE_TIMEOUT_MS = 10_000;
/** Rounds after a failure wait longer, up to this, so an outage is not hammered every second. */
const MAX_FAILURE_BACKOFF_MS = 60_000;
/** How often rows that should have gone long ago are checked against the queue. */
const RECONCILE_EVERY_MS = 60_000;
/** A due email still pending (or sending) this long after its time has lost its job. */
const OVERDUE = '10 minutes';
/** Session-independent key of the relay's advisory lock: one relay round at a time. */
const RELAY_LOCK_KEY = 7_351_022_817;

/** The queue's job for one version of a notification: the same id every time it is relayed. */
export function notificationJobId(notificationId: string, version: number): string {
  return `notification-${notificationId}-v${version}`;
}

/** Where a drain has got to in the index of rows not yet relayed. */
interface RelayPosition {
  sendAt: Date;
  id: string;
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
 * moved or withdrawn one loses its old job. One worker relays at a time (an advisory lock); rows
 * are not locked while the queue is called, so a slow or absent queue never holds up a booking
 * or a cancellation. A row is marked relayed only if it did not change meanwhile; a failed round
 * (queue down) marks nothing and is repeated, with growing pauses. Deterministic job ids make a
 * round that half-reached the queue harmless to repeat. Once a minute, rows long overdue are
 * checked against the queue, and one whose job was lost (Redis flushed, a job removed by hand,
 * retries exhausted by a database outage) is queued again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;
  private failures = 0;
  private lastReconcile = 0;

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
    // Each batch continues after the last row of the one before: the entries of rows just
    // relayed stay in the index until vacuum, and starting over would step over all of them
    // again. A row that changes behind the position is relayed by the next round.
    let after: RelayPosition | undefined;
    for (;;) {
      const { count, last } = await this.relayBatch(after);
      moved += count;
      if (count < BATCH_SIZE) return moved;
      after = last;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runRound().then(
        () => {
          if (this.failures > 0) this.logger.log('outbox relay: the queue answers again');
          this.failures = 0;
        },
        (error: Error) => {
          if (this.failures === 0) this.logger.warn(`outbox relay: ${error.message}; will retry`);
          this.failures += 1;
        },
      );
      void this.round.finally(() => {
        const poll = this.config.email.outboxPollMs;
        this.schedule(Math.min(poll * 2 ** this.failures, Math.max(poll, MAX_FAILURE_BACKOFF_MS)));
      });
    }, delay);
  }

  private async runRound(): Promise<void> {
    await this.drain();
    if (Date.now() - this.lastReconcile >= RECONCILE_EVERY_MS) {
      await this.reconcile();
      this.lastReconcile = Date.now();
    }
  }

  /** Queues again what is long overdue and has no live job; returns how many rows it touched. */
  async reconcile(): Promise<number> {
    return this.asLeader(
      async (manager) => {
        const rows = await manager.query<RelayRow[]>(
          `SELECT id, status, version, relayed_version, send_at FROM notifications
          WHERE status IN ('pending', 'sending') AND relayed_version = version
            AND send_at < now() - interval '${OVERDUE}'
            AND (status = 'pending' OR claimed_at < now() - interval '${OVERDUE}')
          ORDER BY send_at
          LIMIT ${BATCH_SIZE}`,
        );
        const orphans: RelayRow[] = [];
        for (const row of rows) {
          const state = await withTimeout(
            this.queue.getJobState(notificationJobId(row.id, row.version)),
            QUEUE_TIMEOUT_MS,
          );
          if (
            !['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'].includes(state)
          ) {
            orphans.push(row);
          }
        }
        for (const row of orphans) {
          // A pending row is queued again as a new version, and so is one left `sending` whose
          // message never ended (the server kept nothing of it); one whose data ended may have
          // reached the patient, so it goes to an admin as unconfirmed.
          await manager.query(
            `UPDATE notifications
              SET status = CASE WHEN status = 'sending' AND data_ended_at IS NOT NULL
                                THEN 'unconfirmed' ELSE 'pending' END,
                  version = CASE WHEN status = 'sending' AND data_ended_at IS NOT NULL
                                 THEN version ELSE version + 1 END,
                  last_error = CASE WHEN status = 'sending' AND data_ended_at IS NOT NULL
                    THEN 'its job was lost after the message reached the SMTP server; not resent, to avoid a duplicate'
                    ELSE last_error END,
                  updated_at = now()
            WHERE id = $1 AND version = $2 AND status = $3`,
            [row.id, row.version, row.status],
          );
        }
        if (orphans.length > 0) {
          this.logger.warn(
            `outbox relay: ${orphans.length} overdue notification(s) had lost their job`,
          );
        }
        return orphans.length;
      },
      { wait: true },
    );
  }

  /**
   * Runs the work in a transaction holding the relay's lock. A relay round skips when another
   * worker has the lock (that one is doing the same work); the minute's reconciliation waits
   * for it instead, so it is never skipped.
   */
  private asLeader(
    work: (manager: EntityManager) => Promise<number>,
    { wait }: { wait: boolean },
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (wait) {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
        return work(manager);
      }
      const [{ leader }] = await manager.query<{ leader: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS leader',
        [RELAY_LOCK_KEY],
      );
      return leader ? work(manager) : 0;
    });
  }

  private async relayBatch(
    after: RelayPosition | undefined,
  ): Promise<{ count: number; last?: RelayPosition }> {
    let last: RelayPosition | undefined;
    const count = await this.asLeader(
      async (manager) => {
        const rows = await manager.query<RelayRow[]>(
          `SELECT id, status, version, relayed_version, send_at FROM notifications
          WHERE relayed_version < version ${after ? 'AND (send_at, id) > ($1, $2)' : ''}
          ORDER BY send_at, id
          LIMIT ${BATCH_SIZE}`,
          after ? [after.sendAt, after.id] : [],
        );
        if (rows.length === 0) return 0;
        last = { sendAt: rows[rows.length - 1].send_at, id: rows[rows.length - 1].id };
        await withTimeout(this.sync(rows), QUEUE_TIMEOUT_MS);
        const [relayed] = await manager.query<[{ id: string }[], number]>(
          `UPDATE notifications AS n SET relayed_version = r.version
           FROM unnest($1::uuid[], $2::int[]) AS r (id, version)
          WHERE n.id = r.id AND n.version = r.version
          RETURNING n.id`,
          [rows.map((row) => row.id), rows.map((row) => row.version)],
        );
        // A row that changed while the queue was called is relayed again next round, from the
        // version it last reached the queue with; the job just added for the passing one goes.
        const done = new Set(relayed.map((row) => row.id));
        const passed = rows.filter((row) => row.status === 'pending' && !done.has(row.id));
        await withTimeout(
          Promise.all(
            passed.map((row) => this.queue.remove(notificationJobId(row.id, row.version))),
          ),
          QUEUE_TIMEOUT_MS,
        );
        return rows.length;
      },
      { wait: false },
    );
    return { count, last };
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
            // The notifications table keeps the record. A finished job leaves the queue at once,
            // so a notification never has two jobs (say one just deferred to the morning, and
            // the job for its new version).
            removeOnComplete: true,
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
