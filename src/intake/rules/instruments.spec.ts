/**
 * Scoring rules of the outcome measures, checked against /work/shared/domain/outcome-measures.md
 * (Fairbank 2000, Hill 2008 / keele.ac.uk/sbst, Vernon and Mior 1991, Stratford 1995,
 * Roland and Morris 1983), not against whatever the implementation happens to do.
 */
import {
  INSTRUMENT_CODES,
  INSTRUMENTS,
  InvalidAnswersError,
  NDI_MAX_UNANSWERED,
  ndiBand,
  ODI_MAX_UNANSWERED,
  odiBand,
  scoreInstrument,
  START_BACK_ITEM9_ANSWERS,
  startBackRisk,
  type Answers,
  type InstrumentCode,
} from './instruments';

// --- helpers --------------------------------------------------------------------------------

/** `{ prefix_1: values[0], ... }`, leaving out the positions given as undefined. */
function items(prefix: string, values: readonly unknown[]): Answers {
  const answers: Answers = {};
  values.forEach((value, index) => {
    if (value !== undefined) answers[`${prefix}_${index + 1}`] = value;
  });
  return answers;
}

/** `count` whole numbers of at most `max` that add up to `sum`, as evenly as possible. */
function spread(sum: number, count: number, max: number): number[] {
  if (sum > count * max) throw new Error(`cannot spread ${sum} over ${count} x ${max}`);
  const base = Math.floor(sum / count);
  return Array.from({ length: count }, (_, index) => base + (index < sum % count ? 1 : 0));
}

/** The InvalidAnswersError the scorer throws for these answers; fails the test if none is. */
function rejection(code: InstrumentCode, answers: unknown): InvalidAnswersError {
  try {
    scoreInstrument(code, answers as Answers);
  } catch (error) {
    if (error instanceof InvalidAnswersError) return error;
    throw error;
  }
  throw new Error(`${code} accepted ${JSON.stringify(answers)}`);
}

const problemItems = (error: InvalidAnswersError) => error.problems.map((problem) => problem.item);

/** Rejected, by the right instrument, with a problem naming `item` (and the message naming it). */
function expectRejectedNaming(code: InstrumentCode, answers: unknown, item: string) {
  const error = rejection(code, answers);
  expect(error).toBeInstanceOf(Error);
  expect(error.instrument).toBe(code);
  expect(problemItems(error)).toContain(item);
  expect(error.message).toContain(item);
  return error;
}

const BAD_INTEGER_ANSWERS: [string, unknown][] = [
  ['a non-integer', 2.5],
  ['a numeric string', '3'],
  ['a boolean', true],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['an object', { value: 3 }],
];

const ODI_IDS = Array.from({ length: 10 }, (_, index) => `odi_${index + 1}`);

// --- all instruments --------------------------------------------------------------------------

describe('every instrument', () => {
  it('lists the six instruments', () => {
    expect([...INSTRUMENT_CODES].sort()).toEqual(
      ['ndi', 'nprs', 'odi', 'psfs', 'rmdq', 'start_back'].sort(),
    );
    expect(Object.keys(INSTRUMENTS).sort()).toEqual([...INSTRUMENT_CODES].sort());
  });

  const valid: [InstrumentCode, Answers, 'percent' | 'points' | 'mean'][] = [
    ['odi', items('odi', [2, 2, 2, 2, 2, 2, 1, 1, 1, 1]), 'percent'],
    ['start_back', items('sbst', [1, 0, 1, 0, 1, 0, 1, 0, 3]), 'points'],
    ['ndi', items('ndi', [1, 2, 3, 4, 5, 0, 1, 2, 3, 4]), 'points'],
    ['psfs', items('psfs', [3, 7, 10]), 'mean'],
    [
      'rmdq',
      items(
        'rmdq',
        Array.from({ length: 24 }, (_, i) => i % 3 === 0),
      ),
      'points',
    ],
    ['nprs', { nprs_now: 5, nprs_best_24h: 2, nprs_worst_24h: 8 }, 'points'],
  ];

  it.each(valid)(
    '%s carries its instrument, a version, its unit and the answers',
    (code, answers, unit) => {
      const result = scoreInstrument(code, answers);
      expect(result.instrument).toBe(code);
      expect(typeof result.version).toBe('string');
      expect(result.version.trim()).not.toBe('');
      expect(result.version).toBe(INSTRUMENTS[code].version);
      expect(result.unit).toBe(unit);
      expect(result.answers).toEqual(answers);
      expect(result.answers).not.toBe(answers);
    },
  );

  it('gives every instrument its own version string', () => {
    const versions = INSTRUMENT_CODES.map((code) => INSTRUMENTS[code].version);
    expect(new Set(versions).size).toBe(INSTRUMENT_CODES.length);
  });

  it.each(INSTRUMENT_CODES)('%s rejects answers that are not an object of item ids', (code) => {
    for (const answers of [null, undefined, [], 'odi_1=3', 42]) {
      const error = rejection(code, answers);
      expect(error.instrument).toBe(code);
      expect(problemItems(error)).toEqual(['answers']);
    }
  });

  it.each(INSTRUMENT_CODES)('%s rejects an empty set of answers', (code) => {
    expect(rejection(code, {}).instrument).toBe(code);
  });

  it('puts the instrument and every problem in the error message', () => {
    const error = new InvalidAnswersError('odi', [
      { item: 'odi_3', reason: 'must be a whole number from 0 to 5' },
      { item: 'odi_12', reason: 'is not an item' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('odi');
    expect(error.message).toContain('odi_3 must be a whole number from 0 to 5');
    expect(error.message).toContain('odi_12 is not an item');
  });
});

// --- Oswestry Disability Index ----------------------------------------------------------------

describe('Oswestry Disability Index (v2.1)', () => {
  it('scores 16 of 50 with all ten sections answered as 32%', () => {
    const result = scoreInstrument('odi', items('odi', [2, 2, 2, 2, 2, 2, 1, 1, 1, 1]));
    expect(result.score).toBe(32);
    expect(result.unit).toBe('percent');
    expect(result.band).toBe('moderate');
    expect(result.details).toEqual({
      rawSum: 16,
      sectionsAnswered: 10,
      unanswered: [],
      exactScore: 32,
    });
  });

  it('scores 16 of 45 with one section (sex life) unanswered as 35.6%', () => {
    const answers = items('odi', [2, 2, 2, 2, 2, 2, 2, undefined, 1, 1]);
    const result = scoreInstrument('odi', answers);
    expect(result.score).toBe(35.6);
    expect(result.band).toBe('moderate');
    expect(result.details).toEqual({
      rawSum: 16,
      sectionsAnswered: 9,
      unanswered: ['odi_8'],
      // Kept unrounded for comparisons (outcomeChange): 16 / 45 = 35.555...
      exactScore: (16 / 45) * 100,
    });
    expect(result.answers).toEqual(answers);
  });

  it('treats a section given as null exactly as one left out', () => {
    const absent = scoreInstrument('odi', items('odi', [2, 2, 2, 2, 2, 2, 2, undefined, 1, 1]));
    const nulled = scoreInstrument('odi', items('odi', [2, 2, 2, 2, 2, 2, 2, null, 1, 1]));
    expect(nulled).toEqual(absent);
    expect(nulled.answers).not.toHaveProperty('odi_8');
  });

  it.each(ODI_IDS)('scores nine sections with %s unanswered, by 5 x 9', (missing) => {
    const answers = Object.fromEntries(ODI_IDS.map((id) => [id, id === missing ? null : 3]));
    const result = scoreInstrument('odi', answers);
    expect(result.score).toBe(60);
    expect(result.details).toMatchObject({
      rawSum: 27,
      sectionsAnswered: 9,
      unanswered: [missing],
    });
  });

  it('scores no disability as 0% and every section at 5 as 100%', () => {
    expect(scoreInstrument('odi', items('odi', Array(10).fill(0)))).toMatchObject({
      score: 0,
      band: 'minimal',
    });
    expect(scoreInstrument('odi', items('odi', Array(10).fill(5)))).toMatchObject({
      score: 100,
      band: 'bed_bound',
    });
  });

  it.each([
    [0, 'minimal'],
    [10, 'minimal'],
    [20, 'minimal'],
    [20.1, 'moderate'],
    [21, 'moderate'],
    [40, 'moderate'],
    [40.1, 'severe'],
    [41, 'severe'],
    [60, 'severe'],
    [60.1, 'crippled'],
    [61, 'crippled'],
    [80, 'crippled'],
    [80.1, 'bed_bound'],
    [81, 'bed_bound'],
    [100, 'bed_bound'],
  ])('odiBand(%p) is %s', (percent, band) => {
    expect(odiBand(percent)).toBe(band);
  });

  it.each([
    [10, 10, 20, 'minimal'],
    [9, 9, 20, 'minimal'],
    [11, 10, 22, 'moderate'],
    [10, 9, 22.2, 'moderate'],
    [20, 10, 40, 'moderate'],
    [18, 9, 40, 'moderate'],
    [21, 10, 42, 'severe'],
    [19, 9, 42.2, 'severe'],
    [30, 10, 60, 'severe'],
    [27, 9, 60, 'severe'],
    [31, 10, 62, 'crippled'],
    [28, 9, 62.2, 'crippled'],
    [40, 10, 80, 'crippled'],
    [36, 9, 80, 'crippled'],
    [41, 10, 82, 'bed_bound'],
    [37, 9, 82.2, 'bed_bound'],
    [50, 10, 100, 'bed_bound'],
  ])('a raw sum of %i over %i sections scores %p%%, %s', (sum, sections, percent, band) => {
    const result = scoreInstrument('odi', items('odi', spread(sum, sections, 5)));
    expect(result.score).toBe(percent);
    expect(result.band).toBe(band);
  });

  it.each([['6 (above the scale)', 6], ['-1 (below the scale)', -1], ...BAD_INTEGER_ANSWERS])(
    'rejects %s naming the section',
    (_label, value) => {
      const answers = { ...items('odi', Array(10).fill(2)), odi_3: value };
      const error = expectRejectedNaming('odi', answers, 'odi_3');
      expect(problemItems(error)).toEqual(['odi_3']);
    },
  );

  it.each(['odi_0', 'odi_11', 'ndi_1', 'pain', 'ODI_1'])('rejects the unknown item id %s', (id) => {
    expectRejectedNaming('odi', { ...items('odi', Array(10).fill(2)), [id]: 1 }, id);
  });

  it('reports every problem at once', () => {
    const error = rejection('odi', { odi_1: 2, odi_2: 7, odi_5: 'x', odi_12: 1 });
    expect(problemItems(error).sort()).toEqual(['odi_12', 'odi_2', 'odi_5']);
  });

  it.each([
    ['no answers', {}],
    ['every section null', items('odi', Array(10).fill(null))],
  ])('rejects %s', (_label, answers) => {
    expect(problemItems(rejection('odi', answers))).toEqual(['answers']);
  });
});

// --- STarT Back Screening Tool --------------------------------------------------------------

/** STarT Back answers: the items 1-8 agreed with (others 0) and the item 9 answer. */
function sbst(agreed: number[], item9: number): Answers {
  const values = Array.from({ length: 8 }, (_, index) => (agreed.includes(index + 1) ? 1 : 0));
  return items('sbst', [...values, item9]);
}

describe('STarT Back Screening Tool', () => {
  it('names the five answers of item 9 in order', () => {
    expect(START_BACK_ITEM9_ANSWERS).toEqual([
      'not_at_all',
      'slightly',
      'moderately',
      'very_much',
      'extremely',
    ]);
  });

  it.each([
    [0, 'not at all', 0],
    [1, 'slightly', 0],
    [2, 'moderately', 0],
    [3, 'very much', 1],
    [4, 'extremely', 1],
  ])('item 9 answered %i (%s) scores %i', (answer, _label, points) => {
    const alone = scoreInstrument('start_back', sbst([], answer));
    expect(alone.score).toBe(points);
    expect(alone.details.psychosocialSubscale).toBe(points);
    const withAllAgreed = scoreInstrument('start_back', sbst([1, 2, 3, 4, 5, 6, 7, 8], answer));
    expect(withAllAgreed.score).toBe(8 + points);
    expect(withAllAgreed.details.psychosocialSubscale).toBe(4 + points);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('item %i scores 1 when agreed with', (item) => {
    const result = scoreInstrument('start_back', sbst([item], 0));
    expect(result.score).toBe(1);
    expect(result.details.psychosocialSubscale).toBe(item >= 5 ? 1 : 0);
  });

  it.each([
    [[], 0, 0, 0, 'low'],
    [[1, 2, 3], 2, 3, 0, 'low'],
    [[5, 6, 7], 0, 3, 3, 'low'],
    [[5, 6], 3, 3, 3, 'low'],
    [[1, 2, 3, 4], 0, 4, 0, 'medium'],
    [[1, 2, 3], 4, 4, 1, 'medium'],
    [[1, 5, 6, 7], 0, 4, 3, 'medium'],
    [[1, 2, 5, 6], 3, 5, 3, 'medium'],
    [[1, 2, 3, 4, 5, 6, 7], 2, 7, 3, 'medium'],
    [[5, 6, 7, 8], 0, 4, 4, 'high'],
    [[5, 6, 7], 3, 4, 4, 'high'],
    [[5, 6, 7, 8], 4, 5, 5, 'high'],
    [[1, 2, 3, 4, 5, 6, 7, 8], 4, 9, 5, 'high'],
  ])(
    'agreeing with %j and item 9 = %i: total %i, psychosocial %i, %s risk',
    (agreed, item9, total, psychosocial, risk) => {
      const answers = sbst(agreed, item9);
      const result = scoreInstrument('start_back', answers);
      expect(result.score).toBe(total);
      expect(result.unit).toBe('points');
      expect(result.details.psychosocialSubscale).toBe(psychosocial);
      expect(result.band).toBe(risk);
      expect(result.answers).toEqual(answers);
    },
  );

  it.each([
    [0, 0, 'low'],
    [3, 0, 'low'],
    [3, 3, 'low'],
    [4, 0, 'medium'],
    [4, 3, 'medium'],
    [8, 3, 'medium'],
    [4, 4, 'high'],
    [5, 4, 'high'],
    [9, 5, 'high'],
  ])('startBackRisk(total %i, subscale %i) is %s', (total, psychosocial, risk) => {
    expect(startBackRisk(total, psychosocial)).toBe(risk);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('rejects item %i answered 2, naming it', (item) => {
    const answers = { ...sbst([], 0), [`sbst_${item}`]: 2 };
    const error = expectRejectedNaming('start_back', answers, `sbst_${item}`);
    expect(problemItems(error)).toEqual([`sbst_${item}`]);
  });

  it.each([
    ['3', 3],
    ['4 (item 9 range, not items 1-8)', 4],
    ['5', 5],
    ['-1', -1],
    ...BAD_INTEGER_ANSWERS,
  ])('rejects item 1 answered %s, naming it', (_label, value) => {
    expectRejectedNaming('start_back', { ...sbst([], 0), sbst_1: value }, 'sbst_1');
  });

  it.each([['9', 9], ['5', 5], ['-1', -1], ...BAD_INTEGER_ANSWERS])(
    'rejects item 9 answered %s, naming sbst_9 and its five answers',
    (_label, value) => {
      const error = expectRejectedNaming('start_back', { ...sbst([], 0), sbst_9: value }, 'sbst_9');
      const problem = error.problems.find((p) => p.item === 'sbst_9');
      expect(problem?.reason).toMatch(/five answers/);
    },
  );

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('requires item %i', (item) => {
    const id = `sbst_${item}`;
    const { [id]: _omitted, ...missing } = sbst([1, 5], 3);
    expectRejectedNaming('start_back', missing, id);
    expectRejectedNaming('start_back', { ...sbst([1, 5], 3), [id]: null }, id);
  });

  it.each(['sbst_0', 'sbst_10', 'odi_1'])('rejects the unknown item id %s', (id) => {
    expectRejectedNaming('start_back', { ...sbst([], 0), [id]: 0 }, id);
  });
});

// --- Neck Disability Index --------------------------------------------------------------------

describe('Neck Disability Index', () => {
  it('sums ten answered items into raw points, and doubles them for the percent', () => {
    const result = scoreInstrument('ndi', items('ndi', [1, 2, 3, 4, 5, 0, 1, 2, 3, 4]));
    expect(result.score).toBe(25);
    expect(result.unit).toBe('points');
    expect(result.band).toBe('severe');
    expect(result.details).toMatchObject({ percent: 50, itemsAnswered: 10, unanswered: [] });
  });

  it('gives a missing item the mean of the answered ones (Vernon): 9 answered summing 18 -> 20', () => {
    const answers = items('ndi', [2, 2, 2, 2, undefined, 2, 2, 2, 2, 2]);
    const result = scoreInstrument('ndi', answers);
    expect(result.score).toBe(20);
    expect(result.band).toBe('moderate');
    expect(result.details).toEqual({
      percent: 40,
      itemsAnswered: 9,
      unanswered: ['ndi_5'],
      exactScore: 20,
    });
    expect(result.answers).toEqual(answers);
  });

  it('imputes the mean for an uneven set: 9 answered summing 27 -> 30', () => {
    const result = scoreInstrument('ndi', items('ndi', [5, 5, 5, 4, 4, 2, 1, 1, 0, undefined]));
    expect(result.score).toBe(30);
    expect(result.details.percent).toBe(60);
  });

  it('imputes the missing item wherever it is: 9 answered summing 12 -> 13.3', () => {
    const result = scoreInstrument('ndi', items('ndi', [null, 1, 2, 1, 2, 1, 2, 1, 2, 0]));
    expect(result.score).toBe(13.3);
    expect(result.band).toBe('mild');
    expect(result.details).toEqual({
      percent: 26.7,
      itemsAnswered: 9,
      unanswered: ['ndi_1'],
      exactScore: 120 / 9,
    });
  });

  it('treats an item given as null exactly as one left out', () => {
    const absent = scoreInstrument('ndi', items('ndi', [3, 3, 3, 3, 3, 3, 3, 3, 3, undefined]));
    const nulled = scoreInstrument('ndi', items('ndi', [3, 3, 3, 3, 3, 3, 3, 3, 3, null]));
    expect(nulled).toEqual(absent);
    expect(nulled.score).toBe(30);
  });

  it.each([
    [0, 'none'],
    [4, 'none'],
    [5, 'mild'],
    [14, 'mild'],
    [15, 'moderate'],
    [24, 'moderate'],
    [25, 'severe'],
    [34, 'severe'],
    [34.5, 'complete'],
    [35, 'complete'],
    [50, 'complete'],
  ])('ndiBand(%p) is %s', (raw, band) => {
    expect(ndiBand(raw)).toBe(band);
  });

  it.each([
    [0, 'none'],
    [4, 'none'],
    [5, 'mild'],
    [14, 'mild'],
    [15, 'moderate'],
    [24, 'moderate'],
    [25, 'severe'],
    [34, 'severe'],
    [35, 'complete'],
    [50, 'complete'],
  ])('ten items summing %i score %i raw points, %s, and twice that in percent', (raw, band) => {
    const result = scoreInstrument('ndi', items('ndi', spread(raw, 10, 5)));
    expect(result.score).toBe(raw);
    expect(result.band).toBe(band);
    expect(result.details.percent).toBe(raw * 2);
  });

  it.each([['6', 6], ['-1', -1], ...BAD_INTEGER_ANSWERS])(
    'rejects an item answered %s, naming it',
    (_label, value) => {
      const error = expectRejectedNaming(
        'ndi',
        { ...items('ndi', Array(10).fill(1)), ndi_3: value },
        'ndi_3',
      );
      expect(problemItems(error)).toEqual(['ndi_3']);
    },
  );

  it.each(['ndi_0', 'ndi_11', 'odi_1'])('rejects the unknown item id %s', (id) => {
    expectRejectedNaming('ndi', { ...items('ndi', Array(10).fill(1)), [id]: 1 }, id);
  });

  it.each([
    ['no answers', {}],
    ['every item null', items('ndi', Array(10).fill(null))],
  ])('rejects %s', (_label, answers) => {
    expect(problemItems(rejection('ndi', answers))).toEqual(['answers']);
  });
});

// --- Patient-Specific Functional Scale ----------------------------------------------------

describe('Patient-Specific Functional Scale', () => {
  it.each([
    [[7], 7],
    [[0], 0],
    [[10], 10],
    [[4, 5], 4.5],
    [[3, 3], 3],
    [[7, 8, 8], 23 / 3],
    [[2, 4, 6, 8], 5],
    [[0, 10, 5, 5, 5], 5],
    [[10, 10, 10, 10, 9], 9.8],
  ])('rates activities %j with their mean', (ratings, mean) => {
    const answers = items('psfs', ratings);
    const result = scoreInstrument('psfs', answers);
    expect(result.score).toBeCloseTo(mean, 2);
    expect(result.unit).toBe('mean');
    expect(result.band).toBeNull();
    expect(result.details.activitiesRated).toBe(ratings.length);
    expect(result.details.exactScore).toBeCloseTo(mean, 12);
    expect(result.answers).toEqual(answers);
  });

  it('rates any subset of the five activity slots, ignoring null ones', () => {
    const result = scoreInstrument('psfs', { psfs_2: 4, psfs_4: null, psfs_5: 8 });
    expect(result.score).toBe(6);
    expect(result.details.activitiesRated).toBe(2);
    expect(result.answers).toEqual({ psfs_2: 4, psfs_5: 8 });
  });

  it.each([['11', 11], ['-1', -1], ...BAD_INTEGER_ANSWERS])(
    'rejects an activity rated %s, naming it',
    (_label, value) => {
      expectRejectedNaming('psfs', { psfs_1: 5, psfs_2: value }, 'psfs_2');
    },
  );

  it.each(['psfs_0', 'psfs_6', 'nprs_now'])('rejects the unknown item id %s', (id) => {
    expectRejectedNaming('psfs', { psfs_1: 5, [id]: 5 }, id);
  });

  it.each([
    ['no activity', {}],
    ['every activity null', items('psfs', Array(5).fill(null))],
  ])('rejects %s', (_label, answers) => {
    expect(problemItems(rejection('psfs', answers))).toEqual(['answers']);
  });
});

// --- Roland-Morris Disability Questionnaire ---------------------------------------------------

const RMDQ_IDS = Array.from({ length: 24 }, (_, index) => `rmdq_${index + 1}`);
const rmdq = (ticked: (index: number) => boolean) =>
  items(
    'rmdq',
    RMDQ_IDS.map((_, index) => ticked(index + 1)),
  );

describe('Roland-Morris Disability Questionnaire', () => {
  it.each([
    ['none ticked', () => false, 0],
    ['all 24 ticked', () => true, 24],
    ['the first 7 ticked', (n: number) => n <= 7, 7],
    ['every other one ticked', (n: number) => n % 2 === 0, 12],
    ['only the last ticked', (n: number) => n === 24, 1],
  ])('scores the count of statements ticked: %s', (_label, ticked, score) => {
    const answers = rmdq(ticked);
    const result = scoreInstrument('rmdq', answers);
    expect(result.score).toBe(score);
    expect(result.unit).toBe('points');
    expect(result.answers).toEqual(answers);
    expect(Object.keys(result.answers)).toHaveLength(24);
  });

  it.each(RMDQ_IDS)('requires %s', (id) => {
    const { [id]: _omitted, ...missing } = rmdq(() => true);
    const error = expectRejectedNaming('rmdq', missing, id);
    expect(problemItems(error)).toEqual([id]);
  });

  it.each([
    ['1', 1],
    ['0', 0],
    ['the string true', 'true'],
    ['null', null],
    ['an object', {}],
  ])('rejects a statement answered %s, naming it', (_label, value) => {
    const error = expectRejectedNaming('rmdq', { ...rmdq(() => false), rmdq_5: value }, 'rmdq_5');
    expect(problemItems(error)).toEqual(['rmdq_5']);
  });

  it.each(['rmdq_0', 'rmdq_25', 'odi_1'])('rejects the unknown item id %s', (id) => {
    expectRejectedNaming('rmdq', { ...rmdq(() => false), [id]: true }, id);
  });
});

// --- Numeric Pain Rating Scale ------------------------------------------------------------

describe('Numeric Pain Rating Scale', () => {
  it.each(Array.from({ length: 11 }, (_, now) => now))('scores pain now = %i', (now) => {
    const result = scoreInstrument('nprs', { nprs_now: now });
    expect(result.score).toBe(now);
    expect(result.unit).toBe('points');
    expect(result.band).toBeNull();
    expect(result.details).toEqual({ best24h: null, worst24h: null });
    expect(result.answers).toEqual({ nprs_now: now });
  });

  it.each([
    [5, 3, 8],
    [5, 5, 5],
    [0, 0, 10],
    [10, 0, 10],
  ])('accepts now %i with best %i and worst %i in the last 24 h', (now, best, worst) => {
    const answers = { nprs_now: now, nprs_best_24h: best, nprs_worst_24h: worst };
    const result = scoreInstrument('nprs', answers);
    expect(result.score).toBe(now);
    expect(result.details).toEqual({ best24h: best, worst24h: worst });
    expect(result.answers).toEqual(answers);
  });

  it.each([['11', 11], ['-1', -1], ...BAD_INTEGER_ANSWERS])(
    'rejects pain now = %s, naming nprs_now',
    (_label, value) => {
      expectRejectedNaming('nprs', { nprs_now: value }, 'nprs_now');
    },
  );

  it.each([
    ['absent', { nprs_best_24h: 2, nprs_worst_24h: 6 }],
    ['null', { nprs_now: null, nprs_best_24h: 2, nprs_worst_24h: 6 }],
    ['absent with nothing else', {}],
  ])('requires pain now (%s)', (_label, answers) => {
    expectRejectedNaming('nprs', answers, 'nprs_now');
  });

  it.each([
    [4, 5],
    [0, 1],
    [9, 10],
  ])('rejects best above now (now %i, best %i)', (now, best) => {
    const error = expectRejectedNaming(
      'nprs',
      { nprs_now: now, nprs_best_24h: best },
      'nprs_best_24h',
    );
    expect(problemItems(error)).toEqual(['nprs_best_24h']);
  });

  it.each([
    [5, 4],
    [1, 0],
    [10, 9],
  ])('rejects worst below now (now %i, worst %i)', (now, worst) => {
    const error = expectRejectedNaming(
      'nprs',
      { nprs_now: now, nprs_worst_24h: worst },
      'nprs_worst_24h',
    );
    expect(problemItems(error)).toEqual(['nprs_worst_24h']);
  });

  it('reports best and worst together when both contradict now', () => {
    const error = rejection('nprs', { nprs_now: 5, nprs_best_24h: 7, nprs_worst_24h: 2 });
    expect(problemItems(error).sort()).toEqual(['nprs_best_24h', 'nprs_worst_24h']);
  });

  it.each([
    ['nprs_best_24h', 11],
    ['nprs_worst_24h', 11],
    ['nprs_best_24h', -1],
    ['nprs_worst_24h', 2.5],
  ])('rejects %s = %p, naming it', (item, value) => {
    expectRejectedNaming('nprs', { nprs_now: 5, [item]: value }, item);
  });

  it.each(['nprs_average', 'nprs_1', 'odi_1'])('rejects the unknown item id %s', (id) => {
    expectRejectedNaming('nprs', { nprs_now: 5, [id]: 5 }, id);
  });
});

describe('reporting every problem of a STarT Back answer set at once', () => {
  const problemsOf = (answers: Answers) => {
    try {
      scoreInstrument('start_back', answers);
    } catch (error) {
      return (error as InvalidAnswersError).problems;
    }
    throw new Error('expected the answers to be refused');
  };

  it('names an item 1-8 out of its two answers and item 9 out of its five together', () => {
    const answers = {
      sbst_1: 2,
      sbst_2: 0,
      sbst_3: 0,
      sbst_4: 0,
      sbst_5: 0,
      sbst_6: 0,
      sbst_7: 0,
      sbst_8: 0,
      sbst_9: 9,
    };
    expect(problemsOf(answers)).toEqual([
      { item: 'sbst_1', reason: 'must be 0 (disagree) or 1 (agree)' },
      {
        item: 'sbst_9',
        reason:
          'must be one of its five answers: 0 to 4 (not_at_all, slightly, moderately, very_much, extremely)',
      },
    ]);
  });

  it('says a missing item 9 must be answered', () => {
    const answers = {
      sbst_1: 0,
      sbst_2: 0,
      sbst_3: 0,
      sbst_4: 0,
      sbst_5: 0,
      sbst_6: 0,
      sbst_7: 0,
      sbst_8: 0,
    };
    expect(problemsOf(answers)).toEqual([{ item: 'sbst_9', reason: 'must be answered' }]);
  });
});

describe('NDI scores made fractional by the missing-item rule', () => {
  it.each([
    [4.4, 'none'],
    [4.5, 'mild'],
    [14.4, 'mild'],
    [14.5, 'moderate'],
    [24.4, 'moderate'],
    [24.5, 'severe'],
    [34.4, 'severe'],
    [34.5, 'complete'],
  ])('bands a raw score of %s by its nearest whole point: %s', (raw, band) => {
    expect(ndiBand(raw)).toBe(band);
  });

  it('doubles the exact raw score, not the rounded one, for the percentage', () => {
    // 9 answered summing 3: 3 + 3/9 = 3.333 raw, 6.667 %.
    const result = scoreInstrument('ndi', items('ndi', [1, 1, 1, 0, 0, 0, 0, 0, 0, null]));
    expect(result.score).toBe(3.3);
    expect(result.details.percent).toBe(6.7);
    expect(result.details.exactScore).toBeCloseTo(10 / 3, 12);
  });
});

// Fairbank and Pynsent 2000 (the ODI's scoring instructions) score all ten sections or nine; Vernon's
// NDI note fills in one missed item with the mean of the others. Beyond one, neither is scored.
describe('the published limit on unanswered items', () => {
  const answeredExcept = (prefix: 'odi' | 'ndi', missing: number) =>
    items(
      prefix,
      Array.from({ length: 10 }, (_, index) => (index < 10 - missing ? 2 : null)),
    );

  it.each([
    ['odi', ODI_MAX_UNANSWERED],
    ['ndi', NDI_MAX_UNANSWERED],
  ] as const)('%s allows one unanswered item', (_code, limit) => {
    expect(limit).toBe(1);
  });

  it.each(
    (['odi', 'ndi'] as const).flatMap((code) => [0, 1].map((missing) => [code, missing] as const)),
  )('%s with %i unanswered is scored', (code, missing) => {
    const result = scoreInstrument(code, answeredExcept(code, missing));
    expect(result.details.unanswered).toHaveLength(missing);
  });

  it.each(
    (['odi', 'ndi'] as const).flatMap((code) =>
      [2, 3, 5, 8, 9].map((missing) => [code, missing] as const),
    ),
  )('%s with %i unanswered is refused as unscorable, naming them', (code, missing) => {
    const error = rejection(code, answeredExcept(code, missing));
    expect(error.unscorable).toBe(true);
    expect(error.instrument).toBe(code);
    expect(error.problems).toEqual([{ item: 'answers', reason: expect.any(String) }]);
    const reason = error.problems[0].reason;
    expect(reason).toContain(`leave ${missing} unanswered`);
    expect(reason).toContain(`${code}_10`);
    expect(reason).toContain(code === 'odi' ? 'Fairbank and Pynsent' : 'Vernon');
  });

  it.each(['odi', 'ndi'] as const)(
    '%s with nothing answered is invalid, not unscorable',
    (code) => {
      const error = rejection(code, {});
      expect(error.unscorable).toBe(false);
      expect(problemItems(error)).toEqual(['answers']);
    },
  );

  it.each(['odi', 'ndi'] as const)(
    '%s with a bad answer among too few is invalid first (the answer is named)',
    (code) => {
      const error = rejection(code, { [`${code}_1`]: 6, [`${code}_2`]: 1 });
      expect(error.unscorable).toBe(false);
      expect(problemItems(error)).toEqual([`${code}_1`]);
    },
  );

  it('leaves the other instruments as they were: PSFS rates one activity of five', () => {
    expect(scoreInstrument('psfs', { psfs_3: 6 }).score).toBe(6);
  });
});
