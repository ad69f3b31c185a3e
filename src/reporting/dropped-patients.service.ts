import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Page } from '../common/pagination/page';
import { openEpisodesSql } from '../intake/intake-report.sql';
import type { Actor } from '../kernel/actor';
import { CLINICS_SQL } from '../locations/location-report.sql';
import { patientToCallSql } from '../patients/patient-report.sql';
import { underScheduledPlanSql } from '../plans/plan-report.sql';
import { bookedAheadSql, lastArrivedVisitSql } from '../scheduling/appointment-report.sql';
import type { DroppedPatientDto, DroppedPatientsQueryDto } from './dto/dropped-patient.dto';
import { ReportsService } from './reports.service';

/**
 * Patients who dropped out of care or are about to, listed for a call: an open episode of care
 * and nothing booked ahead at any clinic (those gone longest first), then those whose active plan
 * of care has fewer visits held or booked than it prescribes. Read as the operational figures are
 * (admins every clinic, staff their own when open to them), and audited.
 */
@Injectable()
export class DroppedPatientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: DroppedPatientsQueryDto): Promise<Page<DroppedPatientDto>> {
    const locationIds = await this.reports.operationalScope(actor, query.locationId);
    const rows = await this.dataSource.query<
      (Omit<DroppedPatientDto, 'firstName' | 'lastName' | 'phone' | 'plan'> & {
        person: { firstName: string; lastName: string; phone: string | null };
        plan: { planId: string; held: number; wanted: number } | null;
        total: string;
      })[]
    >(
      `SELECT episode.episode_id AS "episodeId", episode.patient_id AS "patientId",
              loc.id AS "locationId", loc.name AS clinic,
              to_char(episode.opened_on, 'YYYY-MM-DD') AS "openedOn",
              to_char(extra.last_visit AT TIME ZONE loc.time_zone, 'YYYY-MM-DD') AS "lastVisitOn",
              CASE WHEN extra.booked_ahead THEN 'under_scheduled' ELSE 'nothing_booked_ahead' END AS reason,
              extra.plan, extra.person, count(*) OVER () AS total
         FROM ${CLINICS_SQL} loc
         CROSS JOIN LATERAL ${openEpisodesSql('loc.id')} episode
         CROSS JOIN LATERAL (SELECT ${patientToCallSql('episode.patient_id')} AS person,
                                    ${lastArrivedVisitSql('episode.patient_id')} AS last_visit,
                                    ${bookedAheadSql('episode.patient_id', 'now()')} AS booked_ahead,
                                    ${underScheduledPlanSql('episode.episode_id', 'loc.time_zone')} AS plan) extra
        WHERE ($1::uuid[] IS NULL OR loc.id = ANY($1::uuid[]))
          AND NOT (extra.person ->> 'archived')::boolean
          AND (NOT extra.booked_ahead OR extra.plan IS NOT NULL)
        ORDER BY extra.booked_ahead, extra.last_visit NULLS FIRST, episode.opened_on, episode.episode_id
        LIMIT $2 OFFSET $3`,
      [locationIds, query.limit, query.offset],
    );
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'report',
      entityId: 'dropped-patients',
      details: { locationIds: query.locationId ?? null, returned: rows.length },
    });
    const items = rows.map(({ person, plan, total: _total, ...row }) => ({
      ...row,
      plan: plan && { held: plan.held, wanted: plan.wanted },
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
    }));
    return Page.of(items, rows.length ? Number(rows[0].total) : 0, query);
  }
}
