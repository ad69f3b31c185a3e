import { domainError } from '../common/errors/error-catalogue';
import { AuditErrors } from './audit.errors';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { stringify } from 'csv-stringify/sync';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../kernel/actor';
import { JobName, QueueName } from '../kernel/queue-names';
import { AuditService } from './audit.service';
import { AuditEventFilters, AuditExport } from './audit-export.entity';

export interface ExportAuditEventsJob {
  exportId: string;
}

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'actorUserId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'patientId',
  'requestId',
  'clientIp',
  'details',
] as const;

/** Audit trail exports: requested through the API, produced by a worker, downloaded as CSV. */
@Injectable()
export class AuditExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectQueue(QueueName.AuditExports) private readonly queue: Queue<ExportAuditEventsJob>,
  ) {}

  async request(actor: Actor, filters: AuditEventFilters): Promise<AuditExport> {
    const created = await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(AuditExport).save({
        requestedBy: actor.userId,
        status: 'queued' as const,
        filters,
      });
      await this.audit.record(
        {
          actor,
          action: 'export',
          entityType: 'audit_events',
          entityId: row.id,
          details: { filters },
        },
        manager,
      );
      return row;
    });
    try {
      // The export id is the job id: a retried request can never queue the same export twice.
      await this.queue.add(
        JobName.ExportAuditEvents,
        { exportId: created.id },
        { jobId: created.id },
      );
    } catch (error) {
      await this.dataSource
        .getRepository(AuditExport)
        .update({ id: created.id }, { status: 'failed', error: 'could not be queued' });
      throw domainError(
        AuditErrors.exportQueueUnavailable,
        `The job queue is unavailable; try again later (${(error as Error).message})`,
      );
    }
    return this.get(created.id);
  }

  async get(id: string): Promise<AuditExport> {
    const row = await this.dataSource.getRepository(AuditExport).findOneBy({ id });
    if (!row) throw domainError(AuditErrors.exportNotFound, `No audit export ${id}`);
    return row;
  }

  async csv(actor: Actor, id: string): Promise<string> {
    const row = await this.dataSource
      .getRepository(AuditExport)
      .createQueryBuilder('export')
      .addSelect('export.csv')
      .where('export.id = :id', { id })
      .getOne();
    if (!row) throw domainError(AuditErrors.exportNotFound, `No audit export ${id}`);
    if (row.status !== 'completed' || row.csv === null) {
      throw domainError(AuditErrors.exportNotReady, `Audit export ${id} is ${row.status}`);
    }
    await this.audit.record({ actor, action: 'read', entityType: 'audit_export', entityId: id });
    return row.csv;
  }

  /** Worker side: builds the CSV. Skips exports that are gone or already done. */
  async produce(exportId: string): Promise<void> {
    const repository = this.dataSource.getRepository(AuditExport);
    const row = await repository.findOneBy({ id: exportId });
    if (!row || row.status === 'completed') return;
    await repository.update(
      { id: exportId },
      { status: 'running', startedAt: new Date(), error: null },
    );
    const lines: string[] = [stringify([[...CSV_COLUMNS]])];
    let rowCount = 0;
    for await (const batch of this.audit.iterate(row.filters)) {
      rowCount += batch.length;
      lines.push(
        stringify(
          batch.map((event) => [
            event.id,
            event.occurredAt.toISOString(),
            event.actorUserId,
            event.actorRole,
            event.action,
            event.entityType,
            event.entityId,
            event.patientId,
            event.requestId,
            event.clientIp,
            JSON.stringify(event.details),
          ]),
        ),
      );
    }
    await repository.update(
      { id: exportId },
      { status: 'completed', csv: lines.join(''), rowCount, completedAt: new Date() },
    );
  }

  async markFailed(exportId: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(AuditExport)
      .update(
        { id: exportId, status: In(['queued', 'running']) },
        { status: 'failed', error: reason },
      );
  }
}
