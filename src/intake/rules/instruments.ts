/**
 * Outcome measures: item definitions and scoring. Pure functions, no framework imports.
 * Sources (see ../shared/domain/outcome-measures.md):
 *   Oswestry Disability Index v2.1: Fairbank and Pynsent, Spine 2000;25:2940. MCID: Ostelo, Spine 2008;33:90.
 *   STarT Back Screening Tool: Hill et al., Arthritis Rheum 2008;59:632 (keele.ac.uk/sbst).
 *   Neck Disability Index: Vernon and Mior, JMPT 1991;14:409.
 *   Patient-Specific Functional Scale: Stratford et al., Physiother Can 1995;47:258.
 *   Roland-Morris Disability Questionnaire: Roland and Morris, Spine 1983;8:141. MCID: Ostelo 2008.
 *   Numeric Pain Rating Scale: MCID Ostelo 2008.
 * Only item ids and answer values are kept; the questionnaires' wording is the authors' copyright.
 */
import {
  type Answers,
  answered,
  asAnswers,
  assertScorable,
  type InstrumentCode,
  InvalidAnswersError,
  type ItemProblem,
  range,
  readIntegers,
  roundTo,
  unansweredItems,
} from './instrument-answers';
import {
  type ChangeThreshold,
  exactScoreOf,
  type InstrumentDefinition,
  type InstrumentResult,
  meanOfAnswers,
} from './instrument-definition';

export {
  type Answers,
  INSTRUMENT_CODES,
  type InstrumentCode,
  InvalidAnswersError,
  type ItemProblem,
} from './instrument-answers';

export type {
  BetterDirection,
  ChangeThreshold,
  InstrumentDefinition,
  InstrumentResult,
} from './instrument-definition';

// --- Oswestry Disability Index v2.1 -------------------------------------------------------

const ODI_ITEMS = range(10, 'odi');

/** Bands from Fairbank 2000, upper bounds inclusive: 0-20, 21-40, 41-60, 61-80, 81-100. */
export function odiBand(percent: number): string {
  if (percent <= 20) return 'minimal';
  if (percent <= 40) return 'moderate';
  if (percent <= 60) return 'severe';
  if (percent <= 80) return 'crippled';
  return 'bed_bound';
}

/**
 * Unanswered sections the ODI is scored with. The scoring instructions of the ODI (Fairbank and
 * Pynsent, "The Oswestry Disability Index", Spine 2000;25:2940, as distributed with the v2.1
 * questionnaire) define the score for all ten sections ("16 (total scored) / 50 (total possible
 * score) x 100 = 32%") and for one missing: "If one section is missed or not applicable the score
 * is calculated: 16 (total scored) / 45 (total possible score) x 100 = 35.5%". They define none
 * for more, so none is made up: two or more unanswered sections are refused. (awell-score's ODI
 * reads them the same way: "When more than one response is missing ... a score cannot be
 * calculated".)
 */
export const ODI_MAX_UNANSWERED = 1;

/**
 * Unanswered items the NDI is scored with. Vernon's own scoring note for the NDI (H. Vernon,
 * chiro.org/forms/NDI_Explain.shtml, for the index of Vernon and Mior, J Manipulative Physiol
 * Ther 1991;14:409): "Occasionally, a respondent will not complete one question or another. The
 * average of all other items is then added to the completed items." The fill-in is published for
 * a missed question, so one is filled in and more are refused. The missing-data passage of
 * Vernon's review (J Manipulative Physiol Ther 2008;31:491) could not be read for this version;
 * a looser limit needs its text.
 */
export const NDI_MAX_UNANSWERED = 1;

function scoreOdi(answers: Answers): InstrumentResult {
  const values = readIntegers('odi', answers, ODI_ITEMS, 0, 5, 'optional');
  const given = answered(values);
  if (given.length === 0) {
    throw new InvalidAnswersError('odi', [
      { item: 'answers', reason: 'at least one section must be answered' },
    ]);
  }
  assertScorable(
    'odi',
    values,
    ODI_MAX_UNANSWERED,
    'the ODI is scored with at most one section unanswered (Fairbank and Pynsent, Spine 2000)',
  );
  const sum = given.reduce((total, value) => total + value, 0);
  // A section left unanswered (sex life is often skipped) leaves the denominator: sum / (5 x answered).
  const exact = (sum / (5 * given.length)) * 100;
  const percent = roundTo(exact, 1);
  return {
    instrument: 'odi',
    version: ODI.version,
    answers: asAnswers(values),
    score: percent,
    unit: 'percent',
    band: odiBand(percent),
    details: {
      rawSum: sum,
      sectionsAnswered: given.length,
      unanswered: unansweredItems(values),
      exactScore: exact,
    },
  };
}

const ODI: InstrumentDefinition = {
  code: 'odi',
  version: 'odi-2.1/2026-12',
  betterDirection: 'lower',
  threshold: {
    kind: 'mcid',
    points: 10,
    fractionOfBaseline: 0.3,
    source: 'Ostelo et al., Spine 2008',
  },
  changeScore: (result) =>
    exactScoreOf(result, ({ details: { rawSum, sectionsAnswered } }) =>
      typeof rawSum === 'number' && typeof sectionsAnswered === 'number' && sectionsAnswered > 0
        ? (rawSum / (5 * sectionsAnswered)) * 100
        : null,
    ),
  score: scoreOdi,
};

// --- STarT Back Screening Tool ------------------------------------------------------------

const START_BACK_ITEMS = range(9, 'sbst');
/** Item 9 answers: 0 not at all, 1 slightly, 2 moderately, 3 very much, 4 extremely. */
export const START_BACK_ITEM9_ANSWERS = [
  'not_at_all',
  'slightly',
  'moderately',
  'very_much',
  'extremely',
];

function scoreStartBack(answers: Answers): InstrumentResult {
  const narrower: Record<string, { max: number; reason: string }> = {
    sbst_9: {
      max: 4,
      reason: `must be one of its five answers: 0 to 4 (${START_BACK_ITEM9_ANSWERS.join(', ')})`,
    },
  };
  for (const item of START_BACK_ITEMS.slice(0, 8)) {
    narrower[item] = { max: 1, reason: 'must be 0 (disagree) or 1 (agree)' };
  }
  const values = readIntegers('start_back', answers, START_BACK_ITEMS, 0, 4, 'all', narrower);

  const item = (n: number) => values.get(`sbst_${n}`) as number;
  // Item 9 (bothersomeness) scores 1 only for "very much" or "extremely".
  const item9 = item(9) >= 3 ? 1 : 0;
  const total = [1, 2, 3, 4, 5, 6, 7, 8].reduce((sum, n) => sum + item(n), 0) + item9;
  const psychosocial = [5, 6, 7, 8].reduce((sum, n) => sum + item(n), 0) + item9;
  return {
    instrument: 'start_back',
    version: START_BACK.version,
    answers: asAnswers(values),
    score: total,
    unit: 'points',
    band: startBackRisk(total, psychosocial),
    details: { psychosocialSubscale: psychosocial },
  };
}

/** Total <= 3: low; otherwise subscale <= 3: medium, subscale >= 4: high (Hill 2008). */
export function startBackRisk(total: number, psychosocial: number): 'low' | 'medium' | 'high' {
  if (total <= 3) return 'low';
  return psychosocial >= 4 ? 'high' : 'medium';
}

const START_BACK: InstrumentDefinition = {
  code: 'start_back',
  version: 'sbst-9item/2026-11',
  betterDirection: 'lower',
  // A stratification tool: no published change threshold.
  threshold: null,
  changeScore: (result) => result.score,
  score: scoreStartBack,
};

// --- Neck Disability Index ----------------------------------------------------------------

const NDI_ITEMS = range(10, 'ndi');

/** Raw-score bands (Vernon): 0-4 none, 5-14 mild, 15-24 moderate, 25-34 severe, over 34 complete. */
export function ndiBand(raw: number): string {
  // The bands are whole points; a raw score made fractional by the missing-item rule is
  // banded by its nearest whole point (4.4 none, 4.5 mild).
  const points = Math.round(raw);
  if (points <= 4) return 'none';
  if (points <= 14) return 'mild';
  if (points <= 24) return 'moderate';
  if (points <= 34) return 'severe';
  return 'complete';
}

function scoreNdi(answers: Answers): InstrumentResult {
  const values = readIntegers('ndi', answers, NDI_ITEMS, 0, 5, 'optional');
  const given = answered(values);
  if (given.length === 0) {
    throw new InvalidAnswersError('ndi', [
      { item: 'answers', reason: 'at least one item must be answered' },
    ]);
  }
  assertScorable(
    'ndi',
    values,
    NDI_MAX_UNANSWERED,
    'the NDI fills in one unanswered item with the mean of the others, and no more (Vernon)',
  );
  const sum = given.reduce((total, value) => total + value, 0);
  // Vernon: each missing item is given the mean of the answered ones.
  const exact = sum + (sum / given.length) * (NDI_ITEMS.length - given.length);
  const raw = roundTo(exact, 1);
  return {
    instrument: 'ndi',
    version: NDI.version,
    answers: asAnswers(values),
    score: raw,
    unit: 'points',
    band: ndiBand(exact),
    details: {
      percent: roundTo(exact * 2, 1),
      itemsAnswered: given.length,
      unanswered: unansweredItems(values),
      exactScore: exact,
    },
  };
}

const NDI: InstrumentDefinition = {
  code: 'ndi',
  version: 'ndi-vernon/2026-12',
  betterDirection: 'lower',
  threshold: {
    kind: 'mcid',
    points: 5,
    source: 'outcome-measures.md (Neck Disability Index MCID 5 points)',
  },
  // Older results: the mean of the answered items for all ten, as the missing-item rule gives.
  changeScore: (result) =>
    exactScoreOf(result, (stored) => {
      const mean = meanOfAnswers(stored);
      return mean === null ? null : mean * NDI_ITEMS.length;
    }),
  score: scoreNdi,
};

// --- Patient-Specific Functional Scale ----------------------------------------------------

const PSFS_ITEMS = range(5, 'psfs');

function scorePsfs(answers: Answers): InstrumentResult {
  const values = readIntegers('psfs', answers, PSFS_ITEMS, 0, 10, 'optional');
  const given = answered(values);
  if (given.length === 0) {
    throw new InvalidAnswersError('psfs', [
      { item: 'answers', reason: 'at least one activity must be rated' },
    ]);
  }
  const exact = given.reduce((total, value) => total + value, 0) / given.length;
  return {
    instrument: 'psfs',
    version: PSFS.version,
    answers: asAnswers(values),
    score: roundTo(exact, 2),
    unit: 'mean',
    band: null,
    details: { activitiesRated: given.length, exactScore: exact },
  };
}

const PSFS_MEAN_MDC: ChangeThreshold = {
  kind: 'mdc90',
  points: 2,
  source: 'Stratford et al. 1995 (MDC90 2 points for the mean)',
};
const PSFS_SINGLE_ACTIVITY_MDC: ChangeThreshold = {
  kind: 'mdc90',
  points: 3,
  source: 'Stratford et al. 1995 (MDC90 3 points for a single activity)',
};

/**
 * Stratford 1995 gives the mean of several activities an MDC90 of 2 points and one activity its
 * own, larger, 3 points. When either assessment rated a single activity the change rests on that
 * one rating's error, so the larger threshold applies.
 */
function psfsThreshold(baseline: InstrumentResult, latest: InstrumentResult): ChangeThreshold {
  const single = [baseline, latest].some((result) => result.details.activitiesRated === 1);
  return single ? PSFS_SINGLE_ACTIVITY_MDC : PSFS_MEAN_MDC;
}

const PSFS: InstrumentDefinition = {
  code: 'psfs',
  version: 'psfs/2026-11',
  betterDirection: 'higher',
  threshold: PSFS_MEAN_MDC,
  thresholdFor: psfsThreshold,
  changeScore: (result) => exactScoreOf(result, meanOfAnswers),
  score: scorePsfs,
};

// --- Roland-Morris Disability Questionnaire -----------------------------------------------

const RMDQ_ITEMS = range(24, 'rmdq');

function scoreRmdq(answers: Answers): InstrumentResult {
  const problems: ItemProblem[] = [];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new InvalidAnswersError('rmdq', [
      { item: 'answers', reason: 'must be an object of item ids to answers' },
    ]);
  }
  for (const key of Object.keys(answers)) {
    if (!RMDQ_ITEMS.includes(key))
      problems.push({ item: key, reason: 'is not an item of rmdq (items: rmdq_1 to rmdq_24)' });
  }
  const ticked: string[] = [];
  for (const item of RMDQ_ITEMS) {
    const value = answers[item];
    if (typeof value !== 'boolean')
      problems.push({ item, reason: 'must be true (applies today) or false' });
    else if (value) ticked.push(item);
  }
  if (problems.length > 0) throw new InvalidAnswersError('rmdq', problems);
  return {
    instrument: 'rmdq',
    version: RMDQ.version,
    answers: Object.fromEntries(RMDQ_ITEMS.map((item) => [item, answers[item]])),
    score: ticked.length,
    unit: 'points',
    band: null,
    details: {},
  };
}

const RMDQ: InstrumentDefinition = {
  code: 'rmdq',
  version: 'rmdq-24/2026-11',
  betterDirection: 'lower',
  threshold: {
    kind: 'mcid',
    points: 5,
    fractionOfBaseline: 0.3,
    source: 'Ostelo et al., Spine 2008',
  },
  changeScore: (result) => result.score,
  score: scoreRmdq,
};

// --- Numeric Pain Rating Scale ------------------------------------------------------------

const NPRS_ITEMS = ['nprs_now', 'nprs_best_24h', 'nprs_worst_24h'];

function scoreNprs(answers: Answers): InstrumentResult {
  const values = readIntegers('nprs', answers, NPRS_ITEMS, 0, 10, 'optional');
  const now = values.get('nprs_now');
  if (now === null || now === undefined) {
    throw new InvalidAnswersError('nprs', [{ item: 'nprs_now', reason: 'must be answered' }]);
  }
  const best = values.get('nprs_best_24h');
  const worst = values.get('nprs_worst_24h');
  const problems: ItemProblem[] = [];
  if (best != null && best > now)
    problems.push({ item: 'nprs_best_24h', reason: 'cannot be worse than the pain now' });
  if (worst != null && worst < now)
    problems.push({ item: 'nprs_worst_24h', reason: 'cannot be milder than the pain now' });
  if (problems.length > 0) throw new InvalidAnswersError('nprs', problems);
  return {
    instrument: 'nprs',
    version: NPRS.version,
    answers: asAnswers(values),
    score: now,
    unit: 'points',
    band: null,
    details: { best24h: best ?? null, worst24h: worst ?? null },
  };
}

const NPRS: InstrumentDefinition = {
  code: 'nprs',
  version: 'nprs-0-10/2026-11',
  betterDirection: 'lower',
  threshold: {
    kind: 'mcid',
    points: 2,
    fractionOfBaseline: 0.3,
    source: 'Ostelo et al., Spine 2008',
  },
  changeScore: (result) => result.score,
  score: scoreNprs,
};

export const INSTRUMENTS: Record<InstrumentCode, InstrumentDefinition> = {
  odi: ODI,
  start_back: START_BACK,
  ndi: NDI,
  psfs: PSFS,
  rmdq: RMDQ,
  nprs: NPRS,
};

export function scoreInstrument(code: InstrumentCode, answers: Answers): InstrumentResult {
  return INSTRUMENTS[code].score(answers);
}
