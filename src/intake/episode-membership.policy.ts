import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type BookingPolicy,
  BookingPolicies,
  type BookingReadParameters,
  type PolicyFinding,
  type ProposedVisit,
} from '../scheduling/booking-policy.port';
import { IntakeErrors } from './intake.errors';

/**
 * Intake's booking policy: a visit booked in an episode must name one of the patient's own
 * episodes. Whether the episode may be treated (red flags, direct access) is the treatment
 * gate's to say (direct-access/treatment-gate.policy).
 */
@Injectable()
export class EpisodeMembershipPolicy implements BookingPolicy<{ id: string }>, OnModuleInit {
  readonly name = 'episode_membership';

  constructor(private readonly policies: BookingPolicies) {}

  onModuleInit(): void {
    this.policies.register(this);
  }

  factsSql({ episodeId, patientId }: BookingReadParameters): string {
    return `(SELECT json_build_object('id', e.id) FROM episodes_of_care e
              WHERE e.id = ${episodeId} AND e.patient_id = ${patientId})`;
  }

  check(visit: ProposedVisit, facts: { id: string } | null): PolicyFinding[] {
    if (!visit.episodeId || facts) return [];
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
}
