import type { Assessment, AssessmentAmendment, RedFlagDecision } from './assessment.entity';
import type { AssessmentContent, AssessmentInput } from './rules/assessment-content';
import type { InstrumentResult } from './rules/instruments';
import { type Disposition, effectiveDisposition, type RedFlagScreen } from './rules/red-flags';

/** An assessment as it stands now: the signed original with its latest amendment applied. */
export interface AssessmentView {
  assessment: Assessment;
  content: AssessmentContent;
  instruments: InstrumentResult[];
  screen: RedFlagScreen;
  /** The clinician's decision on this version of the screen, if any. */
  decision: RedFlagDecision | null;
  disposition: Disposition;
  amendmentCount: number;
  lastAmendedAt: Date | null;
}

export function viewOf(
  assessment: Assessment,
  amendments: AssessmentAmendment[],
  decisions: RedFlagDecision[],
): AssessmentView {
  const latest = amendments.reduce<AssessmentAmendment | null>(
    (newest, amendment) => (!newest || amendment.amendedAt > newest.amendedAt ? amendment : newest),
    null,
  );
  const versionSince = latest?.amendedAt ?? assessment.signedAt ?? assessment.createdAt;
  // A decision settles the screen it was made on; an amendment that re-screens needs a new one.
  const decision =
    decisions
      .filter((candidate) => candidate.decidedAt >= versionSince)
      .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())[0] ?? null;
  const screen = latest?.redFlagScreen ?? assessment.redFlagScreen;
  return {
    assessment,
    content: latest?.content ?? assessment.content,
    instruments: latest?.instruments ?? assessment.instruments,
    screen,
    decision,
    disposition: effectiveDisposition(screen.disposition, decision?.decision ?? null),
    amendmentCount: amendments.length,
    lastAmendedAt: latest?.amendedAt ?? null,
  };
}

/** The recorded input behind stored content, without what was computed from it. */
export function inputOf(content: AssessmentContent): AssessmentInput {
  const { acuity: _acuity, acuityRules: _rules, ...input } = content;
  return input;
}
