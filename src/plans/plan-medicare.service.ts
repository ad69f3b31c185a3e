import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MedicareDates } from '../direct-access/rules/medicare';
import { patientPayerSql } from '../patients/patient-facts.sql';
import { medicareOf, type PlanCase, planCaseSql, todayIn } from './plan-case';

/** Medicare's dates of one plan of care in force, as of its clinic's today. */
export interface PlanMedicareDates {
  planId: string;
  episodeId: string;
  patientId: string;
  locationId: string;
  /** The therapist who wrote the plan. */
  therapistId: string;
  /** The clinic's local date the dates are read on. */
  asOf: string;
  dates: MedicareDates;
}

/**
 * Medicare's certification, recertification and progress-report dates of the plans of care in
 * force (active or on hold) for Medicare patients, as the plan's own page shows them: direct
 * access's rules over its records and the visits attended (plan-case medicareOf), never worked
 * out a second time. The reporting module counts them per clinic.
 */
@Injectable()
export class PlanMedicareReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The plans in force at the given clinics (every clinic for null), each as of its clinic's today. */
  async inForce(locationIds: readonly string[] | null): Promise<PlanMedicareDates[]> {
    const rows = await this.dataSource.query<{ therapist_id: string; plan: PlanCase }[]>(
      `SELECT medicare_plan.created_by AS therapist_id, ${planCaseSql('medicare_plan.id')} AS plan
         FROM plans_of_care medicare_plan
         JOIN episodes_of_care medicare_episode ON medicare_episode.id = medicare_plan.episode_id
        WHERE medicare_plan.status IN ('active', 'on_hold')
          AND ($1::uuid[] IS NULL OR medicare_episode.location_id = ANY($1::uuid[]))
          AND ${patientPayerSql('medicare_episode.patient_id')} = 'medicare'
        ORDER BY medicare_plan.created_at, medicare_plan.id`,
      [locationIds],
    );
    return rows.flatMap(({ therapist_id, plan }) => {
      const asOf = todayIn(plan.timeZone);
      const dates = medicareOf(plan, asOf);
      if (!dates) return [];
      return [
        {
          planId: plan.id,
          episodeId: plan.episode.id,
          patientId: plan.episode.patientId,
          locationId: plan.episode.locationId,
          therapistId: therapist_id,
          asOf,
          dates,
        },
      ];
    });
  }
}
