import { acuityOf, ACUITY_RULES, type Acuity } from './acuity';
import {
  type Answers,
  type InstrumentCode,
  type InstrumentResult,
  InvalidAnswersError,
  scoreInstrument,
} from './instruments';
import {
  ASSOCIATED_SYMPTOMS,
  type BodyRegion,
  MECHANISMS,
  SEVERITIES,
  SIDES,
  TRIGGERS,
} from './complaint';
import {
  ageOn,
  type RedFlag,
  type RedFlagScreen,
  type RelevantHistory,
  screenRedFlags,
} from './red-flags';

export {
  ASSOCIATED_SYMPTOMS,
  BODY_REGIONS,
  type BodyRegion,
  MECHANISMS,
  SEVERITIES,
  SIDES,
  TRIGGERS,
} from './complaint';

export interface PainInput {
  now: number;
  best24h?: number;
  worst24h?: number;
}

export interface InstrumentInput {
  instrument: InstrumentCode;
  answers: Answers;
}

/** What the clinician records; everything else is computed from it. */
export interface AssessmentInput {
  chiefComplaint: string;
  bodyRegion: BodyRegion;
  side: (typeof SIDES)[number];
  onsetDate: string;
  mechanism: (typeof MECHANISMS)[number];
  severity: (typeof SEVERITIES)[number];
  triggers: (typeof TRIGGERS)[number][];
  easingFactors: string[];
  associatedSymptoms: (typeof ASSOCIATED_SYMPTOMS)[number][];
  relevantHistory: RelevantHistory[];
  medications: string[];
  pain: PainInput;
  redFlags: RedFlag[];
  instruments: InstrumentInput[];
}

export interface AssessmentContent extends AssessmentInput {
  acuity: Acuity;
  acuityRules: string;
}

export interface EvaluatedAssessment {
  content: AssessmentContent;
  instruments: InstrumentResult[];
  screen: RedFlagScreen;
}

export interface ContentProblem {
  field: string;
  reason: string;
}

export class InvalidAssessmentError extends Error {
  constructor(
    readonly problems: ContentProblem[],
    /**
     * True when every problem is an instrument answered too sparsely to score (each answer valid):
     * well formed, but not processable. False when anything is invalid in itself.
     */
    readonly unscorable = false,
  ) {
    super(problems.map((problem) => `${problem.field} ${problem.reason}`).join('; '));
  }
}

const NPRS_FIELDS: Record<string, string> = {
  nprs_now: 'pain.now',
  nprs_best_24h: 'pain.best24h',
  nprs_worst_24h: 'pain.worst24h',
};

/**
 * Scores every instrument, derives the NPRS result from the pain ratings, classifies acuity and
 * screens for red flags. Throws InvalidAssessmentError naming each bad field or item.
 */
export function evaluateAssessment(
  input: AssessmentInput,
  patient: { dateOfBirth: string },
  assessedOn: string,
): EvaluatedAssessment {
  const problems: ContentProblem[] = [];
  // Whether any problem is invalid input, not just an instrument too sparse to score.
  let invalid = false;
  let acuity: Acuity | undefined;
  try {
    acuity = acuityOf(input.onsetDate, assessedOn);
  } catch {
    invalid = true;
    problems.push({ field: 'onsetDate', reason: 'must be on or before the assessment date' });
  }

  const instruments: InstrumentResult[] = [];
  const seen = new Set<InstrumentCode>();
  input.instruments.forEach((entry, index) => {
    if (entry.instrument === 'nprs') {
      invalid = true;
      problems.push({ field: `instruments[${index}].instrument`, reason: 'nprs comes from pain' });
      return;
    }
    if (seen.has(entry.instrument)) {
      invalid = true;
      problems.push({
        field: `instruments[${index}].instrument`,
        reason: `${entry.instrument} is given twice`,
      });
      return;
    }
    seen.add(entry.instrument);
    try {
      instruments.push(scoreInstrument(entry.instrument, entry.answers));
    } catch (error) {
      if (!(error instanceof InvalidAnswersError)) throw error;
      if (!error.unscorable) invalid = true;
      for (const problem of error.problems) {
        problems.push({
          field:
            problem.item === 'answers'
              ? `instruments[${index}].answers`
              : `instruments[${index}].answers.${problem.item}`,
          reason: `${problem.item} ${problem.reason}`,
        });
      }
    }
  });

  const { now, best24h, worst24h } = input.pain;
  try {
    instruments.unshift(
      scoreInstrument('nprs', {
        nprs_now: now,
        ...(best24h !== undefined ? { nprs_best_24h: best24h } : {}),
        ...(worst24h !== undefined ? { nprs_worst_24h: worst24h } : {}),
      }),
    );
  } catch (error) {
    if (!(error instanceof InvalidAnswersError)) throw error;
    invalid = true;
    for (const problem of error.problems) {
      const field = NPRS_FIELDS[problem.item] ?? 'pain';
      problems.push({ field, reason: `${field} ${problem.reason}` });
    }
  }

  if (problems.length > 0 || acuity === undefined)
    throw new InvalidAssessmentError(problems, !invalid);
  const screen = screenRedFlags({
    reportedFlags: input.redFlags,
    relevantHistory: input.relevantHistory,
    ageAtOnset: ageOn(patient.dateOfBirth, input.onsetDate),
    complaint: {
      bodyRegion: input.bodyRegion,
      side: input.side,
      mechanism: input.mechanism,
      associatedSymptoms: input.associatedSymptoms,
    },
  });
  return {
    content: { ...input, acuity, acuityRules: ACUITY_RULES.version },
    instruments,
    screen,
  };
}
