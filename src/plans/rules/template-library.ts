import type { Intervention, TemplateContent, TemplateGoal } from './plan-content';

/**
 * The clinic-wide template library the demo clinics start with, from how they describe their
 * back and neck care (../shared/domain/clinics.md: manual therapy, modalities with ice in the
 * first 24-48 hours then heat, postural retraining, exercise and a home programme) with the CPT
 * codes of ../shared/domain/billing.md. Goal targets are starting points the clinician tailors:
 * ODI at most 20% is Fairbank and Pynsent's "minimal disability" band (Spine 2000;25:2940, as
 * intake scores it), and the NPRS, NDI and PSFS targets leave at least one MCID of room
 * (../shared/domain/outcome-measures.md).
 */
export interface LibraryTemplate extends TemplateContent {
  name: string;
}

const MINUTES = (minutes: number) => ({ minutes });
const STOP_IF_WORSE = 'Stop if pain increases or spreads to the leg';

const softTissue: Intervention = {
  key: 'soft_tissue_mobilisation',
  category: 'manual_therapy',
  name: 'Soft tissue mobilisation and myofascial release',
  cpt: '97140',
  timed: true,
  dose: MINUTES(15),
  precautions: ['Not over an area of acute inflammation'],
};
const jointMobilisation: Intervention = {
  key: 'joint_mobilisation',
  category: 'manual_therapy',
  name: 'Joint mobilisation',
  cpt: '97140',
  timed: true,
  dose: MINUTES(10),
  precautions: ['Screen for osteoporosis and instability first'],
};
const icePack: Intervention = {
  key: 'ice_pack',
  category: 'modalities',
  name: 'Ice pack',
  cpt: '97010',
  timed: false,
  agent: 'cold',
  dose: { minutes: 20, timesPerDay: 6 },
  phase: { fromDay: 0, toDay: 2, note: 'Ice 20 minutes every 2 hours in the first 24-48 hours' },
  precautions: ['A thin towel between the pack and the skin'],
};
const heatPack: Intervention = {
  key: 'heat_pack',
  category: 'modalities',
  name: 'Moist heat pack',
  cpt: '97010',
  timed: false,
  agent: 'heat',
  dose: MINUTES(20),
  phase: {
    fromDay: 2,
    note: 'After 48 hours: heat, or alternate heat and cold, 20 minutes at a time',
  },
  precautions: ['Check skin sensation first'],
};
const ultrasound: Intervention = {
  key: 'ultrasound',
  category: 'modalities',
  name: 'Therapeutic ultrasound',
  cpt: '97035',
  timed: true,
  agent: 'ultrasound',
  dose: MINUTES(8),
  precautions: ['Keep the head moving'],
};
const tens: Intervention = {
  key: 'tens',
  category: 'modalities',
  name: 'TENS (unattended electrical stimulation)',
  cpt: 'G0283',
  timed: false,
  agent: 'electrical_stimulation',
  dose: MINUTES(15),
  precautions: ['Not over broken skin'],
};
const laser: Intervention = {
  key: 'laser',
  category: 'modalities',
  name: 'Low-level (deep tissue) laser',
  cpt: 'S8948',
  timed: true,
  agent: 'laser',
  dose: MINUTES(8),
  precautions: ['Eye protection for patient and therapist'],
};
const posture: Intervention = {
  key: 'posture_and_body_mechanics',
  category: 'postural_retraining_and_education',
  name: 'Posture, body mechanics and lifting technique',
  cpt: '97112',
  timed: true,
  dose: MINUTES(10),
  precautions: [],
};
const ergonomics: Intervention = {
  key: 'ergonomics_and_sleep',
  category: 'postural_retraining_and_education',
  name: 'Workstation set-up, sleeping positions and position changes',
  cpt: '97535',
  timed: true,
  dose: MINUTES(8),
  precautions: [],
};
const exercise = (key: string, name: string, dose: Intervention['dose']): Intervention => ({
  key,
  category: 'therapeutic_exercise',
  name,
  cpt: '97110',
  timed: true,
  dose,
  precautions: [STOP_IF_WORSE],
});
const home = (key: string, name: string, dose: Intervention['dose']): Intervention => ({
  key,
  category: 'home_exercise_programme',
  name,
  cpt: '97110',
  timed: true,
  dose,
  precautions: [STOP_IF_WORSE],
});
const backHome = [
  home('knee_to_chest', 'Knee-to-chest stretch', { reps: 3, holdSeconds: 30, timesPerDay: 2 }),
  home('trunk_rotation', 'Gentle trunk rotation', { reps: 10, timesPerDay: 2 }),
  home('cat_cow', 'Cat-cow', { reps: 10, timesPerDay: 2 }),
  home('childs_pose', 'Child’s pose', { reps: 3, holdSeconds: 30, timesPerDay: 2 }),
  home('pelvic_tilt', 'Pelvic tilts', { sets: 2, reps: 10, holdSeconds: 5, timesPerDay: 2 }),
];
const core = exercise('core_strengthening', 'Core strengthening', {
  sets: 3,
  reps: 10,
  minutes: 15,
});
const flexibility = exercise('flexibility', 'Flexibility: hamstrings, hip flexors', {
  minutes: 10,
});
const cardio = exercise('low_impact_cardio', 'Low-impact cardio (walking, bike)', { minutes: 10 });

const goal = (
  term: TemplateGoal['term'],
  measure: TemplateGoal['measure'],
  comparator: TemplateGoal['comparator'],
  target: number,
  byWeek: number,
  description: string,
): TemplateGoal => ({ term, measure, comparator, target, byWeek, description });
const backGoals = (weeks: number) => [
  goal('short', 'nprs', 'at_most', 4, 2, 'Pain at most 4/10 getting out of bed and bending'),
  goal(
    'long',
    'odi',
    'at_most',
    20,
    weeks,
    'Back to work and daily activities: Oswestry at most 20%',
  ),
  goal('long', 'nprs', 'at_most', 2, weeks, 'Pain at most 2/10 through the day'),
];
const neckGoals = (weeks: number) => [
  goal('short', 'nprs', 'at_most', 4, 2, 'Pain at most 4/10 turning the head'),
  goal(
    'long',
    'ndi',
    'at_most',
    20,
    weeks,
    'Desk work and driving: Neck Disability Index at most 20%',
  ),
];

export const TEMPLATE_LIBRARY: LibraryTemplate[] = [
  {
    name: 'Acute low back spasm',
    conditions: ['acute low back spasm', 'primary (protective) spasm after lifting or twisting'],
    interventions: [
      softTissue,
      icePack,
      heatPack,
      tens,
      posture,
      ergonomics,
      exercise('gentle_mobility', 'Gentle mobility', { minutes: 10 }),
      ...backHome,
    ],
    goals: backGoals(4),
    frequencyPerWeek: 2,
    durationWeeks: 4,
  },
  {
    name: 'Chronic low back pain',
    conditions: ['chronic low back pain', 'recurring back spasm'],
    interventions: [
      softTissue,
      jointMobilisation,
      heatPack,
      posture,
      ergonomics,
      core,
      flexibility,
      cardio,
      ...backHome,
    ],
    goals: [
      ...backGoals(8),
      goal('long', 'psfs', 'at_least', 7, 8, 'Patient-chosen activities at least 7/10'),
    ],
    frequencyPerWeek: 2,
    durationWeeks: 8,
  },
  {
    name: 'Neck pain',
    conditions: ['neck pain', 'neck spasm', 'cervicogenic headache'],
    interventions: [
      softTissue,
      jointMobilisation,
      heatPack,
      posture,
      ergonomics,
      exercise('deep_neck_flexors', 'Deep neck flexor training', {
        sets: 3,
        reps: 10,
        holdSeconds: 10,
      }),
      home('chin_tucks', 'Chin tucks', { reps: 10, holdSeconds: 5, timesPerDay: 3 }),
    ],
    goals: neckGoals(6),
    frequencyPerWeek: 2,
    durationWeeks: 6,
  },
  {
    name: 'Post-operative lumbar',
    conditions: ['post-operative lumbar (discectomy, fusion)'],
    interventions: [
      posture,
      ergonomics,
      exercise('gait_training', 'Walking programme', { minutes: 15 }),
      core,
      home('walking', 'Daily walk', { minutes: 15, timesPerDay: 2 }),
      home('pelvic_tilt', 'Pelvic tilts', { sets: 2, reps: 10, holdSeconds: 5, timesPerDay: 2 }),
    ],
    goals: [
      goal('short', 'nprs', 'at_most', 4, 4, 'Pain at most 4/10 walking 15 minutes'),
      goal('long', 'odi', 'at_most', 20, 12, 'Oswestry at most 20%'),
    ],
    frequencyPerWeek: 2,
    durationWeeks: 12,
  },
  {
    name: 'Mid and upper back spasm',
    conditions: ['thoracic spasm', 'upper back pain from posture'],
    interventions: [
      softTissue,
      heatPack,
      ultrasound,
      posture,
      ergonomics,
      exercise('thoracic_extension', 'Thoracic extension over a towel roll', { reps: 10 }),
      home('doorway_stretch', 'Doorway pectoral stretch', {
        reps: 3,
        holdSeconds: 30,
        timesPerDay: 2,
      }),
    ],
    goals: [
      goal('short', 'nprs', 'at_most', 3, 2, 'Pain at most 3/10 at the desk'),
      goal('long', 'psfs', 'at_least', 7, 6, 'Patient-chosen activities at least 7/10'),
    ],
    frequencyPerWeek: 2,
    durationWeeks: 6,
  },
  {
    name: 'Sciatica with radiating leg pain',
    conditions: ['lumbar radiculopathy', 'pain radiating to the leg'],
    interventions: [
      jointMobilisation,
      {
        key: 'mechanical_traction',
        category: 'modalities',
        name: 'Mechanical traction',
        cpt: '97012',
        timed: false,
        agent: 'mechanical_traction',
        dose: MINUTES(15),
        precautions: ['Stop if leg symptoms worsen'],
      },
      posture,
      exercise('nerve_glides', 'Sciatic nerve glides', { sets: 2, reps: 10 }),
      core,
      home('prone_press_up', 'Prone press-ups', { reps: 10, timesPerDay: 3 }),
    ],
    goals: backGoals(6),
    frequencyPerWeek: 2,
    durationWeeks: 6,
  },
  {
    name: 'Car-accident back and neck',
    conditions: ['whiplash', 'back pain after a motor vehicle accident'],
    interventions: [
      softTissue,
      icePack,
      heatPack,
      tens,
      posture,
      exercise('range_of_motion', 'Active range of motion', { minutes: 10 }),
      home('chin_tucks', 'Chin tucks', { reps: 10, holdSeconds: 5, timesPerDay: 3 }),
      ...backHome.slice(0, 2),
    ],
    goals: [...neckGoals(8), goal('long', 'odi', 'at_most', 20, 8, 'Oswestry at most 20%')],
    frequencyPerWeek: 3,
    durationWeeks: 8,
  },
  {
    name: 'Work injury rehab and conditioning',
    conditions: ['work injury', 'work conditioning', 'lifting injury'],
    interventions: [
      softTissue,
      posture,
      {
        key: 'work_simulation',
        category: 'therapeutic_exercise',
        name: 'Work simulation and lifting practice',
        cpt: '97530',
        timed: true,
        dose: MINUTES(15),
        precautions: [STOP_IF_WORSE],
      },
      core,
      cardio,
      ...backHome.slice(0, 3),
    ],
    goals: [
      goal('short', 'nprs', 'at_most', 4, 2, 'Pain at most 4/10 lifting 10 kg'),
      goal('long', 'psfs', 'at_least', 8, 6, 'Job tasks at least 8/10'),
      goal('long', 'odi', 'at_most', 20, 6, 'Oswestry at most 20%'),
    ],
    frequencyPerWeek: 3,
    durationWeeks: 6,
  },
  {
    name: 'Aquatic therapy for back pain',
    conditions: ['back pain limiting land exercise', 'deconditioning'],
    interventions: [
      {
        key: 'aquatic_exercise',
        category: 'therapeutic_exercise',
        name: 'Aquatic therapeutic exercise',
        cpt: '97113',
        timed: true,
        agent: 'aquatic',
        dose: MINUTES(30),
        precautions: ['Open wounds, incontinence: not in the pool'],
      },
      posture,
      home('swimming', 'Swimming or water walking', { minutes: 20, timesPerWeek: 3 }),
    ],
    goals: backGoals(6),
    frequencyPerWeek: 2,
    durationWeeks: 6,
  },
  {
    name: 'Deep tissue laser for back spasm',
    conditions: ['persistent back spasm', 'soft tissue pain'],
    interventions: [laser, softTissue, heatPack, core, ...backHome.slice(0, 3)],
    goals: backGoals(4),
    frequencyPerWeek: 2,
    durationWeeks: 4,
  },
];
