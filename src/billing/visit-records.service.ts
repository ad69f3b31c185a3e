import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { staffNameSql } from '../auth/staff-names.sql';
import { CommonErrors } from '../common/errors/common.errors';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { localDateSql } from '../locations/location-facts.sql';
import { patientPayerSql } from '../patients/patient-facts.sql';
import { VISIT_FACTS, visitFactsSql } from '../scheduling/appointment-facts.sql';
import { therapistQualificationsSql } from '../staff/therapist-facts.sql';
import { BillingErrors } from './billing.errors';
import { BillingSettingsService } from './billing-settings.service';
import type { Payer } from './dto/settings.dto';
import type { RecordVisitDto, VisitLineDto, VisitRecordDto } from './dto/visit-record.dto';
import {
  type BilledService,
  billingUnits,
  UNIT_RULE_VERSIONS,
  type UnitContext,
} from './rules/billing-units';
import { cptCode } from './rules/cpt-codes';

interface VisitFacts {
  id: string;
  patientId: string;
  locationId: string;
  therapistId: string;
  episodeId: string | null;
  status: string;
  startsAt: Date;
  serviceDate: string;
  payer: Payer | null;
}

interface RecordRow {
  id: string;
  appointment_id: string;
  patient_id: string;
  episode_id: string | null;
  service_date: string;
  payer: Payer | null;
  unit_rule: VisitRecordDto['unitRule'];
  rule_version: string;
  delivered_by: string;
  delivered_by_name: string;
  delivered_by_credential: 'PT' | 'PTA';
  note: string;
  revision: number;
  recorded_at: Date;
  amended_at: Date | null;
  lines: VisitLineDto[];
}

/**
 * The record of a completed visit: the services performed with their one-on-one minutes, who
 * delivered them (a PT or PTA), a short note, and the units the payer's rule gives. Recorded once
 * and then amended with a reason, each amendment keeping what it replaced.
 */
@Injectable()
export class VisitRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: BillingSettingsService,
    private readonly audit: AuditService,
  ) {}

  async record(
    actor: Actor,
    appointmentId: string,
    input: RecordVisitDto,
  ): Promise<VisitRecordDto> {
    return this.dataSource.transaction(async (manager) => {
      const visit = await this.visibleVisit(actor, appointmentId, manager);
      if (visit.status !== 'completed') {
        throw domainError(
          BillingErrors.visitNotCompleted,
          `Appointment ${appointmentId} is ${visit.status}, not completed`,
        );
      }
      const deliveredBy = input.deliveredBy ?? visit.therapistId;
      const credential = await this.credentialOf(deliveredBy, manager);
      const medicare = visit.payer === 'medicare';
      const unitRule = medicare
        ? 'eight_minute'
        : await this.settings.unitRuleOf(visit.payer, manager);
      const lines = this.units(input, { rule: unitRule, medicare });
      const values = [
        visit.patientId,
        visit.locationId,
        visit.episodeId,
        visit.startsAt,
        visit.serviceDate,
        visit.payer,
        unitRule,
        UNIT_RULE_VERSIONS[unitRule],
        deliveredBy,
        credential,
        input.note,
      ];
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO visit_records (appointment_id, patient_id, location_id, episode_id, starts_at,
           service_date, payer, unit_rule, rule_version, delivered_by, delivered_by_credential, note,
           recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT ON CONSTRAINT visit_records_one_per_visit DO NOTHING RETURNING id`,
        [appointmentId, ...values, actor.userId],
      );
      const recordId =
        created?.id ?? (await this.amend(actor, appointmentId, values, input, manager));
      await manager.query(
        `INSERT INTO visit_record_lines (visit_record_id, position, cpt, billed_code, minutes, units, outcome)
         SELECT $1, line.position, line.cpt, line.billed_code, line.minutes, line.units, line.outcome
           FROM json_to_recordset($2::json)
             AS line (position int, cpt text, billed_code text, minutes int, units int, outcome text)`,
        [recordId, JSON.stringify(lines.map(lineRow))],
      );
      await this.audit.record(
        {
          actor,
          action: created ? 'create' : 'update',
          entityType: 'visit_record',
          entityId: recordId,
          patientId: visit.patientId,
          details: { appointmentId },
        },
        manager,
      );
      return this.view(appointmentId, manager);
    });
  }

  async get(actor: Actor, appointmentId: string): Promise<VisitRecordDto> {
    const visit = await this.visibleVisit(actor, appointmentId, this.dataSource.manager);
    const record = await this.view(appointmentId, this.dataSource.manager);
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'visit_record',
      entityId: record.id,
      patientId: visit.patientId,
    });
    return record;
  }

  /** The appointment as billing sees it, or not found outside the caller's clinics. */
  async visibleVisit(
    actor: Actor,
    appointmentId: string,
    manager: EntityManager,
  ): Promise<VisitFacts> {
    const [visit] = await manager.query<VisitFacts[]>(
      `SELECT visit.*, ${localDateSql('visit."locationId"', 'visit."startsAt"')}::text AS "serviceDate",
              ${patientPayerSql('visit."patientId"')} AS payer
         FROM json_to_record(${visitFactsSql('$1::uuid')}) AS visit (${VISIT_FACTS.columns})`,
      [appointmentId],
    );
    if (!visit?.id || !inScope(actor, visit.locationId)) {
      throw domainError(BillingErrors.visitNotFound, `No appointment ${appointmentId}`);
    }
    return visit;
  }

  private async credentialOf(userId: string, manager: EntityManager): Promise<'PT' | 'PTA'> {
    const [{ q }] = await manager.query<{ q: { credential: string | null } | null }[]>(
      `SELECT ${therapistQualificationsSql('$1::uuid')} AS q`,
      [userId],
    );
    if (q?.credential === 'PT' || q?.credential === 'PTA') return q.credential;
    throw domainError(CommonErrors.validationFailed, 'deliveredBy is not a PT or PTA', [
      {
        field: 'deliveredBy',
        reason: 'the services are delivered by a physical therapist (PT) or assistant (PTA)',
      },
    ]);
  }

  /** Units by the payer's rule; a timed code without minutes is named in the error. */
  private units(input: RecordVisitDto, context: UnitContext): BilledService[] {
    const missing = input.services.flatMap((service, index) =>
      cptCode(service.cpt)?.timed && service.minutes === undefined
        ? [
            {
              field: `services[${index}].minutes`,
              reason: `${service.cpt} is timed: give its one-on-one minutes`,
            },
          ]
        : [],
    );
    if (missing.length > 0) {
      throw domainError(CommonErrors.validationFailed, 'A timed code has no minutes', missing);
    }
    return billingUnits(
      input.services.map((service) => ({ cpt: service.cpt, minutes: service.minutes ?? null })),
      context,
    );
  }

  /** Replaces an existing record, keeping the replaced version; returns its id. */
  private async amend(
    actor: Actor,
    appointmentId: string,
    values: unknown[],
    input: RecordVisitDto,
    manager: EntityManager,
  ): Promise<string> {
    if (!input.amendmentReason) {
      throw domainError(
        BillingErrors.amendmentReasonRequired,
        `Appointment ${appointmentId} already has a visit record`,
        [{ field: 'amendmentReason', reason: 'say why the recorded visit changes' }],
      );
    }
    const previous = await this.view(appointmentId, manager, true);
    await manager.query(
      `INSERT INTO visit_record_amendments (visit_record_id, revision, previous, reason, amended_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        previous.id,
        previous.revision,
        JSON.stringify(previous),
        input.amendmentReason,
        actor.userId,
      ],
    );
    await manager.query(
      `UPDATE visit_records SET patient_id = $2, location_id = $3, episode_id = $4, starts_at = $5,
              service_date = $6, payer = $7, unit_rule = $8, rule_version = $9, delivered_by = $10,
              delivered_by_credential = $11, note = $12, revision = revision + 1, amended_at = now()
        WHERE id = $1`,
      [previous.id, ...values],
    );
    await manager.query(`DELETE FROM visit_record_lines WHERE visit_record_id = $1`, [previous.id]);
    return previous.id;
  }

  private async view(
    appointmentId: string,
    manager: EntityManager,
    forUpdate = false,
  ): Promise<VisitRecordDto> {
    const [row] = await manager.query<RecordRow[]>(
      `SELECT r.id, r.appointment_id, r.patient_id, r.episode_id, r.service_date::text, r.payer,
              r.unit_rule, r.rule_version, r.delivered_by, r.delivered_by_credential, r.note,
              r.revision, r.recorded_at, r.amended_at,
              ${staffNameSql('r.delivered_by')} AS delivered_by_name,
              (SELECT coalesce(json_agg(json_build_object('cpt', l.cpt, 'billedCode', l.billed_code,
                        'minutes', l.minutes, 'units', l.units, 'outcome', l.outcome)
                        ORDER BY l.position), '[]')
                 FROM visit_record_lines l WHERE l.visit_record_id = r.id) AS lines
         FROM visit_records r WHERE r.appointment_id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
      [appointmentId],
    );
    if (!row) {
      throw domainError(
        BillingErrors.visitRecordNotFound,
        `Appointment ${appointmentId} has no visit record`,
      );
    }
    const lines = row.lines.map((line) => ({ ...line, timed: cptCode(line.cpt)?.timed ?? false }));
    return {
      id: row.id,
      appointmentId: row.appointment_id,
      patientId: row.patient_id,
      episodeId: row.episode_id,
      serviceDate: row.service_date,
      payer: row.payer,
      unitRule: row.unit_rule,
      ruleVersion: row.rule_version,
      deliveredBy: {
        userId: row.delivered_by,
        fullName: row.delivered_by_name,
        credential: row.delivered_by_credential,
      },
      note: row.note,
      lines,
      timedMinutes: lines.reduce((sum, line) => sum + (line.timed ? (line.minutes ?? 0) : 0), 0),
      totalUnits: lines.reduce((sum, line) => sum + line.units, 0),
      revision: row.revision,
      recordedAt: row.recorded_at.toISOString(),
      amendedAt: row.amended_at?.toISOString() ?? null,
    };
  }
}

function lineRow(line: BilledService, position: number) {
  return {
    position,
    cpt: line.cpt,
    billed_code: line.billedCode,
    minutes: line.minutes,
    units: line.units,
    outcome: line.outcome,
  };
}
