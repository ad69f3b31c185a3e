import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { staffNameSql } from '../auth/staff-names.sql';
import { domainError } from '../common/errors/error-catalogue';
import { latestReferralSql } from '../direct-access/referral-facts.sql';
import { EpisodesService } from '../intake/episodes.service';
import type { Actor } from '../kernel/actor';
import { clinicContactSql } from '../locations/location-facts.sql';
import { patientNameSql } from '../patients/patient-facts.sql';
import { PlansOfCareReader } from '../plans/plans-of-care-reader.service';
import { unitChargeSql } from './billing-report.sql';
import { BillingErrors } from './billing.errors';
import type {
  DiagnosisDto,
  ReferringProviderDto,
  SuperbillDto,
  SuperbillVisitDto,
} from './dto/superbill.dto';
import { UNIT_RULE_VERSIONS } from './rules/billing-units';
import { CATALOGUE_VERSION, cptCode } from './rules/cpt-codes';
import { claimModifiers, MODIFIER_RULES_VERSION, therapyThresholdCents } from './rules/modifiers';
import { VisitRecordsService } from './visit-records.service';

/** A claim has room for four diagnosis pointers per line (CMS-1500 box 24E). */
const POINTERS_PER_LINE = 4;

interface RecordRow {
  appointment_id: string;
  patient_id: string;
  location_id: string;
  episode_id: string | null;
  service_date: string;
  payer: string | null;
  unit_rule: keyof typeof UNIT_RULE_VERSIONS;
  delivered_by: string;
  delivered_by_name: string;
  delivered_by_credential: 'PT' | 'PTA';
  delivered_by_npi: string | null;
  place_of_service: string;
  lines: {
    billedCode: string;
    minutes: number | null;
    units: number;
    unitChargeCents: number | null;
  }[];
  year_to_date_cents: number | null;
}

/**
 * Superbills: what a patient or a payer is billed for one visit or a whole episode, from the
 * visit records, the fee schedule in effect on each date, and the modifiers the payer needs
 * (Medicare's KX counted over the beneficiary's billed amounts for the calendar year so far).
 */
@Injectable()
export class SuperbillsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visitRecords: VisitRecordsService,
    private readonly episodes: EpisodesService,
    private readonly plans: PlansOfCareReader,
    private readonly audit: AuditService,
  ) {}

  async forVisit(actor: Actor, appointmentId: string, format: string): Promise<SuperbillDto> {
    const visit = await this.visitRecords.visibleVisit(
      actor,
      appointmentId,
      this.dataSource.manager,
    );
    const rows = await this.records('r.appointment_id = $1', appointmentId);
    if (rows.length === 0) {
      throw domainError(
        BillingErrors.visitRecordNotFound,
        `Appointment ${appointmentId} has no visit record`,
      );
    }
    const superbill = await this.build('visit', rows);
    await this.readAudited(actor, 'appointment', appointmentId, visit.patientId, format);
    return superbill;
  }

  async forEpisode(actor: Actor, episodeId: string, format: string): Promise<SuperbillDto> {
    const episode = await this.episodes.findVisible(actor, episodeId);
    const rows = await this.records('r.episode_id = $1', episodeId);
    if (rows.length === 0) {
      throw domainError(BillingErrors.noVisits, `Episode ${episodeId} has no recorded visits`);
    }
    const superbill = await this.build('episode', rows);
    await this.readAudited(actor, 'episode', episodeId, episode.patientId, format);
    return superbill;
  }

  private async readAudited(
    actor: Actor,
    scope: string,
    id: string,
    patientId: string,
    format: string,
  ): Promise<void> {
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'superbill',
      entityId: id,
      patientId,
      details: { scope, format },
    });
  }

  private records(where: string, id: string): Promise<RecordRow[]> {
    return this.dataSource.query<RecordRow[]>(
      `SELECT r.appointment_id, r.patient_id, r.location_id, r.episode_id, r.service_date::text,
              r.payer, r.unit_rule, r.delivered_by, r.delivered_by_credential,
              ${staffNameSql('r.delivered_by')} AS delivered_by_name,
              provider.npi AS delivered_by_npi,
              coalesce(place.place_of_service, '11') AS place_of_service,
              (SELECT coalesce(json_agg(json_build_object('billedCode', l.billed_code,
                        'minutes', l.minutes, 'units', l.units,
                        'unitChargeCents', ${unitChargeSql('r', 'l.billed_code')}) ORDER BY l.position), '[]')
                 FROM visit_record_lines l WHERE l.visit_record_id = r.id AND l.units > 0) AS lines,
              CASE WHEN r.payer = 'medicare' THEN
                (SELECT coalesce(sum(earlier_line.units * coalesce(${unitChargeSql('earlier', 'earlier_line.billed_code')}, 0)), 0)::int
                   FROM visit_records earlier
                   JOIN visit_record_lines earlier_line ON earlier_line.visit_record_id = earlier.id
                  WHERE earlier.patient_id = r.patient_id AND earlier.payer = 'medicare'
                    AND date_part('year', earlier.service_date) = date_part('year', r.service_date)
                    AND (earlier.starts_at, earlier.id) < (r.starts_at, r.id))
              END AS year_to_date_cents
         FROM visit_records r
         LEFT JOIN billing_provider_npis provider ON provider.user_id = r.delivered_by
         LEFT JOIN billing_locations place ON place.location_id = r.location_id
        WHERE ${where}
        ORDER BY r.starts_at, r.id`,
      [id],
    );
  }

  private async build(scope: SuperbillDto['scope'], rows: RecordRow[]): Promise<SuperbillDto> {
    const first = rows[0];
    const last = rows[rows.length - 1];
    const missing = rows.flatMap((row) =>
      row.lines
        .filter((line) => line.unitChargeCents === null)
        .map((line) => ({
          field: 'fees',
          reason: `no charge for ${line.billedCode} (${row.payer ?? 'self_pay'}) on ${row.service_date}`,
        })),
    );
    if (missing.length > 0) {
      throw domainError(BillingErrors.feeNotSet, 'The fee schedule lacks a billed code', missing);
    }
    const [head] = await this.dataSource.query<
      {
        clinic: { name: string; phone: string | null; addressLines: string[] };
        billing_npi: string | null;
        patient: { firstName: string; lastName: string };
      }[]
    >(
      `SELECT ${clinicContactSql('$1::uuid')} AS clinic, ${patientNameSql('$2::uuid')} AS patient,
              (SELECT billing_npi FROM billing_locations WHERE location_id = $1) AS billing_npi`,
      [first.location_id, first.patient_id],
    );
    const care = await this.careFacts(last.episode_id, last.service_date);
    const pointers = care.diagnoses.slice(0, POINTERS_PER_LINE).map((d) => d.pointer);
    const visits = rows.map((row) => this.visit(row, pointers));
    const medicare = last.payer === 'medicare';
    return {
      scope,
      generatedAt: new Date().toISOString(),
      billingProvider: {
        locationId: first.location_id,
        name: head.clinic.name,
        addressLines: head.clinic.addressLines,
        phone: head.clinic.phone,
        npi: head.billing_npi,
      },
      patient: {
        id: first.patient_id,
        firstName: head.patient.firstName,
        lastName: head.patient.lastName,
        payer: last.payer,
      },
      referringProvider: care.referringProvider,
      diagnoses: care.diagnoses,
      visits,
      totalUnits: sum(visits.flatMap((v) => v.lines.map((line) => line.units))),
      totalCents: sum(visits.map((v) => v.totalCents)),
      kxThresholdCents: medicare
        ? therapyThresholdCents(Number(last.service_date.slice(0, 4)))
        : null,
      ruleVersions: [
        UNIT_RULE_VERSIONS[last.unit_rule],
        MODIFIER_RULES_VERSION,
        CATALOGUE_VERSION,
      ].join('; '),
    };
  }

  private visit(row: RecordRow, pointers: number[]): SuperbillVisitDto {
    const medicare = row.payer === 'medicare';
    const lines = row.lines.map((line) => ({
      ...line,
      chargeCents: line.units * (line.unitChargeCents ?? 0),
    }));
    const modifiers = claimModifiers(lines, {
      medicare,
      ncci: medicare || row.payer === 'medicaid',
      byAssistant: row.delivered_by_credential === 'PTA',
      yearToDateCents: row.year_to_date_cents ?? 0,
      thresholdCents: medicare ? therapyThresholdCents(Number(row.service_date.slice(0, 4))) : null,
    });
    return {
      appointmentId: row.appointment_id,
      serviceDate: row.service_date,
      placeOfService: row.place_of_service,
      renderingProvider: {
        userId: row.delivered_by,
        fullName: row.delivered_by_name,
        credential: row.delivered_by_credential,
        npi: row.delivered_by_npi,
      },
      lines: lines.map((line, index) => ({
        code: line.billedCode,
        service: cptCode(line.billedCode)?.service ?? line.billedCode,
        modifiers: modifiers[index],
        units: line.units,
        minutes: line.minutes,
        diagnosisPointers: pointers,
        unitChargeCents: line.unitChargeCents ?? 0,
        chargeCents: line.chargeCents,
      })),
      totalCents: sum(lines.map((line) => line.chargeCents)),
      medicareYearToDateCents: row.year_to_date_cents,
    };
  }

  /**
   * Diagnoses and the referring provider: from the plan of care covering the day (its diagnoses
   * with their pointers; the physician or NPP who certified it, whom Medicare Part B claims report
   * as the referring provider), else from the referral on file for the episode.
   */
  private async careFacts(
    episodeId: string | null,
    onDate: string,
  ): Promise<{ diagnoses: DiagnosisDto[]; referringProvider: ReferringProviderDto | null }> {
    if (!episodeId) return { diagnoses: [], referringProvider: null };
    const plan = await this.plans.planForVisit(episodeId, onDate);
    const [{ referral }] = await this.dataSource.query<{ referral: ReferralFacts | null }[]>(
      `SELECT ${latestReferralSql('$1::uuid', '$2::date')} AS referral`,
      [episodeId, onDate],
    );
    const diagnoses = plan?.diagnoses.length
      ? plan.diagnoses
      : referral?.diagnosisCode
        ? [{ pointer: 1, code: referral.diagnosisCode, description: 'Referral diagnosis' }]
        : [];
    const certifier = plan?.certifiedBy;
    const referringProvider: ReferringProviderDto | null = certifier
      ? { ...certifier, source: 'plan_certification' }
      : referral
        ? {
            name: referral.providerName,
            npi: referral.npi,
            profession: referral.profession,
            source: 'referral',
          }
        : null;
    return { diagnoses, referringProvider };
  }
}

interface ReferralFacts {
  providerName: string;
  profession: string;
  npi: string | null;
  diagnosisCode: string | null;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
