import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type BookingPolicy,
  BookingPolicies,
  type BookingReadParameters,
  type PolicyFinding,
  type ProposedVisit,
} from '../scheduling/booking-policy.port';
import { IntakeErrors } from './intake.errors';
import { holdOf, type LatestScreen, latestScreenSql } from './treatment-hold';

/** The episode the visit is booked in, and the red-flag screen of its latest assessment. */
interface EpisodeFacts {
  latest: LatestScreen | null;
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

  /** The episode, if it is the patient's, with its latest screen (`latestScreenSql`). */
  factsSql({ episodeId, patientId }: BookingReadParameters): string {
    return `(SELECT json_build_object('latest', ${latestScreenSql('e.id')})
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
    const { disposition, blocked } = holdOf(facts.latest);
    if (!blocked) return [];
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
