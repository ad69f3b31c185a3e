import { Injectable, type OnModuleInit } from '@nestjs/common';
import { staffNameSql } from '../auth/staff-membership.sql';
import { type TimelineSource, TimelineSources } from '../patients/timeline.port';

/** A patient's visits on their timeline: at the start, with the type and therapist, in scope. */
@Injectable()
export class AppointmentTimelineSource implements TimelineSource, OnModuleInit {
  readonly name = 'appointments';

  constructor(private readonly sources: TimelineSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  sql(patient: string, scope: string): string {
    return `SELECT visit.starts_at AS occurred_at, 'appointment' AS kind, visit.id,
                   concat_ws(' with ', visit_type.name, ${staffNameSql('visit.therapist_id')}) AS title,
                   visit.status, visit.location_id,
                   json_build_object('endsAt', visit.ends_at,
                                     'appointmentTypeId', visit.appointment_type_id,
                                     'therapistId', visit.therapist_id,
                                     'episodeId', visit.episode_id,
                                     'reasonForVisit', visit.reason_for_visit,
                                     'lateCancellation', visit.late_cancellation) AS details
              FROM appointments visit
              JOIN appointment_types visit_type ON visit_type.id = visit.appointment_type_id
             WHERE visit.patient_id = ${patient}
               AND (${scope} IS NULL OR visit.location_id = ANY(${scope}))`;
  }
}
