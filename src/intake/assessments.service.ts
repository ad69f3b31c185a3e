import { PatientsService } from '../patients/patients.service';
import { LocationsService } from '../locations/locations.service';
import { domainError } from '../common/errors/error-catalogue';
import { IntakeErrors } from './intake.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../kernel/actor';
import { DomainError } from '../common/errors/domain-error';
import {
  Assessment,
  AssessmentAmendment,
  type FieldChange,
  RedFlagDecision,
} from './assessment.entity';
import { type AssessmentView, inputOf } from './assessment-view';
import type {
  AmendAssessmentDto,
  CreateAssessmentDto,
  RedFlagDecisionDto,
} from './dto/assessment.dto';
import type { EpisodeOfCare } from './episode.entity';
import { EpisodesService } from './episodes.service';
import {
  type AssessmentInput,
  evaluateAssessment,
  type EvaluatedAssessment,
  InvalidAssessmentError,
} from './rules/assessment-content';
import { futureAssessmentDate } from './rules/assessment-date';
import { outcomeChange, type OutcomeChange } from './rules/trend';

export interface Outcome {
  instrument: string;
  baseline: AssessmentView;
  latest: AssessmentView;
  change: OutcomeChange;
}

/**
 * Intake and re-assessments. Drafts are edited freely; a signed assessment is never changed (the
 * database refuses it) but amended, each amendment recording who, when, why and what changed.
 * Every read is audited.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly episodes: EpisodesService,
    private readonly audit: AuditService,
    private readonly patients: PatientsService,
    private readonly locations: LocationsService,
  ) {}

  async create(
    actor: Actor,
    episodeId: string,
    input: CreateAssessmentDto,
  ): Promise<AssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const episode = await this.episodes.findVisible(actor, episodeId, manager);
      if (episode.status === 'closed') {
        throw domainError(IntakeErrors.episodeClosed, `Episode ${episodeId} is closed`);
      }
      const { kind, assessedOn, ...content } = input;
      await this.assertNotFuture(manager, episode, assessedOn);
      const evaluated = await this.evaluate(manager, episode, content, assessedOn);
      const assessment = await manager.getRepository(Assessment).save({
        episodeId,
        kind,
        assessedOn,
        status: 'draft' as const,
        content: evaluated.content,
        instruments: evaluated.instruments,
        redFlagScreen: evaluated.screen,
        screenDisposition: evaluated.screen.disposition,
        createdBy: actor.userId,
      });
      await this.audit.record(
        { actor, action: 'create', entityType: 'assessment', entityId: assessment.id },
        manager,
      );
      return this.viewOne(manager, assessment);
    });
  }

  async replaceDraft(
    actor: Actor,
    id: string,
    input: CreateAssessmentDto,
  ): Promise<AssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { assessment, episode } = await this.load(manager, actor, id, true);
      this.assertDraft(assessment);
      const { kind, assessedOn, ...content } = input;
      await this.assertNotFuture(manager, episode, assessedOn);
      const evaluated = await this.evaluate(manager, episode, content, assessedOn);
      const updated = await manager.getRepository(Assessment).save({
        ...assessment,
        kind,
        assessedOn,
        content: evaluated.content,
        instruments: evaluated.instruments,
        redFlagScreen: evaluated.screen,
        screenDisposition: evaluated.screen.disposition,
      });
      await this.audit.record(
        { actor, action: 'update', entityType: 'assessment', entityId: id },
        manager,
      );
      return this.viewOne(manager, updated);
    });
  }

  async sign(actor: Actor, id: string): Promise<AssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { assessment, episode } = await this.load(manager, actor, id, true);
      this.assertDraft(assessment);
      // A draft dated ahead (its clinic's zone changed, or it predates this rule) waits its day.
      await this.assertNotFuture(manager, episode, assessment.assessedOn);
      await manager
        .getRepository(Assessment)
        // The database's clock, like the amendments' and decisions' times it is compared with.
        .update(
          { id },
          { status: 'signed', signedBy: actor.userId, signedAt: () => 'clock_timestamp()' },
        );
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'assessment',
          entityId: id,
          details: { signed: true },
        },
        manager,
      );
      return this.viewOne(manager, await manager.getRepository(Assessment).findOneByOrFail({ id }));
    });
  }

  async amend(actor: Actor, id: string, input: AmendAssessmentDto): Promise<AssessmentAmendment> {
    return this.dataSource.transaction(async (manager) => {
      const { assessment, episode } = await this.load(manager, actor, id, true);
      if (assessment.status !== 'signed') {
        throw domainError(
          IntakeErrors.assessmentDraft,
          'A draft is edited, not amended: PUT it instead',
        );
      }
      const [current] = await this.episodes.views(manager, [assessment]);
      const before = inputOf(current.content);
      const after: AssessmentInput = { ...before, ...input.changes };
      const changes: FieldChange[] = (Object.keys(after) as (keyof AssessmentInput)[])
        .filter((field) => !isDeepStrictEqual(toJson(before[field]), toJson(after[field])))
        .map((field) => ({ field, from: toJson(before[field]), to: toJson(after[field]) }));
      if (changes.length === 0) {
        throw domainError(IntakeErrors.amendmentEmpty, 'The amendment changes nothing', [
          { field: 'changes', reason: 'changes must differ from the assessment as it stands' },
        ]);
      }
      const evaluated = await this.evaluate(manager, episode, after, assessment.assessedOn);
      const amendment = await manager.getRepository(AssessmentAmendment).save({
        assessmentId: id,
        amendedBy: actor.userId,
        reason: input.reason,
        changes,
        content: evaluated.content,
        instruments: evaluated.instruments,
        redFlagScreen: evaluated.screen,
        screenDisposition: evaluated.screen.disposition,
      });
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'assessment',
          entityId: id,
          details: { amendment: amendment.id, fields: changes.map((change) => change.field) },
        },
        manager,
      );
      return manager.getRepository(AssessmentAmendment).findOneByOrFail({ id: amendment.id });
    });
  }

  async decide(actor: Actor, id: string, input: RedFlagDecisionDto): Promise<AssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { assessment } = await this.load(manager, actor, id, true);
      if (assessment.status !== 'signed') {
        throw domainError(
          IntakeErrors.assessmentDraft,
          'Sign the assessment before deciding on its red flags',
        );
      }
      const [current] = await this.episodes.views(manager, [assessment]);
      if (current.screen.disposition !== 'clinician_review') {
        throw domainError(
          IntakeErrors.redFlagsNoReviewNeeded,
          current.screen.disposition === 'emergency'
            ? 'An emergency screen is a hard stop: it cannot be overridden'
            : 'The red-flag screen needs no decision',
        );
      }
      if (current.decision) {
        throw domainError(
          IntakeErrors.redFlagsAlreadyDecided,
          'This screen already has a decision',
        );
      }
      await manager.getRepository(RedFlagDecision).insert({
        assessmentId: id,
        decision: input.decision,
        reason: input.reason,
        decidedBy: actor.userId,
      });
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'red_flag_decision',
          entityId: id,
          details: { decision: input.decision },
        },
        manager,
      );
      return this.viewOne(manager, assessment);
    });
  }

  async get(actor: Actor, id: string): Promise<AssessmentView> {
    const { assessment } = await this.load(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'assessment', entityId: id });
    return this.viewOne(this.dataSource.manager, assessment);
  }

  async listForEpisode(actor: Actor, episodeId: string): Promise<AssessmentView[]> {
    await this.episodes.findVisible(actor, episodeId);
    const assessments = await this.inEpisode(episodeId);
    await this.auditReads(actor, assessments);
    return this.episodes.views(this.dataSource.manager, assessments);
  }

  async amendments(actor: Actor, id: string): Promise<AssessmentAmendment[]> {
    await this.load(this.dataSource.manager, actor, id);
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'assessment',
      entityId: id,
      details: { via: 'amendments' },
    });
    return this.dataSource
      .getRepository(AssessmentAmendment)
      .find({ where: { assessmentId: id }, order: { amendedAt: 'ASC' } });
  }

  /**
   * Change from baseline for each instrument over the episode's signed assessments: the first
   * one that used the instrument against the latest.
   */
  async outcomes(actor: Actor, episodeId: string): Promise<Outcome[]> {
    await this.episodes.findVisible(actor, episodeId);
    const signed = (await this.inEpisode(episodeId)).filter(
      (assessment) => assessment.status === 'signed',
    );
    await this.auditReads(actor, signed);
    const views = await this.episodes.views(this.dataSource.manager, signed);
    const byInstrument = new Map<string, AssessmentView[]>();
    for (const view of views) {
      for (const result of view.instruments) {
        byInstrument.set(result.instrument, [...(byInstrument.get(result.instrument) ?? []), view]);
      }
    }
    return [...byInstrument.entries()]
      .filter(([, series]) => series.length >= 2)
      .map(([instrument, series]) => {
        const baseline = series[0];
        const latest = series[series.length - 1];
        const resultIn = (view: AssessmentView) =>
          view.instruments.find((result) => result.instrument === instrument)!;
        return {
          instrument,
          baseline,
          latest,
          change: outcomeChange(resultIn(baseline), resultIn(latest)),
        };
      });
  }

  private inEpisode(episodeId: string): Promise<Assessment[]> {
    return this.dataSource
      .getRepository(Assessment)
      .find({ where: { episodeId }, order: { assessedOn: 'ASC', createdAt: 'ASC' } });
  }

  private async auditReads(actor: Actor, assessments: Assessment[]): Promise<void> {
    await this.audit.recordMany(
      assessments.map((assessment) => ({
        actor,
        action: 'read' as const,
        entityType: 'assessment',
        entityId: assessment.id,
      })),
    );
  }

  private async viewOne(manager: EntityManager, assessment: Assessment): Promise<AssessmentView> {
    const [view] = await this.episodes.views(manager, [assessment]);
    return view;
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    forUpdate = false,
  ): Promise<{ assessment: Assessment; episode: EpisodeOfCare }> {
    const assessment = await manager.getRepository(Assessment).findOne({
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assessment) throw domainError(IntakeErrors.assessmentNotFound, `No assessment ${id}`);
    try {
      return {
        assessment,
        episode: await this.episodes.findVisible(actor, assessment.episodeId, manager),
      };
    } catch (error) {
      // An assessment in an episode the actor may not see does not exist for them either.
      if (error instanceof DomainError && error.code === IntakeErrors.episodeNotFound) {
        throw domainError(IntakeErrors.assessmentNotFound, `No assessment ${id}`);
      }
      throw error;
    }
  }

  private assertDraft(assessment: Assessment): void {
    if (assessment.status === 'signed') {
      throw domainError(
        IntakeErrors.assessmentSigned,
        'A signed assessment cannot be edited: add an amendment instead',
      );
    }
  }

  /** Refuses an assessment date after today in the episode's clinic's time zone. */
  private async assertNotFuture(
    manager: EntityManager,
    episode: EpisodeOfCare,
    assessedOn: string,
  ): Promise<void> {
    const zone = (await this.locations.zonesOf([episode.locationId], manager)).get(
      episode.locationId,
    )!;
    const problem = futureAssessmentDate(assessedOn, zone, new Date());
    if (problem) {
      throw domainError(IntakeErrors.assessmentDatedInFuture, problem.reason, [problem]);
    }
  }

  private async evaluate(
    manager: EntityManager,
    episode: EpisodeOfCare,
    input: AssessmentInput,
    assessedOn: string,
  ): Promise<EvaluatedAssessment> {
    const dateOfBirth = await this.patients.dateOfBirthOf(episode.patientId, manager);
    try {
      return evaluateAssessment(toJson(input), { dateOfBirth }, assessedOn);
    } catch (error) {
      if (error instanceof InvalidAssessmentError) {
        const fields = error.problems.map((problem) => problem.field).join(', ');
        throw error.unscorable
          ? domainError(
              IntakeErrors.instrumentUnscorable,
              `Cannot be scored: ${fields}`,
              error.problems,
            )
          : domainError(IntakeErrors.assessmentInvalid, `Invalid: ${fields}`, error.problems);
      }
      throw error;
    }
  }
}

/** DTO instances as plain JSON values, as they are stored and compared. */
function toJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
