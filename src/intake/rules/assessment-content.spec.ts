/**
 * What an assessment's problems amount to: invalid input (a bad answer, a pain rating out of
 * range, an onset after the assessment) or answers valid one by one but too sparse for the
 * instrument's published scoring (ODI and NDI: one unanswered item at most).
 */
import {
  type AssessmentInput,
  evaluateAssessment,
  InvalidAssessmentError,
} from './assessment-content';

const items = (prefix: string, values: (number | null)[]) =>
  Object.fromEntries(values.map((value, index) => [`${prefix}_${index + 1}`, value]));

const input = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({
  chiefComplaint: 'Neck and low back pain',
  bodyRegion: 'lower_back',
  side: 'left',
  onsetDate: '2026-11-16',
  mechanism: 'sudden_movement',
  severity: 'moderate',
  triggers: [],
  easingFactors: [],
  associatedSymptoms: [],
  relevantHistory: [],
  medications: [],
  pain: { now: 4 },
  redFlags: [],
  instruments: [],
  ...overrides,
});

const odiMissing = (missing: number) =>
  items(
    'odi',
    Array.from({ length: 10 }, (_, index) => (index < 10 - missing ? 2 : null)),
  );
const ndiMissing = (missing: number) =>
  items(
    'ndi',
    Array.from({ length: 10 }, (_, index) => (index < 10 - missing ? 1 : null)),
  );

function failure(overrides: Partial<AssessmentInput>): InvalidAssessmentError {
  try {
    evaluateAssessment(input(overrides), { dateOfBirth: '1980-05-05' }, '2026-11-23');
  } catch (error) {
    if (error instanceof InvalidAssessmentError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('evaluateAssessment: invalid or unscorable', () => {
  it.each<[string, Partial<AssessmentInput>, boolean, string[]]>([
    [
      'an ODI with two sections unanswered',
      { instruments: [{ instrument: 'odi', answers: odiMissing(2) }] },
      true,
      ['instruments[0].answers'],
    ],
    [
      'an NDI with three items unanswered, after a full ODI',
      {
        instruments: [
          { instrument: 'odi', answers: odiMissing(0) },
          { instrument: 'ndi', answers: ndiMissing(3) },
        ],
      },
      true,
      ['instruments[1].answers'],
    ],
    [
      'both too sparse',
      {
        instruments: [
          { instrument: 'odi', answers: odiMissing(4) },
          { instrument: 'ndi', answers: ndiMissing(2) },
        ],
      },
      true,
      ['instruments[0].answers', 'instruments[1].answers'],
    ],
    [
      'a sparse ODI and a pain rating out of range',
      { pain: { now: 11 }, instruments: [{ instrument: 'odi', answers: odiMissing(2) }] },
      false,
      ['instruments[0].answers', 'pain.now'],
    ],
    [
      'a sparse ODI and an onset after the assessment',
      { onsetDate: '2026-11-30', instruments: [{ instrument: 'odi', answers: odiMissing(2) }] },
      false,
      ['onsetDate', 'instruments[0].answers'],
    ],
    [
      'a sparse NDI and an ODI answer of 6',
      {
        instruments: [
          { instrument: 'odi', answers: { ...odiMissing(0), odi_1: 6 } },
          { instrument: 'ndi', answers: ndiMissing(2) },
        ],
      },
      false,
      ['instruments[0].answers.odi_1', 'instruments[1].answers'],
    ],
    [
      'an ODI given twice',
      {
        instruments: [
          { instrument: 'odi', answers: odiMissing(0) },
          { instrument: 'odi', answers: odiMissing(0) },
        ],
      },
      false,
      ['instruments[1].instrument'],
    ],
  ])('%s: unscorable %p', (_label, overrides, unscorable, fields) => {
    const error = failure(overrides);
    expect(error.unscorable).toBe(unscorable);
    expect(error.problems.map((problem) => problem.field)).toEqual(fields);
  });

  it('scores an ODI and an NDI with one item each unanswered', () => {
    const evaluated = evaluateAssessment(
      input({
        instruments: [
          { instrument: 'odi', answers: odiMissing(1) },
          { instrument: 'ndi', answers: ndiMissing(1) },
        ],
      }),
      { dateOfBirth: '1980-05-05' },
      '2026-11-23',
    );
    expect(evaluated.instruments.map((result) => [result.instrument, result.score])).toEqual([
      ['nprs', 4],
      ['odi', 40],
      ['ndi', 10],
    ]);
  });
});
