/**
 * Red-flag screen, checked against /work/shared/domain/red-flags.md: cauda equina signs and chest
 * pain are a hard stop (emergency); every other flag needs a documented clinician decision.
 */
import {
  ageOn,
  blocksTreatment,
  effectiveDisposition,
  RED_FLAG_CODES,
  RED_FLAG_RULES_VERSION,
  RED_FLAGS,
  RELEVANT_HISTORY,
  screenRedFlags,
  type ClinicianDecision,
  type ComplaintFacts,
  FRACTURE_OLDER_AGE,
  type Disposition,
  type RedFlag,
  type RedFlagGroup,
  type ReasonSource,
  type RelevantHistory,
  type ScreenDisposition,
  type ScreenInput,
} from './red-flags';

/** The flags of red-flags.md, written out independently of the implementation's table. */
const EXPECTED_FLAGS: [RedFlag, RedFlagGroup, ScreenDisposition][] = [
  ['bladder_dysfunction', 'cauda_equina', 'emergency'],
  ['bowel_incontinence', 'cauda_equina', 'emergency'],
  ['saddle_anaesthesia', 'cauda_equina', 'emergency'],
  ['sexual_dysfunction', 'cauda_equina', 'emergency'],
  ['bilateral_leg_pain', 'cauda_equina', 'emergency'],
  ['progressive_neurological_deficit', 'cauda_equina', 'emergency'],
  ['gait_disturbance', 'cauda_equina', 'emergency'],
  ['history_of_cancer', 'cancer', 'clinician_review'],
  ['new_pain_age_over_50_or_under_20', 'cancer', 'clinician_review'],
  ['no_improvement_after_one_month', 'cancer', 'clinician_review'],
  ['unexplained_weight_loss', 'cancer', 'clinician_review'],
  ['persistent_night_pain', 'cancer', 'clinician_review'],
  ['thoracic_pain', 'cancer', 'clinician_review'],
  ['pain_at_several_sites', 'cancer', 'clinician_review'],
  ['fever_or_chills', 'infection', 'clinician_review'],
  ['immunosuppression', 'infection', 'clinician_review'],
  ['iv_drug_use', 'infection', 'clinician_review'],
  ['recent_bacterial_infection', 'infection', 'clinician_review'],
  ['penetrating_wound', 'infection', 'clinician_review'],
  ['major_trauma', 'fracture', 'clinician_review'],
  ['minor_trauma_older_or_osteoporotic', 'fracture', 'clinician_review'],
  ['long_term_corticosteroids', 'fracture', 'clinician_review'],
  ['deformity', 'fracture', 'clinician_review'],
  ['severe_abdominal_pain', 'visceral', 'clinician_review'],
  ['chest_pain', 'visceral', 'emergency'],
  ['breathing_difficulty', 'visceral', 'clinician_review'],
  ['kidney_stone_signs', 'visceral', 'clinician_review'],
  ['pain_unrelieved_by_any_position', 'visceral', 'clinician_review'],
  ['inflammatory_disease', 'visceral', 'clinician_review'],
  ['widespread_neurological_signs', 'visceral', 'clinician_review'],
];

/** A screen input with no flags, no history and an age that raises nothing, overridden. */
const input = (overrides: Partial<ScreenInput> = {}): ScreenInput => ({
  reportedFlags: [],
  relevantHistory: [],
  ageAtOnset: 35,
  ...overrides,
});

describe('RED_FLAGS', () => {
  it('holds exactly the flags of the domain reference', () => {
    expect([...RED_FLAG_CODES].sort()).toEqual(EXPECTED_FLAGS.map(([flag]) => flag).sort());
    expect(Object.keys(RED_FLAGS).sort()).toEqual([...RED_FLAG_CODES].sort());
  });

  it.each(EXPECTED_FLAGS)('%s belongs to %s', (flag, group, disposition) => {
    expect(RED_FLAGS[flag].group).toBe(group);
    expect(RED_FLAGS[flag].emergency).toBe(disposition === 'emergency');
  });
});

describe('screenRedFlags', () => {
  it.each(EXPECTED_FLAGS)('%s (%s) alone gives %s', (flag, group, disposition) => {
    const screen = screenRedFlags(input({ reportedFlags: [flag] }));
    expect(screen).toEqual({
      version: RED_FLAG_RULES_VERSION,
      disposition,
      reasons: [{ flag, group, source: 'reported' }],
    });
  });

  it('carries the rules version', () => {
    expect(typeof RED_FLAG_RULES_VERSION).toBe('string');
    expect(RED_FLAG_RULES_VERSION.trim()).not.toBe('');
    expect(screenRedFlags(input()).version).toBe(RED_FLAG_RULES_VERSION);
  });

  it.each(Array.from({ length: 31 }, (_, index) => 20 + index))(
    'proceeds with no flag, no history and age %i at onset',
    (ageAtOnset) => {
      expect(screenRedFlags(input({ ageAtOnset }))).toEqual({
        version: RED_FLAG_RULES_VERSION,
        disposition: 'proceed',
        reasons: [],
      });
    },
  );

  it.each([
    [51, true],
    [19, true],
    [50, false],
    [20, false],
    [0, true],
    [17, true],
    [65, true],
    [90, true],
  ])('new pain at age %i adds the age flag: %p', (ageAtOnset, flagged) => {
    const screen = screenRedFlags(input({ ageAtOnset }));
    if (flagged) {
      expect(screen.disposition).toBe('clinician_review');
      expect(screen.reasons).toEqual([
        { flag: 'new_pain_age_over_50_or_under_20', group: 'cancer', source: 'age' },
      ]);
    } else {
      expect(screen.disposition).toBe('proceed');
      expect(screen.reasons).toEqual([]);
    }
  });

  it.each<[RelevantHistory, [RedFlag, RedFlagGroup][]]>([
    ['cancer', [['history_of_cancer', 'cancer']]],
    [
      'steroid_use',
      [
        ['long_term_corticosteroids', 'fracture'],
        ['immunosuppression', 'infection'],
      ],
    ],
    ['recent_infection', [['recent_bacterial_infection', 'infection']]],
    ['osteoporosis', []],
    ['surgery', []],
  ])('a history of %s derives its flags', (history, derived) => {
    const screen = screenRedFlags(input({ relevantHistory: [history] }));
    expect(screen.reasons).toHaveLength(derived.length);
    expect(screen.reasons).toEqual(
      expect.arrayContaining(
        derived.map(([flag, group]) => ({ flag, group, source: 'history' as const })),
      ),
    );
    expect(screen.disposition).toBe(derived.length > 0 ? 'clinician_review' : 'proceed');
  });

  it('covers every relevant history item', () => {
    expect([...RELEVANT_HISTORY].sort()).toEqual(
      ['cancer', 'osteoporosis', 'recent_infection', 'steroid_use', 'surgery'].sort(),
    );
  });

  it('derives the flags of every history item together', () => {
    const screen = screenRedFlags(input({ relevantHistory: [...RELEVANT_HISTORY] }));
    expect(screen.disposition).toBe('clinician_review');
    expect(screen.reasons.map((reason) => reason.flag).sort()).toEqual(
      [
        'history_of_cancer',
        'immunosuppression',
        'long_term_corticosteroids',
        'recent_bacterial_infection',
      ].sort(),
    );
    expect(screen.reasons.every((reason) => reason.source === 'history')).toBe(true);
  });

  it('derives nothing from osteoporosis and surgery without a reported flag', () => {
    const screen = screenRedFlags(input({ relevantHistory: ['osteoporosis', 'surgery'] }));
    expect(screen).toMatchObject({ disposition: 'proceed', reasons: [] });
  });

  it('adds the age flag next to history and reported flags', () => {
    const screen = screenRedFlags(
      input({ reportedFlags: ['fever_or_chills'], relevantHistory: ['cancer'], ageAtOnset: 60 }),
    );
    expect(screen.disposition).toBe('clinician_review');
    expect(screen.reasons).toHaveLength(3);
    expect(screen.reasons).toEqual(
      expect.arrayContaining([
        { flag: 'fever_or_chills', group: 'infection', source: 'reported' },
        { flag: 'history_of_cancer', group: 'cancer', source: 'history' },
        { flag: 'new_pain_age_over_50_or_under_20', group: 'cancer', source: 'age' },
      ]),
    );
  });

  it.each<[string, Partial<ScreenInput>, RedFlag]>([
    [
      'history of cancer reported and from history',
      { reportedFlags: ['history_of_cancer'], relevantHistory: ['cancer'] },
      'history_of_cancer',
    ],
    [
      'immunosuppression reported and from steroid use',
      { reportedFlags: ['immunosuppression'], relevantHistory: ['steroid_use'] },
      'immunosuppression',
    ],
    [
      'long-term corticosteroids reported and from steroid use',
      { reportedFlags: ['long_term_corticosteroids'], relevantHistory: ['steroid_use'] },
      'long_term_corticosteroids',
    ],
    [
      'recent infection reported and from history',
      { reportedFlags: ['recent_bacterial_infection'], relevantHistory: ['recent_infection'] },
      'recent_bacterial_infection',
    ],
    [
      'the age flag reported and from the age at onset',
      { reportedFlags: ['new_pain_age_over_50_or_under_20'], ageAtOnset: 72 },
      'new_pain_age_over_50_or_under_20',
    ],
    [
      'a flag reported twice',
      { reportedFlags: ['thoracic_pain', 'thoracic_pain'] },
      'thoracic_pain',
    ],
    ['a history item given twice', { relevantHistory: ['cancer', 'cancer'] }, 'history_of_cancer'],
  ])('lists a flag once: %s', (_label, overrides, flag) => {
    const screen = screenRedFlags(input(overrides));
    const matching = screen.reasons.filter((reason) => reason.flag === flag);
    expect(matching).toHaveLength(1);
    const flags = screen.reasons.map((reason) => reason.flag);
    expect(new Set(flags).size).toBe(flags.length);
    expect(screen.disposition).toBe('clinician_review');
  });

  it('keeps a reported flag marked as reported when history derives it too', () => {
    const screen = screenRedFlags(
      input({ reportedFlags: ['history_of_cancer'], relevantHistory: ['cancer'] }),
    );
    expect(screen.reasons).toEqual([
      { flag: 'history_of_cancer', group: 'cancer', source: 'reported' },
    ]);
  });

  it.each(
    EXPECTED_FLAGS.filter(([, , disposition]) => disposition === 'emergency').map(([flag]) => flag),
  )('an emergency flag (%s) outranks every review flag and history item', (flag) => {
    const reviewFlags = EXPECTED_FLAGS.filter(([, , d]) => d === 'clinician_review').map(
      ([code]) => code,
    );
    const screen = screenRedFlags(
      input({
        reportedFlags: [...reviewFlags, flag],
        relevantHistory: [...RELEVANT_HISTORY],
        ageAtOnset: 70,
      }),
    );
    expect(screen.disposition).toBe('emergency');
    expect(screen.reasons).toHaveLength(reviewFlags.length + 1);
  });

  it('gives clinician review for several review flags together', () => {
    const screen = screenRedFlags(
      input({ reportedFlags: ['unexplained_weight_loss', 'major_trauma', 'breathing_difficulty'] }),
    );
    expect(screen.disposition).toBe('clinician_review');
    expect(screen.reasons).toHaveLength(3);
  });

  it('reports every flag together as an emergency', () => {
    const screen = screenRedFlags(input({ reportedFlags: [...RED_FLAG_CODES] }));
    expect(screen.disposition).toBe('emergency');
    expect(screen.reasons).toHaveLength(EXPECTED_FLAGS.length);
  });
});

describe('ageOn', () => {
  it.each([
    ['1990-06-15', '2026-06-14', 35, 'the day before the birthday'],
    ['1990-06-15', '2026-06-15', 36, 'on the birthday'],
    ['1990-06-15', '2026-06-16', 36, 'the day after the birthday'],
    ['1990-06-15', '2026-05-31', 35, 'in an earlier month'],
    ['1990-06-15', '2026-07-01', 36, 'in a later month'],
    ['1990-06-15', '1990-06-15', 0, 'on the day of birth'],
    ['1990-06-15', '1991-06-14', 0, 'the day before the first birthday'],
    ['1975-01-01', '2025-12-31', 50, 'on new year’s eve before turning 51'],
    ['1975-01-01', '2026-01-01', 51, 'on new year’s day, turning 51'],
    ['1976-12-31', '2026-12-30', 49, 'the day before turning 50 at the end of the year'],
    ['1976-12-31', '2026-12-31', 50, 'turning 50 on the last day of the year'],
    ['2000-02-29', '2024-02-28', 23, 'a 29 Feb birth, the day before its birthday in a leap year'],
    ['2000-02-29', '2024-02-29', 24, 'a 29 Feb birth, on its birthday in a leap year'],
    ['2000-02-29', '2025-03-01', 25, 'a 29 Feb birth, on 1 March of a common year'],
    ['2000-02-29', '2025-02-27', 24, 'a 29 Feb birth, on 27 February of a common year'],
    ['2000-02-29', '2025-03-02', 25, 'a 29 Feb birth, after 1 March of a common year'],
  ])('born %s, on %s: %i (%s)', (dateOfBirth, date, age) => {
    expect(ageOn(dateOfBirth, date)).toBe(age);
  });

  it.each([
    ['1976-03-10', '2026-03-10', 50, 'proceed'],
    ['1976-03-10', '2027-03-09', 50, 'proceed'],
    ['1976-03-10', '2027-03-10', 51, 'clinician_review'],
    ['2006-08-20', '2026-08-20', 20, 'proceed'],
    ['2006-08-20', '2026-08-19', 19, 'clinician_review'],
  ])('born %s with onset on %s is %i at onset: %s', (dateOfBirth, onset, age, disposition) => {
    const ageAtOnset = ageOn(dateOfBirth, onset);
    expect(ageAtOnset).toBe(age);
    expect(screenRedFlags(input({ ageAtOnset })).disposition).toBe(disposition);
  });
});

const SCREENS: ScreenDisposition[] = ['proceed', 'clinician_review', 'emergency'];
const DECISIONS: (ClinicianDecision | null)[] = [null, 'proceed', 'refer_to_physician'];

describe('effectiveDisposition', () => {
  it.each<[ScreenDisposition, ClinicianDecision | null, Disposition]>([
    ['clinician_review', null, 'clinician_review'],
    ['clinician_review', 'proceed', 'proceed'],
    ['clinician_review', 'refer_to_physician', 'refer_to_physician'],
    ['emergency', null, 'emergency'],
    ['emergency', 'proceed', 'emergency'],
    ['emergency', 'refer_to_physician', 'emergency'],
    ['proceed', null, 'proceed'],
    ['proceed', 'proceed', 'proceed'],
  ])('screen %s with decision %p is %s', (screen, decision, expected) => {
    expect(effectiveDisposition(screen, decision)).toBe(expected);
  });

  // A referral on a clear screen: the reference does not say whether it is recorded as such, so
  // only what is certain is checked (it neither escalates to a hard stop nor blocks treatment).
  it('keeps a clear screen with a referral decision out of the blocking dispositions', () => {
    const disposition = effectiveDisposition('proceed', 'refer_to_physician');
    expect(['proceed', 'refer_to_physician']).toContain(disposition);
    expect(blocksTreatment(disposition)).toBe(false);
  });

  it.each(DECISIONS)('never downgrades an emergency (decision %p)', (decision) => {
    expect(effectiveDisposition('emergency', decision)).toBe('emergency');
    expect(blocksTreatment(effectiveDisposition('emergency', decision))).toBe(true);
  });

  it('covers every screen x decision combination without throwing', () => {
    for (const screen of SCREENS) {
      for (const decision of DECISIONS) {
        expect(['proceed', 'clinician_review', 'emergency', 'refer_to_physician']).toContain(
          effectiveDisposition(screen, decision),
        );
      }
    }
  });
});

describe('blocksTreatment', () => {
  it.each<[Disposition, boolean]>([
    ['emergency', true],
    ['clinician_review', true],
    ['proceed', false],
    ['refer_to_physician', true],
  ])('%s blocks treatment: %p', (disposition, blocked) => {
    expect(blocksTreatment(disposition)).toBe(blocked);
  });

  it.each<[string, ScreenInput, ClinicianDecision | null, boolean]>([
    ['a clear screen', input(), null, false],
    ['a review flag awaiting a decision', input({ reportedFlags: ['deformity'] }), null, true],
    [
      'a review flag the clinician cleared',
      input({ reportedFlags: ['deformity'] }),
      'proceed',
      false,
    ],
    [
      'a review flag the clinician referred',
      input({ reportedFlags: ['deformity'] }),
      'refer_to_physician',
      true,
    ],
    [
      'cauda equina signs the clinician tried to clear',
      input({ reportedFlags: ['saddle_anaesthesia'] }),
      'proceed',
      true,
    ],
    [
      'chest pain the clinician tried to clear',
      input({ reportedFlags: ['chest_pain'] }),
      'proceed',
      true,
    ],
    ['an age flag awaiting a decision', input({ ageAtOnset: 19 }), null, true],
  ])(
    'from screen to booking: %s blocks treatment: %p',
    (_label, screenInput, decision, blocked) => {
      const screen = screenRedFlags(screenInput);
      expect(blocksTreatment(effectiveDisposition(screen.disposition, decision))).toBe(blocked);
    },
  );
});

/**
 * Flags the record itself shows (red-flags.md), beyond the ticked boxes: fracture from minor
 * trauma or lifting when osteoporotic (history) or older, age > 70 (Henschke 2009); major trauma
 * from a vehicle accident or a fall from height (AHCPR Table 1); bilateral leg symptoms with
 * numbness as a cauda equina emergency; thoracic pain (cancer group).
 */
describe('flags derived from the complaint', () => {
  const complaint = (overrides: Partial<ComplaintFacts> = {}): ComplaintFacts => ({
    bodyRegion: 'lower_back',
    side: 'left',
    mechanism: 'sudden_movement',
    associatedSymptoms: [],
    ...overrides,
  });
  const screenOf = (facts: Partial<ComplaintFacts>, overrides: Partial<ScreenInput> = {}) =>
    screenRedFlags(input({ complaint: complaint(facts), ...overrides }));

  type Derivation = [
    label: string,
    facts: Partial<ComplaintFacts>,
    overrides: Partial<ScreenInput>,
    reasons: [RedFlag, ReasonSource][],
    disposition: ScreenDisposition,
  ];
  const osteoporotic: Partial<ScreenInput> = { relevantHistory: ['osteoporosis'] };

  it.each<Derivation>([
    // Fracture: minor trauma or lifting, osteoporotic or older.
    [
      'osteoporosis, onset by a fall',
      { mechanism: 'fall' },
      osteoporotic,
      [['minor_trauma_older_or_osteoporotic', 'history']],
      'clinician_review',
    ],
    [
      'osteoporosis, onset lifting',
      { mechanism: 'lifting' },
      osteoporotic,
      [['minor_trauma_older_or_osteoporotic', 'history']],
      'clinician_review',
    ],
    [
      'osteoporosis, onset by a sudden movement',
      { mechanism: 'sudden_movement' },
      osteoporotic,
      [],
      'proceed',
    ],
    ['osteoporosis, posture', { mechanism: 'posture' }, osteoporotic, [], 'proceed'],
    ['osteoporosis, no known onset', { mechanism: 'none_known' }, osteoporotic, [], 'proceed'],
    ['a fall at 35, not osteoporotic', { mechanism: 'fall' }, {}, [], 'proceed'],
    ['lifting at 35, not osteoporotic', { mechanism: 'lifting' }, {}, [], 'proceed'],
    [
      `a fall at ${FRACTURE_OLDER_AGE + 1}`,
      { mechanism: 'fall' },
      { ageAtOnset: FRACTURE_OLDER_AGE + 1 },
      [
        ['minor_trauma_older_or_osteoporotic', 'age'],
        ['new_pain_age_over_50_or_under_20', 'age'],
      ],
      'clinician_review',
    ],
    [
      `lifting at ${FRACTURE_OLDER_AGE + 1}`,
      { mechanism: 'lifting' },
      { ageAtOnset: FRACTURE_OLDER_AGE + 1 },
      [
        ['minor_trauma_older_or_osteoporotic', 'age'],
        ['new_pain_age_over_50_or_under_20', 'age'],
      ],
      'clinician_review',
    ],
    [
      `a fall at ${FRACTURE_OLDER_AGE}: not yet older`,
      { mechanism: 'fall' },
      { ageAtOnset: FRACTURE_OLDER_AGE },
      [['new_pain_age_over_50_or_under_20', 'age']],
      'clinician_review',
    ],
    [
      'a sudden movement at 85',
      { mechanism: 'sudden_movement' },
      { ageAtOnset: 85 },
      [['new_pain_age_over_50_or_under_20', 'age']],
      'clinician_review',
    ],
    [
      'osteoporosis and 80, lifting: listed once, from the history',
      { mechanism: 'lifting' },
      { ...osteoporotic, ageAtOnset: 80 },
      [
        ['minor_trauma_older_or_osteoporotic', 'history'],
        ['new_pain_age_over_50_or_under_20', 'age'],
      ],
      'clinician_review',
    ],
    // Major trauma.
    [
      'a motor vehicle accident',
      { mechanism: 'motor_vehicle_accident' },
      {},
      [['major_trauma', 'content']],
      'clinician_review',
    ],
    [
      'a fall from height',
      { mechanism: 'fall_from_height' },
      {},
      [['major_trauma', 'content']],
      'clinician_review',
    ],
    [
      'a fall from height when osteoporotic: major, not minor, trauma',
      { mechanism: 'fall_from_height' },
      osteoporotic,
      [['major_trauma', 'content']],
      'clinician_review',
    ],
    ['a sports injury', { mechanism: 'sport' }, {}, [], 'proceed'],
    ['a work injury', { mechanism: 'work_injury' }, {}, [], 'proceed'],
    // Cauda equina: bilateral leg symptoms with numbness.
    [
      'bilateral low back pain with numbness',
      { side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [['bilateral_leg_pain', 'content']],
      'emergency',
    ],
    [
      'bilateral radiating pain with numbness',
      { side: 'bilateral', associatedSymptoms: ['radiating_pain', 'numbness_or_tingling'] },
      {},
      [['bilateral_leg_pain', 'content']],
      'emergency',
    ],
    [
      'bilateral hip symptoms with numbness',
      { bodyRegion: 'hip', side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [['bilateral_leg_pain', 'content']],
      'emergency',
    ],
    [
      'bilateral knee symptoms with numbness',
      { bodyRegion: 'knee', side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [['bilateral_leg_pain', 'content']],
      'emergency',
    ],
    [
      'bilateral foot symptoms with numbness',
      { bodyRegion: 'ankle_foot', side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [['bilateral_leg_pain', 'content']],
      'emergency',
    ],
    [
      'bilateral radiating pain without numbness',
      { side: 'bilateral', associatedSymptoms: ['radiating_pain'] },
      {},
      [],
      'proceed',
    ],
    [
      'bilateral low back pain with weakness only',
      { side: 'bilateral', associatedSymptoms: ['weakness', 'stiffness'] },
      {},
      [],
      'proceed',
    ],
    [
      'left-sided numbness',
      { side: 'left', associatedSymptoms: ['radiating_pain', 'numbness_or_tingling'] },
      {},
      [],
      'proceed',
    ],
    [
      'right-sided numbness',
      { side: 'right', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [],
      'proceed',
    ],
    [
      'central low back pain with numbness',
      { side: 'central', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [],
      'proceed',
    ],
    [
      'bilateral neck pain with numbness (arms, not legs)',
      { bodyRegion: 'neck', side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [],
      'proceed',
    ],
    [
      'bilateral wrist symptoms with numbness',
      { bodyRegion: 'wrist_hand', side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      {},
      [],
      'proceed',
    ],
    // Thoracic pain.
    [
      'mid back pain',
      { bodyRegion: 'mid_back' },
      {},
      [['thoracic_pain', 'content']],
      'clinician_review',
    ],
    [
      'upper back pain',
      { bodyRegion: 'upper_back' },
      {},
      [['thoracic_pain', 'content']],
      'clinician_review',
    ],
    ['low back pain', { bodyRegion: 'lower_back' }, {}, [], 'proceed'],
    ['neck pain', { bodyRegion: 'neck' }, {}, [], 'proceed'],
    // Together.
    [
      'osteoporosis, a fall, bilateral numbness',
      { mechanism: 'fall', side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      osteoporotic,
      [
        ['minor_trauma_older_or_osteoporotic', 'history'],
        ['bilateral_leg_pain', 'content'],
      ],
      'emergency',
    ],
    [
      'a car accident with mid back pain',
      { bodyRegion: 'mid_back', mechanism: 'motor_vehicle_accident' },
      {},
      [
        ['major_trauma', 'content'],
        ['thoracic_pain', 'content'],
      ],
      'clinician_review',
    ],
  ])('%s', (_label, facts, overrides, reasons, disposition) => {
    const screen = screenOf(facts, overrides);
    expect(screen.version).toBe(RED_FLAG_RULES_VERSION);
    expect(screen.reasons.map((reason) => [reason.flag, reason.source])).toEqual(reasons);
    expect(screen.disposition).toBe(disposition);
    for (const reason of screen.reasons) {
      expect(reason.group).toBe(RED_FLAGS[reason.flag].group);
      // A derived flag says what raised it; the age flag for cancer speaks for itself.
      if (reason.source === 'content' || reason.flag === 'minor_trauma_older_or_osteoporotic')
        expect(reason.basis).toEqual(expect.any(String));
    }
  });

  it('says what raised each derived flag', () => {
    expect(screenOf({ mechanism: 'fall' }, osteoporotic).reasons).toEqual([
      {
        flag: 'minor_trauma_older_or_osteoporotic',
        group: 'fracture',
        source: 'history',
        basis: 'osteoporosis, with onset by fall',
      },
    ]);
    expect(screenOf({ mechanism: 'lifting' }, { ageAtOnset: 78 }).reasons[0]).toEqual({
      flag: 'minor_trauma_older_or_osteoporotic',
      group: 'fracture',
      source: 'age',
      basis: 'age 78 at onset (over 70), with onset by lifting',
    });
    expect(
      screenOf({ side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] }).reasons,
    ).toEqual([
      {
        flag: 'bilateral_leg_pain',
        group: 'cauda_equina',
        source: 'content',
        basis: 'bilateral lower_back symptoms with numbness_or_tingling',
      },
    ]);
  });

  it('keeps a ticked flag as reported when the record derives it too', () => {
    const screen = screenOf(
      { side: 'bilateral', associatedSymptoms: ['numbness_or_tingling'] },
      { reportedFlags: ['bilateral_leg_pain'] },
    );
    expect(screen.reasons).toEqual([
      { flag: 'bilateral_leg_pain', group: 'cauda_equina', source: 'reported' },
    ]);
  });

  it('derives nothing from the complaint when none is given (flags and history alone)', () => {
    expect(
      screenRedFlags(input({ relevantHistory: ['osteoporosis'], ageAtOnset: 80 })).reasons,
    ).toEqual([{ flag: 'new_pain_age_over_50_or_under_20', group: 'cancer', source: 'age' }]);
  });
});
