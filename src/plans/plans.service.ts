import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import { EpisodesService } from '../intake/episodes.service';
import type { Actor } from '../kernel/actor';
import { therapistQualificationsSql } from '../staff/therapist-facts.sql';
import type {
  AmendPlanDto,
  NewPlanDto,
  PlanDto,
  PlanTailoringDto,
  SignPlanDto,
} from './dto/plan.dto';
import {
  currentRevision,
  type PlanCase,
  planCaseSql,
  type RevisionRow,
  warningsOf,
} from './plan-case';
import { planView } from './plan-view';
import { PlansErrors } from './plans.errors';
import { unacknowledged } from './rules/contraindications';
import {
  canAmend,
  canEdit,
  nextPlanStatus,
  type PlanAction,
  SIGNING_CREDENTIAL,
} from './rules/lifecycle';
import {
  contentProblems,
  goalsFromTemplate,
  longTermGoalsChanged,
  type PlanContent,
  planEndDate,
  withGoalIds,
} from './rules/plan-content';
import { TemplatesService } from './templates.service';

const NO_SCREENING = { implantedDevice: false, pregnant: false, cancerHistory: false };

/**
 * Plans of care for an episode: made from a published template version and tailored, signed by a
 * physical therapist once every contraindication warning is acknowledged, then amended (a new
 * revision with who, when and why) and never edited, through the lifecycle's transitions.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly episodes: EpisodesService,
    private readonly templates: TemplatesService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, episodeId: string, input: NewPlanDto): Promise<PlanDto> {
    return this.dataSource.transaction(async (manager) => {
      const episode = await this.episodes.findVisible(actor, episodeId, manager, true);
      const template = await this.templates.version(actor, input.templateVersionId, manager);
      if (template.status !== 'published') {
        throw domainError(PlansErrors.templateNotPublished, 'Publish the template version first', [
          { field: 'templateVersionId', reason: 'is a draft' },
        ]);
      }
      const startDate = input.startDate ?? episode.openedOn;
      const base: PlanContent = {
        diagnoses: input.diagnoses,
        goals: goalsFromTemplate(template.goals, startDate),
        interventions: template.interventions,
        frequencyPerWeek: template.frequencyPerWeek,
        durationWeeks: template.durationWeeks,
        screening: NO_SCREENING,
      };
      const revision = this.tailored(base, [], input, startDate, null);
      const [plan] = await manager.query<{ id: string }[]>(
        `INSERT INTO plans_of_care (episode_id, template_version_id, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [episodeId, template.id, actor.userId],
      );
      await this.insertRevision(manager, plan.id, 1, revision, null, true, actor);
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'plan_of_care',
          entityId: plan.id,
          patientId: episode.patientId,
        },
        manager,
      );
      return planView(await this.load(manager, plan.id));
    });
  }

  async get(actor: Actor, planId: string): Promise<PlanDto> {
    const plan = await this.visible(actor, planId, this.dataSource.manager);
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'plan_of_care',
      entityId: planId,
      patientId: plan.episode.patientId,
    });
    return planView(plan);
  }

  async listForEpisode(actor: Actor, episodeId: string): Promise<PlanDto[]> {
    const episode = await this.episodes.findVisible(actor, episodeId);
    const ids = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM plans_of_care WHERE episode_id = $1 ORDER BY created_at`,
      [episodeId],
    );
    const plans = await Promise.all(ids.map(({ id }) => this.load(this.dataSource.manager, id)));
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'episode_plans_of_care',
      entityId: episodeId,
      patientId: episode.patientId,
    });
    return plans.map(planView);
  }

  /** Edits a draft in place: nothing is signed yet. */
  async edit(actor: Actor, planId: string, input: PlanTailoringDto): Promise<PlanDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.visible(actor, planId, manager, true);
      if (!canEdit(plan.status)) {
        throw domainError(
          PlansErrors.transitionNotAllowed,
          `A ${plan.status} plan is amended, not edited`,
        );
      }
      const current = currentRevision(plan);
      const next = this.tailored(
        current.content,
        [],
        input,
        input.startDate ?? current.startDate,
        current.visitsAuthorised,
      );
      await manager.query(
        `UPDATE plan_revisions SET content = $3, start_date = $4, end_date = $5, visits_authorised = $6,
                diagnosis_codes = $7 WHERE plan_id = $1 AND revision = $2`,
        [
          planId,
          current.revision,
          JSON.stringify(next.content),
          next.startDate,
          next.endDate,
          next.visitsAuthorised,
          next.content.diagnoses.map((d) => d.code),
        ],
      );
      await this.touch(manager, actor, plan, 'update');
      return planView(await this.load(manager, planId));
    });
  }

  /**
   * Signs the plan (a draft becomes active) or an amendment that awaits a signature. The signer
   * is a physical therapist, and every contraindication warning is acknowledged with a reason.
   */
  async sign(actor: Actor, planId: string, input: SignPlanDto): Promise<PlanDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.visible(actor, planId, manager, true);
      await this.assertPhysicalTherapist(actor, manager);
      const current = currentRevision(plan);
      const toActivate = plan.status === 'draft';
      if (
        !toActivate &&
        (current.signedAt !== null || !current.requiresSignature || !canAmend(plan.status))
      ) {
        throw domainError(
          PlansErrors.nothingToSign,
          `Revision ${current.revision} needs no signature`,
        );
      }
      const acknowledgements = input.acknowledgements ?? [];
      // A warning answered when an earlier revision was signed stays answered.
      const missing = unacknowledged(warningsOf(plan, current), [
        ...plan.revisions.flatMap((revision) => revision.acknowledgements),
        ...acknowledgements,
      ]);
      if (missing.length > 0) {
        throw domainError(
          PlansErrors.contraindicationsUnacknowledged,
          `${missing.length} contraindication warning(s) to acknowledge before signing`,
          missing.map((warning) => ({
            field: 'acknowledgements',
            reason: `${warning.code}: ${warning.message} (${warning.source})`,
          })),
        );
      }
      await manager.query(
        `UPDATE plan_revisions SET signed_by = $3, signed_at = now(), acknowledgements = $4
          WHERE plan_id = $1 AND revision = $2`,
        [planId, current.revision, actor.userId, JSON.stringify(acknowledgements)],
      );
      if (toActivate) await this.changeStatus(manager, actor, plan, 'sign', null);
      await this.touch(manager, actor, plan, 'update');
      return planView(await this.load(manager, planId));
    });
  }

  /**
   * Amends a signed plan: a new revision in force at once, with who, when and why. Changing a
   * long-term goal, or adding a contraindicated agent, leaves the revision awaiting a signature.
   */
  async amend(actor: Actor, planId: string, input: AmendPlanDto): Promise<PlanDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.visible(actor, planId, manager, true);
      if (!canAmend(plan.status)) {
        throw domainError(
          PlansErrors.transitionNotAllowed,
          `A ${plan.status} plan cannot be amended`,
        );
      }
      await this.assertPhysicalTherapist(actor, manager);
      const current = currentRevision(plan);
      const earlierIds = plan.revisions.flatMap((r) => r.content.goals.map((goal) => goal.id));
      const next = this.tailored(
        current.content,
        earlierIds,
        input,
        input.startDate ?? current.startDate,
        current.visitsAuthorised,
      );
      const acknowledged = plan.revisions.flatMap((r) => r.acknowledgements);
      const draft: RevisionRow = { ...current, ...next };
      const needsSignature =
        longTermGoalsChanged(current.content.goals, next.content.goals) ||
        unacknowledged(warningsOf(plan, draft), acknowledged).length > 0;
      await this.insertRevision(
        manager,
        planId,
        current.revision + 1,
        next,
        input.reason,
        needsSignature,
        actor,
      );
      await this.touch(manager, actor, plan, 'update');
      return planView(await this.load(manager, planId));
    });
  }

  async transition(
    actor: Actor,
    planId: string,
    action: PlanAction,
    reason: string | null,
  ): Promise<PlanDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.visible(actor, planId, manager, true);
      await this.changeStatus(manager, actor, plan, action, reason);
      await this.touch(manager, actor, plan, 'update');
      return planView(await this.load(manager, planId));
    });
  }

  /** The plan with its case, if the actor may see its episode; locked when asked. */
  async visible(
    actor: Actor,
    planId: string,
    manager: EntityManager,
    forUpdate = false,
  ): Promise<PlanCase> {
    const [row] = await manager.query<{ episode_id: string }[]>(
      `SELECT episode_id FROM plans_of_care WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [planId],
    );
    if (!row) throw domainError(PlansErrors.planNotFound, `No plan of care ${planId}`);
    await this.episodes.findVisible(actor, row.episode_id, manager).catch(() => {
      throw domainError(PlansErrors.planNotFound, `No plan of care ${planId}`);
    });
    return this.load(manager, planId);
  }

  private async load(manager: EntityManager, planId: string): Promise<PlanCase> {
    const [{ plan }] = await manager.query<{ plan: PlanCase }[]>(
      `SELECT ${planCaseSql('$1::uuid')} AS plan`,
      [planId],
    );
    return plan;
  }

  /** The content after the tailoring given, checked. */
  private tailored(
    base: PlanContent,
    earlierGoalIds: string[],
    input: PlanTailoringDto,
    startDate: string,
    visitsAuthorised: number | null,
  ) {
    const { goals, unknown } = input.goals
      ? withGoalIds(
          input.goals,
          earlierGoalIds.length > 0 ? earlierGoalIds : base.goals.map((g) => g.id),
        )
      : { goals: base.goals, unknown: [] };
    const content: PlanContent = {
      diagnoses: input.diagnoses ?? base.diagnoses,
      goals,
      interventions: input.interventions ?? base.interventions,
      frequencyPerWeek: input.frequencyPerWeek ?? base.frequencyPerWeek,
      durationWeeks: input.durationWeeks ?? base.durationWeeks,
      screening: input.screening ?? base.screening,
    };
    const problems = [
      ...contentProblems(content),
      ...unknown.map((index) => ({
        field: `goals[${index}].id`,
        reason: 'is not a goal of this plan: leave it out for a new goal',
      })),
    ];
    if (problems.length > 0)
      throw domainError(PlansErrors.invalidContent, 'The plan contradicts itself', problems);
    return {
      content,
      startDate,
      endDate: planEndDate(startDate, content.durationWeeks),
      visitsAuthorised: input.visitsAuthorised ?? visitsAuthorised,
    };
  }

  private async insertRevision(
    manager: EntityManager,
    planId: string,
    revision: number,
    next: ReturnType<PlansService['tailored']>,
    reason: string | null,
    requiresSignature: boolean,
    actor: Actor,
  ) {
    await manager.query(
      `INSERT INTO plan_revisions (plan_id, revision, content, start_date, end_date, visits_authorised,
                                   diagnosis_codes, reason, requires_signature, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        planId,
        revision,
        JSON.stringify(next.content),
        next.startDate,
        next.endDate,
        next.visitsAuthorised,
        next.content.diagnoses.map((d) => d.code),
        reason,
        requiresSignature,
        actor.userId,
      ],
    );
  }

  private async changeStatus(
    manager: EntityManager,
    actor: Actor,
    plan: PlanCase,
    action: PlanAction,
    reason: string | null,
  ) {
    const to = nextPlanStatus(plan.status, action);
    if (!to) {
      throw domainError(PlansErrors.transitionNotAllowed, `A ${plan.status} plan cannot ${action}`);
    }
    await manager.query(`UPDATE plans_of_care SET status = $2, updated_at = now() WHERE id = $1`, [
      plan.id,
      to,
    ]);
    await manager.query(
      `INSERT INTO plan_status_changes (plan_id, from_status, to_status, reason, changed_by) VALUES ($1, $2, $3, $4, $5)`,
      [plan.id, plan.status, to, reason, actor.userId],
    );
  }

  private async touch(manager: EntityManager, actor: Actor, plan: PlanCase, action: 'update') {
    await this.audit.record(
      {
        actor,
        action,
        entityType: 'plan_of_care',
        entityId: plan.id,
        patientId: plan.episode.patientId,
      },
      manager,
    );
  }

  private async assertPhysicalTherapist(actor: Actor, manager: EntityManager) {
    const [{ q }] = await manager.query<{ q: { credential: string | null } | null }[]>(
      `SELECT ${therapistQualificationsSql('$1::uuid')} AS q`,
      [actor.userId],
    );
    if (q?.credential !== SIGNING_CREDENTIAL) {
      throw domainError(
        PlansErrors.signerNotPt,
        'Only a physical therapist (PT) signs or amends a plan of care',
      );
    }
  }
}
