import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueConnection } from '../queue/queue.module';
import { JobName, QueueName } from '../kernel/queue-names';
import {
  FinalDeliveryFailure,
  NotificationDeliveryService,
  type DeliveryOutcome,
} from './notification-delivery.service';

export interface DeliverNotificationJob {
  notificationId: string;
  version: number;
}

/**
 * The worker of the notifications queue, built by hand rather than with `@Processor` because its
 * concurrency and lock duration come from the configuration. A crashed worker's job stalls and
 * is handed on when its lock runs out; on shutdown the worker finishes the jobs it holds.
 */
@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationProcessor.name);
  private worker?: Worker<DeliverNotificationJob, DeliveryOutcome>;

  constructor(
    private readonly queue: QueueConnection,
    private readonly config: AppConfig,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<DeliverNotificationJob, DeliveryOutcome>(
      QueueName.Notifications,
      (job) => this.process(job),
      {
        connection: this.queue.connection,
        prefix: this.queue.prefix,
        concurrency: this.config.email.concurrency,
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
        // A job whose worker died twice is not retried a third time: it fails visibly.
        maxStalledCount: 2,
      },
    );
    this.worker.on('error', (error) => this.logger.error(`notifications worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      // Only the final failure: a failed attempt that will be retried has no finishing time.
      if (!job?.finishedOn) return;
      void this.delivery
        .markAbandoned(job.data.notificationId, job.data.version, error.message)
        .catch((failure: Error) =>
          this.logger.error(`notification ${job.data.notificationId}: ${failure.message}`),
        );
    });
  }

  async process(job: Job<DeliverNotificationJob>): Promise<DeliveryOutcome> {
    if (job.name !== (JobName.DeliverNotification as string)) {
      throw new UnrecoverableError(`${QueueName.Notifications} has no handler for job ${job.name}`);
    }
    try {
      return await this.delivery.deliver(job.data.notificationId, job.data.version);
    } catch (error) {
      // The row already says failed; stop the queue's own retries at once.
      if (error instanceof FinalDeliveryFailure) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  /** Before the database closes: jobs in hand finish (their rows are marked) first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
