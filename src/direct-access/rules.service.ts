import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { FieldError } from '../common/errors/domain-error';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { DirectAccessErrors } from './direct-access.errors';
import type { DutyDto, NewRuleVersionDto, RuleVersionDto } from './dto/rule.dto';
import type { DirectAccessParameters, Duty } from './rules/rule-parameters';

const COLUMNS = `id, jurisdiction, version, effective_from::text AS "effectiveFrom", source, parameters,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** A duty as stored: each kind with its own fields, checked complete. */
function dutyOf(duty: DutyDto, index: number, problems: FieldError[]): Duty | null {
  const field = (name: string) => `parameters.duties.${index}.${name}`;
  if (duty.kind === 'patient_disclosure') {
    if (!duty.form) problems.push({ field: field('form'), reason: 'a disclosure names its form' });
    return {
      kind: duty.kind,
      form: duty.form ?? '',
      beforeTreatment: duty.beforeTreatment ?? true,
    };
  }
  if (duty.kind === 'inform_plan_of_care') {
    if (!duty.withinDays)
      problems.push({ field: field('withinDays'), reason: 'required for inform_plan_of_care' });
    return duty.withinDays
      ? { kind: duty.kind, withinDays: duty.withinDays, exemptPurposes: duty.exemptPurposes ?? [] }
      : null;
  }
  if (!duty.from) problems.push({ field: field('from'), reason: 'required for notify_physician' });
  return {
    kind: duty.kind,
    withinBusinessDays: duty.withinBusinessDays ?? null,
    from: duty.from ?? 'first_treatment',
    needsPatientAuthorisation: duty.needsPatientAuthorisation ?? false,
    exemptPurposes: duty.exemptPurposes ?? [],
  };
}

/**
 * The direct-access rules as versioned data: every version kept, none edited (the table is
 * append-only); an admin supersedes a rule by adding a version effective from a date, with its
 * source. Evaluations name the version they used, so later versions never change them.
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(jurisdiction?: string): Promise<RuleVersionDto[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM direct_access_rule_versions
        WHERE $1::text IS NULL OR jurisdiction = $1 ORDER BY jurisdiction, version`,
      [jurisdiction ?? null],
    );
  }

  async versionsOf(jurisdiction: string): Promise<RuleVersionDto[]> {
    const versions = await this.list(jurisdiction);
    if (versions.length === 0) {
      throw domainError(
        DirectAccessErrors.ruleNotFound,
        `No direct-access rule for ${jurisdiction}`,
      );
    }
    return versions;
  }

  async addVersion(
    actor: Actor,
    jurisdiction: string,
    input: NewRuleVersionDto,
  ): Promise<RuleVersionDto> {
    const problems: FieldError[] = [];
    const p = input.parameters;
    const duties = p.duties
      .map((duty, i) => dutyOf(duty, i, problems))
      .filter((d): d is Duty => d !== null);
    for (const [name, window] of [
      ['limit', p.limit],
      ['progressReview', p.progressReview],
    ] as const) {
      if (window && !window.days && !window.visits) {
        problems.push({
          field: `parameters.${name}`,
          reason: 'a limit needs days, visits or both',
        });
      }
    }
    if (p.limit && p.unlockedBy.referralFrom.length + p.unlockedBy.planSignedBy.length === 0) {
      problems.push({
        field: 'parameters.unlockedBy',
        reason: 'a limit needs a referral or a signed plan to open it',
      });
    }
    if (problems.length > 0) {
      throw domainError(
        DirectAccessErrors.invalidRule,
        'The rule’s parameters are incomplete',
        problems,
      );
    }
    const parameters: DirectAccessParameters = {
      level: p.level,
      limit: p.limit && {
        days: p.limit.days ?? null,
        visits: p.limit.visits ?? null,
        combine: 'whichever_first',
        clockStart: p.limit.clockStart,
        ...(p.limit.extendedFor ? { extendedFor: p.limit.extendedFor } : {}),
      },
      progressReview: p.progressReview && {
        days: p.progressReview.days ?? null,
        visits: p.progressReview.visits ?? null,
        clockStart: p.progressReview.clockStart,
      },
      qualifications: p.qualifications,
      duties,
      unlockedBy: p.unlockedBy,
      limitExemptPurposes: p.limitExemptPurposes,
      notes: p.notes,
    };
    return this.dataSource.transaction(async (manager) => {
      // One writer per jurisdiction at a time, so two admins cannot take the same number.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('direct_access_rule:' || $1))`, [
        jurisdiction,
      ]);
      const clash = await manager.query<unknown[]>(
        `SELECT 1 FROM direct_access_rule_versions WHERE jurisdiction = $1 AND effective_from = $2`,
        [jurisdiction, input.effectiveFrom],
      );
      if (clash.length > 0) {
        throw domainError(
          DirectAccessErrors.ruleVersionConflict,
          `${jurisdiction} already has a version from ${input.effectiveFrom}`,
          [{ field: 'effectiveFrom', reason: 'a version is already effective from this date' }],
        );
      }
      const [created] = await manager.query<RuleVersionDto[]>(
        `INSERT INTO direct_access_rule_versions (jurisdiction, version, effective_from, source, parameters, created_by)
         VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM direct_access_rule_versions WHERE jurisdiction = $1),
                 $2, $3, $4, $5)
         RETURNING ${COLUMNS}`,
        [jurisdiction, input.effectiveFrom, input.source, parameters, actor.userId],
      );
      await this.audit.record(
        {
          actor,
          action: 'create',
          entityType: 'direct_access_rule_version',
          entityId: created.id,
          details: { jurisdiction },
        },
        manager,
      );
      return created;
    });
  }
}
