import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IntakeErrors } from '../intake/intake.errors';
import { Role } from '../kernel/role';
import {
  type BookingPolicy,
  BookingPolicies,
  type BookingReadParameters,
  type PolicyFinding,
  type ProposedVisit,
} from '../scheduling/booking-policy.port';
import { type CaseRow, caseSql, factsOfCase, localDate } from './case-facts';
import { DirectAccessErrors } from './direct-access.errors';
import { PlanStarts } from './plan-start.port';
import { evaluate, ruleInForce } from './rules/evaluate';

/**
 * The treatment gate: a treatment visit in an episode is booked or moved only while the episode
 * may be treated on that day, as the direct-access evaluation answers for the visit's date, its
 * place in the episode's visits and the therapist who gives it. Red flags hold it (an emergency
 * until a physician's clearance is on file, a review until a clinician decides, a decision to
 * refer until a referral or clearance is on file); past the state's window or visit limit, or
 * where no rule is held, it needs a referral or a signed plan. Evaluations are always allowed.
 * An admin may book past the gate with a recorded reason: the refusal becomes a warning.
 */
@Injectable()
export class TreatmentGatePolicy implements BookingPolicy<CaseRow>, OnModuleInit {
  readonly name = 'treatment_gate';

  constructor(
    private readonly policies: BookingPolicies,
    private readonly planStarts: PlanStarts,
  ) {}

  onModuleInit(): void {
    this.policies.register(this);
  }

  factsSql({ episodeId, therapistId }: BookingReadParameters): string {
    return caseSql(`${episodeId}::uuid`, `${therapistId}::uuid`, this.planStarts);
  }

  check(visit: ProposedVisit, row: CaseRow | null): PolicyFinding[] {
    if (!visit.episodeId || !row || !visit.appointmentType.treatment) return [];
    const asOf = localDate(visit.startsAt, visit.timeZone);
    const facts = factsOfCase(row, {
      asOf,
      purpose: 'treatment',
      booking: { excluding: visit.appointmentId, placedInRequest: visit.placedInRequest },
    });
    const result = evaluate(ruleInForce(row.rules, row.jurisdiction, asOf), facts);
    if (!['not_eligible', 'referral_required', 'unknown'].includes(result.status)) return [];
    const redFlag = result.status === 'not_eligible';
    const why = result.reasons.map((reason) => reason.text).join('; ');
    const finding: PolicyFinding = {
      severity: 'refuse',
      code: redFlag ? IntakeErrors.treatmentBlocked : DirectAccessErrors.referralRequired,
      message: redFlag
        ? `Treatment visits are held: ${why}`
        : `A referral or a signed plan is needed for this visit on ${asOf}: ${why}`,
      field: 'episodeId',
      reason: redFlag
        ? `red-flag disposition ${facts.redFlags} blocks treatment`
        : result.reasons.map((reason) => reason.code).join(', '),
    };
    // Red flags are never overridden: only the documents on file lift them.
    if (visit.override && visit.actor.role === Role.Admin && !redFlag) {
      return [
        {
          ...finding,
          severity: 'warn',
          code: DirectAccessErrors.gateOverridden,
          message: `Booked past the treatment gate by an admin (${visit.override.reason}): ${finding.message}`,
        },
      ];
    }
    return [finding];
  }
}
