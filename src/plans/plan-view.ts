import type { PlanDto } from './dto/plan.dto';
import {
  currentRevision,
  localDate,
  medicareOf,
  type PlanCase,
  todayIn,
  warningsOf,
} from './plan-case';
import { prescribedVisits } from './rules/plan-content';
import { goalProgress, PLAN_PROGRESS_VERSION, visitProgress } from './rules/plan-progress';

/** A plan as staff see it: its revision in force, warnings with their answers, Medicare's dates. */
export function planView(plan: PlanCase): PlanDto {
  const current = currentRevision(plan);
  const answers = new Map(
    plan.revisions.flatMap((r) => r.acknowledgements).map((a) => [a.code, a.reason]),
  );
  const { content } = current;
  const today = todayIn(plan.timeZone);
  const now = Date.now();
  return {
    id: plan.id,
    episodeId: plan.episode.id,
    patientId: plan.episode.patientId,
    templateVersionId: plan.templateVersionId,
    status: plan.status,
    revision: current.revision,
    startDate: current.startDate,
    endDate: current.endDate,
    visitsAuthorised: current.visitsAuthorised,
    prescribedVisits: prescribedVisits(content),
    frequencyPerWeek: content.frequencyPerWeek,
    durationWeeks: content.durationWeeks,
    diagnoses: content.diagnoses,
    goals: content.goals,
    interventions: content.interventions,
    screening: content.screening,
    signatureRequired:
      current.signedAt === null && (plan.status === 'draft' || current.requiresSignature),
    warnings: warningsOf(plan, current).map((warning) => ({
      ...warning,
      acknowledgedReason: answers.get(warning.code) ?? null,
    })),
    medicare: medicareOf(plan, today),
    progress: {
      version: PLAN_PROGRESS_VERSION,
      visits: visitProgress(
        {
          startDate: current.startDate,
          endDate: current.endDate,
          prescribed: prescribedVisits(content),
          authorised: current.visitsAuthorised,
        },
        plan.visits
          .filter((visit) => visit.treatment)
          .map((visit) => ({
            on: localDate(visit.startsAt, plan.timeZone),
            status: visit.status,
            ahead: Date.parse(visit.startsAt) > now,
          })),
      ),
      goals: content.goals.map((goal) => goalProgress(goal, plan.scores, current.startDate, today)),
    },
    revisions: plan.revisions.map((r) => ({
      revision: r.revision,
      reason: r.reason,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      signedBy: r.signedBy,
      signedAt: r.signedAt,
      requiresSignature: r.requiresSignature,
    })),
  };
}
