import { Injectable, type OnModuleInit } from '@nestjs/common';
import { medicareRecordsSql } from '../direct-access/plan-of-care-records.sql';
import { episodeFactsSql } from '../intake/episode-facts.sql';
import { Role } from '../kernel/role';
import { patientPayerSql } from '../patients/patient-facts.sql';
import { episodeVisitsSql } from '../scheduling/appointment-facts.sql';
import {
  type BookingPolicy,
  BookingPolicies,
  type BookingReadParameters,
  type PolicyFinding,
  type ProposedVisit,
} from '../scheduling/booking-policy.port';
import { HELD, localDate, type MedicareCase, medicareOf } from './plan-case';
import { PlansErrors } from './plans.errors';
import { coverageProblem, type CoveragePlan } from './rules/coverage';

export interface CoverageFacts extends Omit<MedicareCase, 'timeZone'> {
  plans: CoveragePlan[];
  enforcement: 'refuse' | 'warn';
}

/**
 * SQL for a booking's `CoverageFacts`: the episode's signed plans (each as last amended), the
 * clinic's enforcement setting, and what Medicare's certification dates are worked out from.
 */
export function coverageFactsSql(episode: string, location: string): string {
  return `(SELECT json_build_object(
      'plans', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'status', p.status,
                  'startDate', r.start_date, 'endDate', r.end_date, 'visitsAuthorised', r.visits_authorised)), '[]')
                  FROM plans_of_care p
                  JOIN LATERAL (SELECT * FROM plan_revisions WHERE plan_id = p.id ORDER BY revision DESC LIMIT 1) r ON true
                 WHERE p.episode_id = ${episode} AND p.status <> 'draft'),
      'enforcement', coalesce((SELECT enforcement FROM plan_coverage_settings WHERE location_id = ${location}), 'refuse'),
      'episode', ep.e,
      'payer', ${patientPayerSql(`(ep.e->>'patientId')::uuid`)},
      'visits', ${episodeVisitsSql(episode)},
      'medicare', ${medicareRecordsSql(episode)})
    FROM (SELECT ${episodeFactsSql(episode)} AS e) ep WHERE ep.e IS NOT NULL)`;
}

/**
 * The plan-of-care policy: once an episode has a signed plan, a treatment visit is booked only
 * inside an active plan's dates, within its authorised visits, and (for Medicare) while the plan
 * is certified or within the 30 days certification may take. Each clinic chooses to refuse such
 * a visit or book it with a warning; an admin may book past a refusal with a recorded reason.
 */
@Injectable()
export class PlanCoveragePolicy implements BookingPolicy<CoverageFacts>, OnModuleInit {
  readonly name = 'plan_of_care';

  constructor(private readonly policies: BookingPolicies) {}

  onModuleInit(): void {
    this.policies.register(this);
  }

  factsSql({ episodeId, locationId }: BookingReadParameters): string {
    return coverageFactsSql(`${episodeId}::uuid`, `${locationId}::uuid`);
  }

  check(visit: ProposedVisit, facts: CoverageFacts | null): PolicyFinding[] {
    if (!visit.episodeId || !facts || !visit.appointmentType.treatment) return [];
    const zone = visit.timeZone;
    const on = localDate(visit.startsAt, zone);
    const booked = [
      ...facts.visits
        .filter((v) => v.treatment && HELD.includes(v.status) && v.id !== visit.appointmentId)
        .map((v) => localDate(v.startsAt, zone)),
      ...visit.placedInRequest.map((startsAt) => localDate(startsAt, zone)),
    ];
    const medicare = medicareOf({ ...facts, timeZone: zone }, on);
    const problem = coverageProblem(facts.plans, on, booked, medicare);
    if (!problem) return [];
    const refuse =
      facts.enforcement === 'refuse' && !(visit.override && visit.actor.role === Role.Admin);
    return [
      {
        severity: refuse ? 'refuse' : 'warn',
        code: refuse ? PlansErrors.outsidePlan : PlansErrors.outsidePlanWarning,
        message: refuse ? problem.message : `Booked outside the plan of care: ${problem.message}`,
        field: 'episodeId',
        reason: problem.reason,
      },
    ];
  }
}
