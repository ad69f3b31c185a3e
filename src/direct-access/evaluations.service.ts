import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import type { TreatmentBlockDto } from '../intake/dto/episode.dto';
import { episodeFactsSql } from '../intake/episode-facts.sql';
import { EpisodeGates } from '../intake/episode-gate.port';
import { EpisodesService } from '../intake/episodes.service';
import { effectiveDisposition } from '../intake/rules/red-flags';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { LocationErrors } from '../locations/locations.errors';
import { LocationsService } from '../locations/locations.service';
import { StaffErrors } from '../staff/staff.errors';
import { therapistFactsSql, therapistQualificationsSql } from '../staff/therapist-facts.sql';
import { type CaseRow, caseSql, factsOfCase } from './case-facts';
import { PlanStarts } from './plan-start.port';
import { DirectAccessErrors } from './direct-access.errors';
import type { EvaluateDto, EvaluationDto } from './dto/evaluation.dto';
import { type Evaluation, evaluate, type EvaluationFacts, ruleInForce } from './rules/evaluate';
import type { TherapistQualifications } from './rules/qualifications';
import type { RuleVersion } from './rules/rule-parameters';

const HELD = ['booked', 'confirmed', 'checked_in', 'completed'];

/**
 * Evaluations of direct access: for an episode (its facts read in one statement), or for a
 * question asked ahead of a first visit with the facts given; each kept as answered, with the
 * rule version it used. Also the episode view's treatment gate (`EpisodeGates`).
 */
@Injectable()
export class EvaluationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly episodes: EpisodesService,
    private readonly locations: LocationsService,
    private readonly gates: EpisodeGates,
    private readonly audit: AuditService,
    private readonly planStarts: PlanStarts,
  ) {}

  onModuleInit(): void {
    this.gates.register({ treatmentOf: (id) => this.treatmentOf(id) });
  }

  /** An episode's case with the therapist asked about, or the one of its latest held visit. */
  async caseOf(
    episodeId: string,
    therapistId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseRow | null> {
    const [{ row }] = await manager.query<{ row: CaseRow | null }[]>(
      `SELECT ${caseSql('$1::uuid', '$2::uuid', this.planStarts)} AS row`,
      [episodeId, therapistId],
    );
    if (!row || therapistId) return row;
    const latest = row.visits.filter((visit) => HELD.includes(visit.status)).at(-1);
    if (!latest) return row;
    return { ...row, therapist: await this.qualificationsOf(latest.therapistId, manager) };
  }

  private async qualificationsOf(
    therapistId: string,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const [{ q }] = await manager.query<{ q: TherapistQualifications | null }[]>(
      `SELECT ${therapistQualificationsSql('$1::uuid')} AS q`,
      [therapistId],
    );
    return q;
  }

  /**
   * A therapist asked about must work at the clinic: the answer names their qualifications, which
   * are no business of another clinic's staff. Unknown or elsewhere reads alike (404).
   */
  private async assertWorksAt(therapistId: string, locationId: string): Promise<void> {
    const [{ t }] = await this.dataSource.query<
      { t: { active: boolean; atLocation: boolean } | null }[]
    >(`SELECT ${therapistFactsSql('$1::uuid', '$2::uuid')} AS t`, [therapistId, locationId]);
    if (!t?.active || !t.atLocation) {
      throw domainError(
        StaffErrors.therapistNotFound,
        `No therapist ${therapistId} at this clinic`,
        [{ field: 'therapistId', reason: 'no such therapist at the clinic' }],
      );
    }
  }

  /** Today's answer for an episode: what the episode view shows. */
  async treatmentOf(episodeId: string): Promise<TreatmentBlockDto> {
    const row = await this.caseOf(episodeId, null);
    if (!row) throw domainError(DirectAccessErrors.missingFacts, `No episode ${episodeId}`);
    const asOf = DateTime.now().setZone(row.location.timeZone).toISODate()!;
    const facts = factsOfCase(row, { asOf, purpose: 'treatment', booking: null });
    const result = evaluate(ruleInForce(row.rules, row.jurisdiction, asOf), facts);
    return {
      blocked: ['not_eligible', 'referral_required', 'unknown'].includes(result.status),
      disposition: row.screen && effectiveDisposition(row.screen.screen, row.screen.decision),
      assessmentId: row.screen?.assessmentId ?? null,
      directAccess: result,
    };
  }

  async evaluate(actor: Actor, input: EvaluateDto): Promise<EvaluationDto> {
    let facts: EvaluationFacts;
    let rules: RuleVersion[];
    let locationId: string;
    let patientId: string | null = null;
    if (input.episodeId) {
      const episode = await this.episodes.findVisible(actor, input.episodeId);
      if (input.therapistId) await this.assertWorksAt(input.therapistId, episode.locationId);
      const row = (await this.caseOf(episode.id, input.therapistId ?? null))!;
      const asOf = input.asOf ?? DateTime.now().setZone(row.location.timeZone).toISODate()!;
      facts = {
        ...factsOfCase(row, { asOf, purpose: input.purpose ?? 'treatment', booking: null }),
        ...this.explicit(input),
      };
      rules = row.rules;
      locationId = episode.locationId;
      patientId = episode.patientId;
    } else {
      if (!input.locationId) {
        throw domainError(
          DirectAccessErrors.missingFacts,
          'Give an episodeId, or a locationId with the facts',
          [{ field: 'locationId', reason: 'required without episodeId' }],
        );
      }
      locationId = input.locationId;
      const [location] = await this.locations.factsInScope(actor, [locationId]);
      if (!location || !inScope(actor, locationId)) {
        throw domainError(LocationErrors.locationNotFound, `No location ${locationId}`);
      }
      if (input.therapistId) await this.assertWorksAt(input.therapistId, locationId);
      const jurisdiction =
        location.country === 'US'
          ? location.state
            ? `US-${location.state}`
            : null
          : location.country;
      const asOf = input.asOf ?? DateTime.now().setZone(location.timeZone).toISODate()!;
      facts = {
        jurisdiction,
        asOf,
        payer: null,
        purpose: 'treatment',
        therapist: input.therapistId ? await this.qualificationsOf(input.therapistId) : null,
        firstTreatmentOn: null,
        planStartedOn: null,
        visitsSoFar: 0,
        treatmentDays: [],
        referrals: [],
        signatures: [],
        notifications: [],
        disclosures: [],
        progressReports: [],
        redFlags: null,
        physicianClearance: false,
        referralAfterDecision: false,
        visitDates: null,
        ...this.explicit(input),
      };
      rules = await this.dataSource.query<RuleVersion[]>(
        `SELECT id, jurisdiction, version, effective_from::text AS "effectiveFrom", source, parameters
           FROM direct_access_rule_versions WHERE jurisdiction = $1`,
        [jurisdiction],
      );
    }
    const rule = ruleInForce(rules, facts.jurisdiction, facts.asOf);
    const result = evaluate(rule, facts);
    return this.dataSource.transaction(async (manager) => {
      const [saved] = await manager.query<{ id: string; recorded_at: Date }[]>(
        `INSERT INTO direct_access_evaluations
           (episode_id, location_id, rule_version_id, as_of, status, facts, result, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, recorded_at`,
        [
          input.episodeId ?? null,
          locationId,
          rule?.id ?? null,
          facts.asOf,
          result.status,
          facts,
          result,
          actor.userId,
        ],
      );
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'direct_access_evaluation',
          entityId: saved.id,
          patientId,
        },
        manager,
      );
      return this.toDto(
        saved.id,
        input.episodeId ?? null,
        locationId,
        facts,
        result,
        saved.recorded_at,
      );
    });
  }

  async get(actor: Actor, id: string): Promise<EvaluationDto> {
    const [row] = await this.dataSource.query<
      {
        episode_id: string | null;
        location_id: string;
        facts: EvaluationFacts;
        result: Evaluation;
        recorded_at: Date;
        patient_id: string | null;
      }[]
    >(
      `SELECT episode_id, location_id, facts, result, recorded_at,
              (${episodeFactsSql('episode_id')}->>'patientId')::uuid AS patient_id
         FROM direct_access_evaluations WHERE id = $1`,
      [id],
    );
    if (!row || !inScope(actor, row.location_id)) {
      throw domainError(DirectAccessErrors.evaluationNotFound, `No evaluation ${id}`);
    }
    await this.audit.record({
      actor,
      action: 'read',
      entityType: 'direct_access_evaluation',
      entityId: id,
      patientId: row.patient_id,
    });
    return this.toDto(id, row.episode_id, row.location_id, row.facts, row.result, row.recorded_at);
  }

  /** The facts the caller gave explicitly, over those read from the episode. */
  private explicit(input: EvaluateDto): Partial<EvaluationFacts> {
    return {
      ...(input.asOf !== undefined ? { asOf: input.asOf } : {}),
      ...(input.payer !== undefined ? { payer: input.payer } : {}),
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...(input.firstTreatmentOn !== undefined ? { firstTreatmentOn: input.firstTreatmentOn } : {}),
      ...(input.planStartedOn !== undefined ? { planStartedOn: input.planStartedOn } : {}),
      ...(input.visitsSoFar !== undefined ? { visitsSoFar: input.visitsSoFar } : {}),
      ...(input.referral
        ? {
            referrals: [
              {
                profession: input.referral.profession,
                referredOn: input.referral.referredOn,
                expiresOn: input.referral.expiresOn ?? null,
                visitsAuthorised: input.referral.visitsAuthorised ?? null,
              },
            ],
          }
        : {}),
    };
  }

  private toDto(
    id: string,
    episodeId: string | null,
    locationId: string,
    facts: EvaluationFacts,
    result: Evaluation,
    recordedAt: Date,
  ): EvaluationDto {
    return {
      id,
      episodeId,
      locationId,
      asOf: facts.asOf,
      jurisdiction: facts.jurisdiction,
      payer: facts.payer,
      visitsSoFar: facts.visitsSoFar,
      firstTreatmentOn: facts.firstTreatmentOn,
      recordedAt: recordedAt.toISOString(),
      ...result,
    };
  }
}
