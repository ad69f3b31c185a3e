import { cptCode } from './cpt-codes';

/**
 * Billing units of one visit's services, by the payer's unit rule.
 *
 * The 8-minute rule (Medicare Claims Processing Manual 100-04 Ch. 5 § 20.2; many payers follow
 * it): T is the total one-on-one minutes of all timed codes on the date; the visit bills
 * floor(T / 15) units plus one more when T mod 15 >= 8 (8-22 = 1, 23-37 = 2, ... 113-127 = 8).
 * The units go first to whole 15-minute blocks of each code (a code with >= 15 minutes bills at
 * least one unit), then one each to the codes with the most minutes left over, so that two codes
 * of <= 7 minutes that together reach 8 bill one unit of the longer. Ties go to the code with more
 * minutes in all, then to the one recorded first.
 *
 * The midpoint rule (AMA CPT time rule, "a unit of time is attained when the mid-point is
 * passed"): each timed code on its own bills floor(m / 15) units plus one when m mod 15 >= 8.
 * Some commercial payers use it; the payer's setting chooses.
 *
 * Untimed codes bill one unit each, minutes aside; 97012 once per encounter however often it is
 * recorded. For Medicare, 97010 is bundled (a line with no units) and 97014 is billed as G0283.
 */
export const UNIT_RULES = ['eight_minute', 'midpoint'] as const;
export type UnitRule = (typeof UNIT_RULES)[number];

/** The version of each rule a visit record keeps with its units. */
export const UNIT_RULE_VERSIONS: Record<UnitRule, string> = {
  eight_minute: 'cms-100-04-ch5-20.2/2026-12',
  midpoint: 'cpt-midpoint/2026-12',
};

export const UNIT_MINUTES = 15;
export const MIDPOINT_MINUTES = 8;

export interface PerformedService {
  cpt: string;
  /** One-on-one minutes; required for a timed code, ignored for an untimed one. */
  minutes: number | null;
}

/** Why a line bills what it bills. */
export type LineOutcome =
  'billed' | 'not_enough_minutes' | 'medicare_bundled' | 'once_per_encounter';

export interface BilledService {
  /** The code as performed. */
  cpt: string;
  /** The code on the claim (G0283 for 97014 under Medicare). */
  billedCode: string;
  timed: boolean;
  minutes: number | null;
  units: number;
  outcome: LineOutcome;
}

export interface UnitContext {
  rule: UnitRule;
  medicare: boolean;
}

/** Units for `minutes` of timed time: 0 under 8, else whole blocks plus one past the midpoint. */
export function unitsForMinutes(minutes: number): number {
  if (minutes < MIDPOINT_MINUTES) return 0;
  return Math.floor(minutes / UNIT_MINUTES) + (minutes % UNIT_MINUTES >= MIDPOINT_MINUTES ? 1 : 0);
}

export function billingUnits(
  services: readonly PerformedService[],
  context: UnitContext,
): BilledService[] {
  const lines = mergeTimedRepeats(services).map((service, index, all) =>
    untimedLine(service, context, index, all),
  );
  const timed = lines.filter((line) => line.timed);
  const units =
    context.rule === 'eight_minute'
      ? eightMinuteAllocation(timed.map((line) => line.minutes ?? 0))
      : timed.map((line) => unitsForMinutes(line.minutes ?? 0));
  timed.forEach((line, index) => {
    line.units = units[index];
    line.outcome = units[index] > 0 ? 'billed' : 'not_enough_minutes';
  });
  return lines;
}

/** A timed code recorded twice is one line with the minutes added up. */
function mergeTimedRepeats(services: readonly PerformedService[]): PerformedService[] {
  const merged: PerformedService[] = [];
  for (const service of services) {
    const earlier = cptCode(service.cpt)?.timed
      ? merged.find((line) => line.cpt === service.cpt)
      : undefined;
    if (earlier) earlier.minutes = (earlier.minutes ?? 0) + (service.minutes ?? 0);
    else merged.push({ ...service });
  }
  return merged;
}

/** The line of a service before timed units are allocated; untimed lines are final here. */
function untimedLine(
  service: PerformedService,
  context: UnitContext,
  index: number,
  all: readonly PerformedService[],
): BilledService {
  const code = cptCode(service.cpt);
  if (!code) throw new Error(`unknown CPT code ${service.cpt}`);
  const billedCode = context.medicare && code.medicareCode ? code.medicareCode : code.code;
  const line = { cpt: code.code, billedCode, timed: code.timed, minutes: service.minutes };
  if (code.timed) return { ...line, units: 0, outcome: 'not_enough_minutes' };
  if (context.medicare && code.medicareBundled)
    return { ...line, units: 0, outcome: 'medicare_bundled' };
  const repeated =
    code.oncePerEncounter && all.slice(0, index).some((earlier) => earlier.cpt === service.cpt);
  return repeated
    ? { ...line, units: 0, outcome: 'once_per_encounter' }
    : { ...line, units: 1, outcome: 'billed' };
}

/**
 * The 8-minute rule's units per timed code, in the order given: whole blocks first, then the
 * rest of the visit's units to the largest remainders (ties: more minutes, then earlier).
 */
export function eightMinuteAllocation(minutes: readonly number[]): number[] {
  const total = minutes.reduce((sum, m) => sum + m, 0);
  const units = minutes.map((m) => Math.floor(m / UNIT_MINUTES));
  let left = unitsForMinutes(total) - units.reduce((sum, u) => sum + u, 0);
  const byRemainder = minutes
    .map((m, index) => ({ index, remainder: m % UNIT_MINUTES, minutes: m }))
    .filter((entry) => entry.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || b.minutes - a.minutes || a.index - b.index);
  for (const entry of byRemainder) {
    if (left <= 0) break;
    units[entry.index] += 1;
    left -= 1;
  }
  return units;
}
