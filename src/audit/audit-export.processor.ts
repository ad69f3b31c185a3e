import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../kernel/queue-names';
import { AuditExportService, ExportAuditEventsJob } from './audit-export.service';

@Processor(QueueName.AuditExports)
export class AuditExportProcessor extends WorkerHost {
  private readonly logger = new Logger(AuditExportProcessor.name);

  constructor(private readonly exports: AuditExportService) {
    super();
  }

  /**
   * A lost queue connection is the worker's to retry; logged here, since an 'error' event
   * nobody listens to makes BullMQ print the error's stack trace to the console.
   */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`audit exports worker: ${error.message}`);
  }

  async process(job: Job<ExportAuditEventsJob>): Promise<void> {
    if (job.name !== (JobName.ExportAuditEvents as string)) {
      throw new Error(`${QueueName.AuditExports} has no handler for job ${job.name}`);
    }
    await this.exports.produce(job.data.exportId);
  }

  /** After the last attempt the export is marked failed so the admin sees why. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ExportAuditEventsJob> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.exports.markFailed(job.data.exportId, error.message);
  }
}
