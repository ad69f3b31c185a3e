import { DateTime } from 'luxon';
import { type HomeExercise, homeProgramme } from './home-programme';
import type { Intervention } from './plan-content';

/** What the home exercise programme email and its PDF are made from, read as the email goes. */
export interface HomeProgrammeFacts {
  firstName: string;
  clinicName: string;
  clinicAddress: string[];
  clinicPhone: string | null;
  timeZone: string;
  therapistName: string | null;
  therapistCredential: string | null;
  /** When the plan revision was signed (else written): the programme's date. */
  programmeIssuedAt: Date | null;
  exercises: Intervention[] | null;
}

/** The programme as the patient reads it, on paper and in the email alike. */
export interface HomeProgrammeSheet {
  title: string;
  firstName: string;
  clinicName: string;
  clinicAddress: string[];
  clinicPhone: string | null;
  /** "Pat Therapist, PT", or null when the plan names no one. */
  therapist: string | null;
  /** The programme's date at the clinic, "December 1, 2026". */
  date: string;
  /** The same instant, for the PDF's own creation date: the same programme, the same file. */
  issuedAt: Date;
  exercises: HomeExercise[];
}

export const HOME_PROGRAMME_TITLE = 'Your home exercise programme';

/** The sheet of a home exercise programme email's facts. */
export function homeProgrammeSheet(facts: HomeProgrammeFacts): HomeProgrammeSheet {
  const issuedAt = facts.programmeIssuedAt ?? new Date(0);
  return {
    title: HOME_PROGRAMME_TITLE,
    firstName: facts.firstName,
    clinicName: facts.clinicName,
    clinicAddress: facts.clinicAddress,
    clinicPhone: facts.clinicPhone,
    therapist: facts.therapistName
      ? [facts.therapistName, facts.therapistCredential].filter(Boolean).join(', ')
      : null,
    date: DateTime.fromJSDate(issuedAt, { zone: facts.timeZone }).toFormat('LLLL d, yyyy'),
    issuedAt,
    exercises: homeProgramme(facts.exercises ?? []),
  };
}

/**
 * One exercise as lines of text: its number and name, the dose and how often, when it applies,
 * and what to take care of.
 */
export function exerciseLines(exercise: HomeExercise, index: number): string[] {
  return [
    `${index + 1}. ${exercise.name}`,
    [exercise.dose, exercise.howOften].filter(Boolean).join('. ') + '.',
    ...(exercise.when ? [exercise.when] : []),
    ...(exercise.precautions.length > 0 ? [`Take care: ${exercise.precautions.join('; ')}.`] : []),
  ];
}
