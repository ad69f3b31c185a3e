import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type BookingPolicy,
  BookingPolicies,
  type BookingReadParameters,
  type PolicyFinding,
  type ProposedVisit,
} from '../scheduling/booking-policy.port';
import { IntakeErrors } from './intake.errors';
import {
  blocksTreatment,
  type ClinicianDecision,
  effectiveDisposition,
  type ScreenDisposition,
} from './rules/red-flags';

/** The episode the visit is booked in, and the red-flag screen of its latest assessment. */
interface EpisodeFacts {
  latest: { screen: ScreenDisposition; decision: ClinicianDecision | null } | null;
}

/**
 * Intake's booking policy: a visit booked in an episode must name the patient's own episode,
 * and treatment visits are held while the latest assessment's red-flag screen is an emergency
 * or awaits a clinician's decision (rules/red-flags). Evaluations are always allowed.
 */
@Injectable()
export class RedFlagHoldPolicy implements BookingPolicy<EpisodeFacts>, OnModuleInit {
  readonly name = 'red_flag_hold';

  constructor(private readonly policies: BookingPolicies) {}

  onModuleInit(): void {
    this.policies.register(this);
  }

  /**
   * The latest assessment's screen (its latest amendment's, if amended) and the newest decision
   * made since that version, as `AssessmentView` works them out.
   */
  factsSql({ episodeId, patientId }: BookingReadParameters): string {
    return `(SELECT json_build_object('latest', (
        SELECT json_build_object(
                 'screen', coalesce(am.screen_disposition, a.screen_disposition),
                 'decision', (SELECT d.decision FROM red_flag_decisions d
                               WHERE d.assessment_id = a.id
                                 AND d.decided_at >= coalesce(am.amended_at, a.signed_at, a.created_at)
                               ORDER BY d.decided_at DESC LIMIT 1))
          FROM assessments a
          LEFT JOIN LATERAL (SELECT screen_disposition, amended_at FROM assessment_amendments
                              WHERE assessment_id = a.id ORDER BY amended_at DESC LIMIT 1) am ON true
         WHERE a.episode_id = e.id
         ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1))
       FROM episodes_of_care e WHERE e.id = ${episodeId} AND e.patient_id = ${patientId})`;
  }

  check(visit: ProposedVisit, facts: EpisodeFacts | null): PolicyFinding[] {
    if (!visit.episodeId) return [];
    if (!facts) {
      return [
        {
          severity: 'refuse',
          code: IntakeErrors.episodeNotFound,
          message: `No episode ${visit.episodeId} for this patient`,
          field: 'episodeId',
          reason: 'no such episode for this patient',
        },
      ];
    }
    if (!visit.appointmentType.treatment || !facts.latest) return [];
    const disposition = effectiveDisposition(facts.latest.screen, facts.latest.decision);
    if (!blocksTreatment(disposition)) return [];
    return [
      {
        severity: 'refuse',
        code: IntakeErrors.treatmentBlocked,
        message: `Treatment visits are held: the episode's red-flag screen is ${disposition}`,
        field: 'episodeId',
        reason: `red-flag disposition ${disposition} blocks treatment`,
      },
    ];
  }
}
