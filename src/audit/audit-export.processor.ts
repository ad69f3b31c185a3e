import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../kernel/queue-names';
import { AuditExportService, ExportAuditEventsJob } from './audit-export.service';

@Processor(QueueName.AuditExports)
export class AuditExportProcessor extends WorkerHost {
  constructor(private readonly exports: AuditExportService) {
    super();
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
