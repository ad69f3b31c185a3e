import type { AssessmentInput } from '../intake/rules/assessment-content';

/**
 * The demo patients' courses of care: who treats them where, on which weekdays at what local
 * time, and what their intake and re-evaluation found (instruments answered item by item and
 * scored by the real rules). Invented people; the scores move as such courses typically do.
 */
export interface DemoCourse {
  firstName: string;
  lastName: string;
  therapistEmail: string;
  location: string;
  weekdays: number[];
  time: string;
  firstType: string;
  type: string;
  reviewType: string;
  /** The visit (counting from 0) that is the re-evaluation. */
  reviewAt: number;
  reason: string;
  condition: string;
  onsetWeeksBefore: number;
  assessment: Omit<AssessmentInput, 'onsetDate'>;
  /** What changed by the re-evaluation. */
  review: Partial<AssessmentInput>;
  waitsForEarlierSlot?: boolean;
}

const items = (prefix: string, values: (number | null)[]) =>
  Object.fromEntries(values.map((value, index) => [`${prefix}_${index + 1}`, value]));

const quiet = {
  side: 'left' as const,
  severity: 'moderate' as const,
  easingFactors: ['heat', 'rest'],
  associatedSymptoms: [],
  relevantHistory: [],
  medications: ['ibuprofen as needed'],
  redFlags: [],
};

export const DEMO_COURSES: DemoCourse[] = [
  {
    firstName: 'Joseph',
    lastName: 'Mazur',
    therapistEmail: 'pt.scranton-kingston@pt-practice.test',
    location: 'scranton',
    weekdays: [1, 3],
    time: '09:00',
    firstType: 'initial_evaluation',
    type: 'follow_up',
    reviewType: 're_evaluation',
    reviewAt: 8,
    reason: 'Low back pain since shovelling snow',
    condition: 'Mechanical low back pain',
    onsetWeeksBefore: 3,
    assessment: {
      ...quiet,
      chiefComplaint: 'Low back pain, worse bending and getting out of bed',
      bodyRegion: 'lower_back',
      mechanism: 'lifting',
      triggers: ['bending_forward', 'getting_out_of_bed'],
      pain: { now: 6, best24h: 3, worst24h: 8 },
      instruments: [
        { instrument: 'odi', answers: items('odi', [3, 1, 3, 2, 2, 2, 2, null, 2, 2]) },
        { instrument: 'start_back', answers: items('sbst', [1, 0, 1, 0, 1, 0, 0, 1, 2]) },
      ],
    },
    review: {
      pain: { now: 2, best24h: 1, worst24h: 4 },
      instruments: [
        { instrument: 'odi', answers: items('odi', [1, 0, 1, 1, 1, 1, 1, null, 1, 0]) },
      ],
    },
  },
  {
    firstName: 'Ann',
    lastName: 'Dougherty',
    therapistEmail: 'pt.scranton-kingston@pt-practice.test',
    location: 'kingston',
    weekdays: [2, 4],
    time: '10:00',
    firstType: 'initial_evaluation',
    type: 'follow_up',
    reviewType: 're_evaluation',
    reviewAt: 8,
    reason: 'Neck stiffness after a rear-end collision',
    condition: 'Whiplash-associated neck pain',
    onsetWeeksBefore: 2,
    assessment: {
      ...quiet,
      side: 'bilateral',
      chiefComplaint: 'Neck pain and stiffness turning the head',
      bodyRegion: 'neck',
      mechanism: 'motor_vehicle_accident',
      triggers: ['prolonged_sitting'],
      pain: { now: 5, best24h: 3, worst24h: 7 },
      instruments: [{ instrument: 'ndi', answers: items('ndi', [3, 1, 2, 2, 3, 2, 1, 3, 2, 1]) }],
    },
    review: {
      pain: { now: 2, best24h: 1, worst24h: 3 },
      instruments: [{ instrument: 'ndi', answers: items('ndi', [1, 0, 1, 1, 1, 1, 0, 1, 1, 0]) }],
    },
    waitsForEarlierSlot: true,
  },
  {
    firstName: 'Tyler',
    lastName: 'Brennan',
    therapistEmail: 'pta.pittston@pt-practice.test',
    location: 'wilkes-barre',
    weekdays: [2, 5],
    time: '14:00',
    firstType: 'follow_up',
    type: 'follow_up',
    reviewType: 'follow_up',
    reviewAt: 8,
    reason: 'Knee pain after a fall at work',
    condition: 'Left knee sprain (work injury)',
    onsetWeeksBefore: 4,
    assessment: {
      ...quiet,
      chiefComplaint: 'Knee pain climbing ladders',
      bodyRegion: 'knee',
      mechanism: 'work_injury',
      triggers: ['walking', 'standing'],
      pain: { now: 5, best24h: 2, worst24h: 7 },
      instruments: [{ instrument: 'psfs', answers: items('psfs', [3, 4, 2]) }],
    },
    review: {
      pain: { now: 3, best24h: 1, worst24h: 4 },
      instruments: [{ instrument: 'psfs', answers: items('psfs', [6, 7, 5]) }],
    },
  },
  {
    firstName: 'Rosa',
    lastName: 'Delgado',
    therapistEmail: 'pt.in-home@pt-practice.test',
    location: 'south-florida-in-home',
    weekdays: [1, 4],
    time: '11:00',
    firstType: 'in_home_visit',
    type: 'in_home_visit',
    reviewType: 'in_home_visit',
    reviewAt: 8,
    reason: 'Unsteady walking after hip replacement',
    condition: 'Rehabilitation after right total hip replacement',
    onsetWeeksBefore: 2,
    assessment: {
      ...quiet,
      side: 'right',
      chiefComplaint: 'Hip pain and weakness walking at home',
      bodyRegion: 'hip',
      mechanism: 'none_known',
      triggers: ['walking'],
      pain: { now: 4, best24h: 2, worst24h: 6 },
      instruments: [{ instrument: 'psfs', answers: items('psfs', [2, 3, 1, 4]) }],
    },
    review: {
      pain: { now: 2, best24h: 1, worst24h: 3 },
      instruments: [{ instrument: 'psfs', answers: items('psfs', [6, 6, 5, 7]) }],
    },
  },
  {
    firstName: 'Wesley',
    lastName: 'Tran',
    therapistEmail: 'pt.plano@pt-practice.test',
    location: 'plano-spine',
    weekdays: [3, 5],
    time: '15:00',
    firstType: 'initial_evaluation',
    type: 'follow_up',
    reviewType: 're_evaluation',
    reviewAt: 8,
    reason: 'Back pain since a car accident',
    condition: 'Lumbar strain after a motor vehicle accident',
    onsetWeeksBefore: 1,
    assessment: {
      ...quiet,
      chiefComplaint: 'Low back pain sitting and driving',
      bodyRegion: 'lower_back',
      mechanism: 'motor_vehicle_accident',
      triggers: ['prolonged_sitting'],
      pain: { now: 7, best24h: 4, worst24h: 9 },
      instruments: [{ instrument: 'odi', answers: items('odi', [3, 2, 3, 3, 3, 2, 3, 2, 2, 3]) }],
    },
    review: {
      pain: { now: 4, best24h: 2, worst24h: 5 },
      instruments: [{ instrument: 'odi', answers: items('odi', [2, 1, 2, 1, 2, 1, 2, 1, 1, 2]) }],
    },
  },
];
