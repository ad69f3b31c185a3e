import {
  doseInWords,
  frequencyInWords,
  homeExercisesOf,
  homeProgramme,
  homeProgrammeRefusal,
} from './home-programme';
import type { Dose, Intervention } from './plan-content';
import { TEMPLATE_LIBRARY } from './template-library';

const acuteBack = TEMPLATE_LIBRARY[0];

describe('home programme', () => {
  it.each<[Dose, string | null]>([
    [{ reps: 10 }, '10 repetitions'],
    [{ reps: 1 }, '1 repetition'],
    [{ sets: 2, reps: 10 }, '2 sets of 10 repetitions'],
    [{ sets: 1, reps: 12 }, '1 set of 12 repetitions'],
    [{ reps: 3, holdSeconds: 30 }, '3 repetitions, hold each 30 seconds'],
    [{ sets: 2, reps: 10, holdSeconds: 5 }, '2 sets of 10 repetitions, hold each 5 seconds'],
    [{ holdSeconds: 1 }, 'hold 1 second'],
    [{ sets: 3 }, '3 sets'],
    [{ minutes: 20 }, '20 minutes'],
    [{ sets: 3, reps: 10, minutes: 15 }, '3 sets of 10 repetitions, 15 minutes'],
    [{ timesPerDay: 2 }, null],
    [{}, null],
  ])('a dose of %j reads "%s"', (dose, words) => {
    expect(doseInWords(dose)).toBe(words);
  });

  it.each<[Dose, string]>([
    [{ timesPerDay: 1 }, 'Once a day'],
    [{ timesPerDay: 2 }, 'Twice a day'],
    [{ timesPerDay: 6 }, '6 times a day'],
    [{ timesPerWeek: 1 }, 'Once a week'],
    [{ timesPerWeek: 3 }, '3 times a week'],
    [{ timesPerDay: 2, timesPerWeek: 5 }, 'Twice a day, 5 days a week'],
    [{ timesPerDay: 1, timesPerWeek: 1 }, 'Once a day, 1 day a week'],
    [{ reps: 10 }, 'As your therapist showed you'],
  ])('%j is done "%s"', (dose, words) => {
    expect(frequencyInWords(dose)).toBe(words);
  });

  it('takes the home exercises only, in the plan’s order', () => {
    const exercises = homeExercisesOf(acuteBack.interventions);
    expect(exercises.map((exercise) => exercise.key)).toEqual([
      'knee_to_chest',
      'trunk_rotation',
      'cat_cow',
      'childs_pose',
      'pelvic_tilt',
    ]);
  });

  it('words each exercise for the patient, with when and precautions', () => {
    const ice: Intervention = {
      ...acuteBack.interventions.find((i) => i.key === 'ice_pack')!,
      category: 'home_exercise_programme',
    };
    const [kneeToChest, , , , pelvicTilt, icePack] = homeProgramme([
      ...acuteBack.interventions,
      ice,
    ]);
    expect(kneeToChest).toEqual({
      name: 'Knee-to-chest stretch',
      dose: '3 repetitions, hold each 30 seconds',
      howOften: 'Twice a day',
      when: null,
      precautions: ['Stop if pain increases or spreads to the leg'],
    });
    expect(pelvicTilt.dose).toBe('2 sets of 10 repetitions, hold each 5 seconds');
    expect(icePack).toEqual({
      name: 'Ice pack',
      dose: '20 minutes',
      howOften: '6 times a day',
      when: 'Ice 20 minutes every 2 hours in the first 24-48 hours',
      precautions: ['A thin towel between the pack and the skin'],
    });
  });

  const noHomeExercises = acuteBack.interventions.filter(
    (i) => i.category !== 'home_exercise_programme',
  );

  it.each<[string, Parameters<typeof homeProgrammeRefusal>[0], string | null]>([
    [
      'an active plan',
      {
        status: 'active',
        revision: 1,
        awaitingSignature: false,
        interventions: acuteBack.interventions,
      },
      null,
    ],
    [
      'a draft',
      {
        status: 'draft',
        revision: 1,
        awaitingSignature: true,
        interventions: acuteBack.interventions,
      },
      'plan_not_active',
    ],
    [
      'a plan on hold',
      {
        status: 'on_hold',
        revision: 2,
        awaitingSignature: false,
        interventions: acuteBack.interventions,
      },
      'plan_not_active',
    ],
    [
      'a completed plan',
      {
        status: 'completed',
        revision: 2,
        awaitingSignature: false,
        interventions: acuteBack.interventions,
      },
      'plan_not_active',
    ],
    [
      'a discontinued plan',
      {
        status: 'discontinued',
        revision: 1,
        awaitingSignature: false,
        interventions: acuteBack.interventions,
      },
      'plan_not_active',
    ],
    [
      'an amendment awaiting a signature',
      {
        status: 'active',
        revision: 3,
        awaitingSignature: true,
        interventions: acuteBack.interventions,
      },
      'awaiting_signature',
    ],
    [
      'an active plan with no home exercises',
      { status: 'active', revision: 1, awaitingSignature: false, interventions: noHomeExercises },
      'no_home_exercises',
    ],
  ])('%s: %s', (_, programme, refusal) => {
    expect(homeProgrammeRefusal(programme)?.reason ?? null).toBe(refusal);
  });
});
