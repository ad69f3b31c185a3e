import type { PlanStatus } from './lifecycle';
import type { Dose, Intervention } from './plan-content';

/**
 * The home exercise programme a patient takes away: the plan's interventions of the
 * `home_exercise_programme` category, in the plan's order, each with its dose and how often in
 * plain words. What a therapist hands over on paper (APTA's Guide to Physical Therapist Practice
 * lists the home programme under patient instruction: the exercises, their dosage and
 * precautions), for the email and its PDF alike.
 */
export const HOME_EXERCISE_CATEGORY = 'home_exercise_programme' satisfies Intervention['category'];

/** One exercise as the patient reads it. */
export interface HomeExercise {
  name: string;
  /** "2 sets of 10 repetitions, hold each 5 seconds"; null when the plan gives no dose. */
  dose: string | null;
  /** "Twice a day"; "As your therapist showed you" when the plan says nothing. */
  howOften: string;
  /** When in the recovery it applies (the intervention's phase note), if the plan says. */
  when: string | null;
  precautions: string[];
}

/** The interventions of a plan that make up its home programme, in the plan's order. */
export function homeExercisesOf(interventions: readonly Intervention[]): Intervention[] {
  return interventions.filter((intervention) => intervention.category === HOME_EXERCISE_CATEGORY);
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** The amount of one session in words: sets, repetitions, hold, minutes. */
export function doseInWords(dose: Dose): string | null {
  const parts: string[] = [];
  if (dose.reps !== undefined) {
    const reps = plural(dose.reps, 'repetition');
    parts.push(dose.sets !== undefined ? `${plural(dose.sets, 'set')} of ${reps}` : reps);
  } else if (dose.sets !== undefined) {
    parts.push(plural(dose.sets, 'set'));
  }
  if (dose.holdSeconds !== undefined) {
    parts.push(
      `hold ${dose.reps !== undefined ? 'each ' : ''}${plural(dose.holdSeconds, 'second')}`,
    );
  }
  if (dose.minutes !== undefined) parts.push(plural(dose.minutes, 'minute'));
  return parts.length > 0 ? parts.join(', ') : null;
}

const TIMES = ['', 'once', 'twice'];
const times = (count: number) => TIMES[count] ?? `${count} times`;

/** How often, in words: "twice a day", "3 times a week", "once a day, 5 days a week". */
export function frequencyInWords(dose: Dose): string {
  const { timesPerDay, timesPerWeek } = dose;
  let words: string;
  if (timesPerDay !== undefined && timesPerWeek !== undefined) {
    words = `${times(timesPerDay)} a day, ${plural(timesPerWeek, 'day')} a week`;
  } else if (timesPerDay !== undefined) {
    words = `${times(timesPerDay)} a day`;
  } else if (timesPerWeek !== undefined) {
    words = `${times(timesPerWeek)} a week`;
  } else {
    words = 'as your therapist showed you';
  }
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The home programme of a plan's interventions, as the patient reads it. */
export function homeProgramme(interventions: readonly Intervention[]): HomeExercise[] {
  return homeExercisesOf(interventions).map((exercise) => ({
    name: exercise.name,
    dose: doseInWords(exercise.dose),
    howOften: frequencyInWords(exercise.dose),
    when: exercise.phase?.note ?? null,
    precautions: exercise.precautions,
  }));
}

/** Why a plan's home programme cannot be sent to the patient, or null when it can. */
export type HomeProgrammeRefusal =
  | { reason: 'plan_not_active'; status: PlanStatus }
  | { reason: 'awaiting_signature'; revision: number }
  | { reason: 'no_home_exercises' };

/**
 * A programme goes out from a plan in force only: active (signed; not a draft, on hold or
 * ended), its current revision not awaiting a signature (an amendment that changed a long-term
 * goal), and with at least one home exercise. Checked when the therapist sends it and again when
 * the email is about to go.
 */
export function homeProgrammeRefusal(programme: {
  status: PlanStatus;
  revision: number;
  awaitingSignature: boolean;
  interventions: readonly Intervention[];
}): HomeProgrammeRefusal | null {
  if (programme.status !== 'active') return { reason: 'plan_not_active', status: programme.status };
  if (programme.awaitingSignature) {
    return { reason: 'awaiting_signature', revision: programme.revision };
  }
  if (homeExercisesOf(programme.interventions).length === 0) {
    return { reason: 'no_home_exercises' };
  }
  return null;
}
