import { addCalendarDays } from '../../direct-access/rules/day-count';
import type { InstrumentCode } from '../../intake/rules/instruments';

/**
 * What a treatment-plan template and a plan of care hold, and the arithmetic between them. The
 * categories are the ones the modelled clinics treat back spasm with (../shared/domain/clinics.md);
 * CPT codes and whether each is timed come from ../shared/domain/billing.md (CMS, Medicare Claims
 * Processing Manual 100-04 Ch. 5 § 20.2).
 */
export const INTERVENTION_CATEGORIES = [
  'manual_therapy',
  'modalities',
  'postural_retraining_and_education',
  'therapeutic_exercise',
  'home_exercise_programme',
] as const;
export type InterventionCategory = (typeof INTERVENTION_CATEGORIES)[number];

/**
 * The physical agent an intervention applies, where it applies one: what the contraindication
 * checks read (rules/contraindications.ts).
 */
export const AGENTS = [
  'heat',
  'cold',
  'ultrasound',
  'laser',
  'electrical_stimulation',
  'mechanical_traction',
  'aquatic',
] as const;
export type Agent = (typeof AGENTS)[number];

/** The CPT codes a plan may prescribe, and whether each is billed in 15-minute units (timed). */
export const CPT_CODES = {
  '97110': { timed: true, service: 'therapeutic exercise' },
  '97112': { timed: true, service: 'neuromuscular re-education (posture, balance)' },
  '97140': { timed: true, service: 'manual therapy' },
  '97530': { timed: true, service: 'therapeutic activities' },
  '97535': { timed: true, service: 'self-care / home management training' },
  '97113': { timed: true, service: 'aquatic therapy with therapeutic exercise' },
  '97116': { timed: true, service: 'gait training' },
  '97032': { timed: true, service: 'electrical stimulation, attended' },
  '97035': { timed: true, service: 'ultrasound' },
  '97010': { timed: false, service: 'hot or cold packs' },
  '97012': { timed: false, service: 'mechanical traction' },
  '97026': { timed: false, service: 'infrared' },
  '97014': { timed: false, service: 'electrical stimulation, unattended' },
  G0283: { timed: false, service: 'electrical stimulation, unattended (Medicare)' },
  S8948: { timed: true, service: 'low-level laser, constant attendance' },
} as const;
export type CptCode = keyof typeof CPT_CODES;
export const CPT_CODE_LIST = Object.keys(CPT_CODES) as CptCode[];

export interface Dose {
  minutes?: number;
  sets?: number;
  reps?: number;
  holdSeconds?: number;
  timesPerDay?: number;
  timesPerWeek?: number;
}

/** When in the episode an intervention applies, in days from the injury's onset (ice, then heat). */
export interface Phase {
  fromDay?: number;
  toDay?: number;
  note: string;
}

export interface Intervention {
  /** Stable within a template and the plans made from it (`ice_pack`, `knee_to_chest`). */
  key: string;
  category: InterventionCategory;
  name: string;
  cpt: CptCode;
  timed: boolean;
  agent?: Agent;
  dose: Dose;
  phase?: Phase;
  precautions: string[];
}

export const GOAL_TERMS = ['short', 'long'] as const;
export type GoalTerm = (typeof GOAL_TERMS)[number];
/** The outcome measures intake scores that a goal may be set on. */
export const GOAL_MEASURES = [
  'nprs',
  'odi',
  'ndi',
  'psfs',
] as const satisfies readonly InstrumentCode[];
export type GoalMeasure = (typeof GOAL_MEASURES)[number];
export const COMPARATORS = ['at_most', 'at_least'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface TemplateGoal {
  term: GoalTerm;
  description: string;
  measure: GoalMeasure;
  comparator: Comparator;
  target: number;
  /** Weeks from the plan's start by which the goal is met. */
  byWeek: number;
}

export interface TemplateContent {
  conditions: string[];
  interventions: Intervention[];
  goals: TemplateGoal[];
  frequencyPerWeek: number;
  durationWeeks: number;
}

export interface PlanGoal {
  /** Kept across amendments: a progress report reports on the same goals. */
  id: string;
  term: GoalTerm;
  description: string;
  measure: GoalMeasure;
  comparator: Comparator;
  target: number;
  targetDate: string;
}

export interface Diagnosis {
  code: string;
  description: string;
}

export interface PlanContent {
  diagnoses: Diagnosis[];
  goals: PlanGoal[];
  interventions: Intervention[];
  frequencyPerWeek: number;
  durationWeeks: number;
  /** What the therapist asked the patient that intake does not record (rules/contraindications). */
  screening: { implantedDevice: boolean; pregnant: boolean; cancerHistory: boolean };
}

/** The last day of a plan of `weeks` weeks starting on `start` (inclusive). */
export function planEndDate(start: string, weeks: number): string {
  return addCalendarDays(start, weeks * 7 - 1);
}

/** Visits the plan prescribes: its frequency a week times its weeks. */
export function prescribedVisits(content: Pick<PlanContent, 'frequencyPerWeek' | 'durationWeeks'>) {
  return content.frequencyPerWeek * content.durationWeeks;
}

/** A template's goals as a plan's, dated from the plan's start, with identifiers `g1`, `g2`... */
export function goalsFromTemplate(goals: readonly TemplateGoal[], start: string): PlanGoal[] {
  return goals.map(({ byWeek, ...goal }, index) => ({
    ...goal,
    id: `g${index + 1}`,
    targetDate: addCalendarDays(start, byWeek * 7),
  }));
}

/**
 * Goal identifiers for a plan's goals as written: a goal given with an id keeps it (it must be one
 * the plan had, so an identifier always means the same goal); a new goal gets the next `gN`.
 */
export function withGoalIds(
  goals: readonly (Omit<PlanGoal, 'id'> & { id?: string })[],
  earlier: readonly string[],
): { goals: PlanGoal[]; unknown: number[] } {
  let next = Math.max(
    0,
    ...[...earlier, ...goals.map((goal) => goal.id ?? '')].map((id) =>
      Number(/^g(\d+)$/.exec(id)?.[1] ?? 0),
    ),
  );
  const unknown: number[] = [];
  const identified = goals.map((goal, index) => {
    if (goal.id !== undefined && !earlier.includes(goal.id)) unknown.push(index);
    return { ...goal, id: goal.id ?? `g${(next += 1)}` };
  });
  return { goals: identified, unknown };
}

/**
 * Whether an amendment changes the long-term goals (one added, removed or altered): Medicare
 * asks for a new signature then (Medicare Benefit Policy Manual, Ch. 15 § 220.1.2:
 * "changes to long-term goals ... require a new certification" as billing.md summarises it).
 */
export function longTermGoalsChanged(before: readonly PlanGoal[], after: readonly PlanGoal[]) {
  const longTerm = (goals: readonly PlanGoal[]) =>
    goals
      .filter((goal) => goal.term === 'long')
      .map((goal) =>
        JSON.stringify([
          goal.id,
          goal.description,
          goal.measure,
          goal.comparator,
          goal.target,
          goal.targetDate,
        ]),
      )
      .sort();
  const a = longTerm(before);
  const b = longTerm(after);
  return a.length !== b.length || a.some((goal, index) => goal !== b[index]);
}

/**
 * What the schema cannot check of a plan's content: goal identifiers unique, amendments keep the
 * identifiers of the goals they keep (a goal is dropped by leaving it out, added with a new id),
 * each intervention's timed flag as its CPT code says. Field paths as the request names them.
 */
export function contentProblems(content: PlanContent | TemplateContent) {
  const problems: { field: string; reason: string }[] = [];
  content.interventions.forEach((intervention, index) => {
    if (CPT_CODES[intervention.cpt].timed !== intervention.timed) {
      problems.push({
        field: `interventions[${index}].timed`,
        reason: `${intervention.cpt} is ${CPT_CODES[intervention.cpt].timed ? '' : 'not '}a timed code`,
      });
    }
  });
  const keys = content.interventions.map((intervention) => intervention.key);
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) {
      problems.push({ field: `interventions[${index}].key`, reason: `${key} is used twice` });
    }
  });
  if ('diagnoses' in content) {
    const ids = content.goals.map((goal) => goal.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        problems.push({ field: `goals[${index}].id`, reason: `${id} is used twice` });
      }
    });
  }
  return problems;
}
