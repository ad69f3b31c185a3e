import { Injectable } from '@nestjs/common';
import type { Actor } from '../kernel/actor';

/**
 * The booking-policy port: how other modules gate bookings without scheduling knowing them.
 * A module registers a policy at start-up (`BookingPolicies.register` in its `onModuleInit`);
 * for every proposed booking, move or series occurrence scheduling then
 * 1. reads the policy's facts in the booking's one read, with the SQL the policy gives
 *    (`factsSql`, over the policy's own module's tables, bound to the booking's parameters), and
 * 2. asks the policy to `check` the proposal against those facts: a pure, synchronous decision
 *    that may refuse the booking (a `DomainError` with the finding's code, field and reason; the
 *    code's catalogue entry gives its HTTP status) or
 *    let it through with a warning the response carries.
 * Dependencies point at scheduling: it imports no module that registers a policy.
 */

/** Placeholders of the booking's one read that a policy's SQL may use. */
export interface BookingReadParameters {
  appointmentTypeId: string;
  locationId: string;
  therapistId: string;
  patientId: string;
  /** Null when the visit is booked outside an episode of care. */
  episodeId: string;
}

export type ProposalKind = 'book' | 'move' | 'series_occurrence' | 'waitlist_offer';

/** A visit about to be written, as every policy sees it. */
export interface ProposedVisit {
  kind: ProposalKind;
  actor: Actor;
  patientId: string;
  episodeId: string | null;
  locationId: string;
  therapistId: string;
  appointmentType: { id: string; code: string; treatment: boolean };
  startsAt: Date;
  endsAt: Date;
  /** The location's IANA zone, for rules in local time. */
  timeZone: string;
  /** The appointment being moved; null for a new one. */
  appointmentId: string | null;
  /**
   * The reason the caller gave to book past a policy's refusal; a policy decides whether it
   * honours it (and for whom) and turns its refusal into a warning. Scheduling audits it.
   */
  override: { reason: string } | null;
  /**
   * Visits this same request placed before this one (earlier occurrences of a series): they are
   * written in the request's transaction after the policy's facts were read, so a policy that
   * counts visits adds them itself.
   */
  placedInRequest: readonly Date[];
}

export interface PolicyFinding {
  /** `refuse` stops the booking; `warn` lets it through and is returned with it. */
  severity: 'refuse' | 'warn';
  /** A code from the registering module's error catalogue, which decides its HTTP status. */
  code: string;
  message: string;
  /** The request field the finding is about, e.g. `episodeId`. */
  field: string;
  reason: string;
}

export interface BookingPolicy<Facts = unknown> {
  /** Unique, stable; names the policy's column in the booking's read. */
  readonly name: string;
  /** One SQL expression (usually a scalar subquery yielding JSON) for this policy's facts. */
  factsSql(parameters: BookingReadParameters): string;
  check(visit: ProposedVisit, facts: Facts | null): PolicyFinding[];
}

/** The policies registered at start-up, in registration order. */
@Injectable()
export class BookingPolicies {
  private readonly policies: BookingPolicy[] = [];
  private frozen = false;

  register<Facts>(policy: BookingPolicy<Facts>): void {
    if (this.frozen) throw new Error(`booking policy ${policy.name} registered after first use`);
    if (!/^[a-z_]+$/.test(policy.name) || this.policies.some((p) => p.name === policy.name)) {
      throw new Error(`booking policy name ${policy.name} is invalid or taken`);
    }
    this.policies.push(policy);
  }

  /** The registered policies; after the first call no more may register (the read is built). */
  all(): readonly BookingPolicy[] {
    this.frozen = true;
    return this.policies;
  }
}

/**
 * Every policy's verdict on a visit: the first refusal, if any policy refuses, else every
 * warning, in registration order.
 */
export function judge(
  policies: readonly BookingPolicy[],
  visit: ProposedVisit,
  facts: Record<string, unknown>,
): { refusal: PolicyFinding | null; warnings: PolicyFinding[] } {
  const warnings: PolicyFinding[] = [];
  for (const policy of policies) {
    for (const finding of policy.check(visit, facts[policy.name] ?? null)) {
      if (finding.severity === 'refuse') return { refusal: finding, warnings };
      warnings.push(finding);
    }
  }
  return { refusal: null, warnings };
}
