import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JobName, QueueName } from '../kernel/queue-names';
import { QueueConnection } from '../queue/queue.module';
import {
  type DigestOutcome,
  FinalDigestFailure,
  type SendStaffDigestJob,
  StaffDigestsService,
} from './staff-digests.service';

/** How often a worker looks for clinics whose 07:00 has come. */
const PLAN_EVERY_MS = 5 * 60_000;

/**
 * The worker of the staff-digest queue, and the round that plans the digests: every five minutes
 * each worker process plans and queues; rows and job ids are unique, so several workers planning
 * at once send nothing twice.
 */
@Injectable()
export class StaffDigestProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StaffDigestProcessor.name);
  private worker?: Worker<SendStaffDigestJob, DigestOutcome>;
  private timer?: NodeJS.Timeout;
  private round?: Promise<unknown>;

  constructor(
    private readonly queue: QueueConnection,
    private readonly config: AppConfig,
    private readonly digests: StaffDigestsService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<SendStaffDigestJob, DigestOutcome>(
      QueueName.StaffDigests,
      (job) => this.process(job),
      {
        connection: this.queue.connection,
        prefix: this.queue.prefix,
        concurrency: 2,
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
        maxStalledCount: 2,
      },
    );
    this.worker.on('error', (error) => this.logger.error(`staff digests worker: ${error.message}`));
    // The first round after the interval, not at start: a worker restarted at 07:02 sends by 07:07.
    this.timer = setInterval(() => this.plan(), PLAN_EVERY_MS);
  }

  async process(job: Job<SendStaffDigestJob>): Promise<DigestOutcome> {
    if (job.name !== (JobName.SendStaffDigest as string)) {
      throw new UnrecoverableError(`${QueueName.StaffDigests} has no handler for job ${job.name}`);
    }
    try {
      return await this.digests.send(job.data.digestId);
    } catch (error) {
      if (error instanceof FinalDigestFailure) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private plan(): void {
    if (this.round) return;
    this.round = this.digests
      .planAndQueue()
      .catch((error: Error) => this.logger.warn(`staff digests: ${error.message}; will retry`))
      .finally(() => (this.round = undefined));
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    await this.worker?.close();
  }
}
