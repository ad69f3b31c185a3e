import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { PageQuery } from '../common/pagination/page';
import type { Actor } from '../kernel/actor';
import { scopeParameter } from '../kernel/location-scope';
import { PatientsService } from './patients.service';
import { TimelineSources } from './timeline.port';

export interface TimelineItem {
  occurredAt: string;
  kind: string;
  id: string;
  title: string;
  status: string;
  locationId: string | null;
  details: Record<string, unknown>;
}

/**
 * A patient's history in one call: every registered source's items, newest first, paged, read
 * in one statement. The read is audited like any read of the patient's record.
 */
@Injectable()
export class PatientTimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patients: PatientsService,
    private readonly sources: TimelineSources,
    private readonly audit: AuditService,
  ) {}

  async timeline(
    actor: Actor,
    patientId: string,
    page: PageQuery,
  ): Promise<{ items: TimelineItem[]; total: number }> {
    await this.patients.assertVisible(actor, patientId);
    const selects = this.sources
      .all()
      .map((source) => source.sql('$1::uuid', '$2::uuid[]', actor))
      .filter((sql): sql is string => sql !== null);
    if (selects.length === 0) return { items: [], total: 0 };
    const union = selects.map((sql) => `(${sql})`).join(' UNION ALL ');
    const [row] = await this.dataSource.query<{ total: number; items: TimelineItem[] | null }[]>(
      `WITH timeline AS (${union})
       SELECT (SELECT count(*)::int FROM timeline) AS total,
              (SELECT json_agg(json_build_object(
                        'occurredAt', item.occurred_at, 'kind', item.kind, 'id', item.id,
                        'title', item.title, 'status', item.status,
                        'locationId', item.location_id, 'details', item.details)
                      ORDER BY item.occurred_at DESC, item.id)
                 FROM (SELECT * FROM timeline ORDER BY occurred_at DESC, id
                        LIMIT $3 OFFSET $4) item) AS items`,
      [patientId, scopeParameter(actor), page.limit, page.offset],
    );
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'patient_timeline',
      entityId: patientId,
    });
    return {
      total: row.total,
      items: (row.items ?? []).map((item) => ({
        ...item,
        occurredAt: new Date(item.occurredAt).toISOString(),
      })),
    };
  }
}
