import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../kernel/actor';
import { PageQuery } from '../common/pagination/page';
import { insertTogether } from '../database/insert-together';
import { AuditAction, AuditEvent } from './audit-event.entity';
import type { AuditEventFilters } from './audit-export.entity';

export interface AuditEntry {
  /** The user, or for anonymous steps such as a failed login only the request's metadata. */
  actor:
    Actor | { userId?: string; requestId: string; callerRequestId?: string; clientIp?: string };
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /**
   * The patient the row is about. The database finds it from the record otherwise; give it
   * when the record is written in the same statement as the row (it cannot be read then).
   */
  patientId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Appends one event. Pass the transaction's manager when the audited change is written in a
   * transaction, so the change and its audit row commit or roll back together.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  /**
   * The audit row for an entry, by column, for a caller that writes it together with the change
   * it records in one statement (`insertTogether`).
   */
  rowOf(entry: AuditEntry): Record<string, unknown> {
    return {
      actor_user_id: entry.actor.userId ?? null,
      actor_role: 'role' in entry.actor ? entry.actor.role : null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      patient_id: entry.patientId ?? null,
      request_id: entry.actor.requestId || null,
      client_ip: entry.actor.clientIp ?? null,
      // Our request id files the row; the caller's own, if it sent one, is kept beside it.
      details: entry.actor.callerRequestId
        ? { ...entry.details, callerRequestId: entry.actor.callerRequestId }
        : (entry.details ?? {}),
    };
  }

  async recordMany(entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    await insertTogether(manager ?? this.events.manager, [
      { table: 'audit_events', rows: entries.map((entry) => this.rowOf(entry)) },
    ]);
  }

  async list(filters: AuditEventFilters, page: PageQuery): Promise<[AuditEvent[], number]> {
    return this.filtered(filters)
      .orderBy('event.occurred_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
  }

  /** Streams matching events oldest first, in batches, for exports. */
  async *iterate(filters: AuditEventFilters, batchSize = 1000): AsyncGenerator<AuditEvent[]> {
    let afterId: string | undefined;
    for (;;) {
      const query = this.filtered(filters).orderBy('event.id', 'ASC').limit(batchSize);
      if (afterId) query.andWhere('event.id > :afterId', { afterId });
      const batch = await query.getMany();
      if (batch.length === 0) return;
      yield batch;
      afterId = batch[batch.length - 1].id;
    }
  }

  private filtered(filters: AuditEventFilters): SelectQueryBuilder<AuditEvent> {
    const query = this.events.createQueryBuilder('event');
    if (filters.actorUserId) query.andWhere('event.actor_user_id = :actorUserId', filters);
    if (filters.entityType) query.andWhere('event.entity_type = :entityType', filters);
    if (filters.entityId) query.andWhere('event.entity_id = :entityId', filters);
    if (filters.patientId) query.andWhere('event.patient_id = :patientId', filters);
    if (filters.action) query.andWhere('event.action = :action', filters);
    if (filters.from) query.andWhere('event.occurred_at >= :from', filters);
    if (filters.to) query.andWhere('event.occurred_at < :to', filters);
    return query;
  }
}
