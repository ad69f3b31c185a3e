import { domainError } from '../common/errors/error-catalogue';
import { StaffErrors } from './staff.errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { THERAPIST_ACCOUNTS_SQL, therapistAssignments } from '../auth/staff-membership.sql';
import type { Actor } from '../kernel/actor';
import { assertWindows } from '../common/time/weekly-windows';
import { describeConstraints } from '../common/errors/postgres-errors';
import type { TherapistHoursDto, TherapistProfileDto, TimeOffDto } from './dto/therapist-setup.dto';
import type { TherapistFacts } from './rules/eligibility';
import { therapistFactsOfAccountSql } from './therapist-facts.sql';
import { TherapistHours } from './therapist-hours.entity';
import { TherapistProfile } from './therapist-profile.entity';
import { TherapistTimeOff } from './time-off.entity';

describeConstraints({
  therapist_hours_pkey: { field: 'windows', message: 'Two windows start at the same time' },
  therapist_time_off_ends_after_starts: {
    field: 'endsAt',
    message: 'endsAt must be after startsAt',
  },
});

/** Therapists' profiles (credential, licences, direct-access qualifications), hours, time off. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async setProfile(
    actor: Actor,
    therapistId: string,
    input: TherapistProfileDto,
  ): Promise<TherapistProfile> {
    return this.dataSource.transaction(async (manager) => {
      await this.therapist(manager, therapistId);
      const profile = await manager.save(TherapistProfile, {
        directAccessCertified: false,
        directAccessCertifiedOn: null,
        doctoralDegree: false,
        yearsLicensed: null,
        directAccessCertificates: [],
        residencyOrFellowship: false,
        fullTimePracticeYears: null,
        differentialDiagnosisCeHours: null,
        liabilityInsured: false,
        ...input,
        userId: therapistId,
      });
      await this.audit.record(
        { actor, action: 'update', entityType: 'therapist_profile', entityId: therapistId },
        manager,
      );
      return profile;
    });
  }

  async setHours(
    actor: Actor,
    therapistId: string,
    input: TherapistHoursDto,
  ): Promise<TherapistHours[]> {
    assertWindows(
      input.windows.map((w) => ({ weekday: w.weekday, start: w.starts, end: w.ends })),
      'windows',
    );
    return this.dataSource.transaction(async (manager) => {
      const therapist = await this.therapist(manager, therapistId);
      const assigned = new Set(therapist.locationIds);
      input.windows.forEach((window, index) => {
        if (!assigned.has(window.locationId)) {
          throw domainError(
            StaffErrors.therapistNotAssigned,
            'The therapist is not assigned to that location',
            [
              {
                field: `windows[${index}].locationId`,
                reason: 'the therapist is not assigned to this location',
              },
            ],
          );
        }
      });
      await manager.delete(TherapistHours, { therapistId });
      if (input.windows.length > 0) {
        await manager.insert(
          TherapistHours,
          input.windows.map((window) => ({ ...window, therapistId })),
        );
      }
      await this.audit.record(
        { actor, action: 'update', entityType: 'therapist_hours', entityId: therapistId },
        manager,
      );
      return manager.find(TherapistHours, {
        where: { therapistId },
        order: { weekday: 'ASC', starts: 'ASC' },
      });
    });
  }

  async addTimeOff(
    actor: Actor,
    therapistId: string,
    input: TimeOffDto,
  ): Promise<TherapistTimeOff> {
    return this.dataSource.transaction(async (manager) => {
      await this.therapist(manager, therapistId);
      const timeOff = await manager.save(TherapistTimeOff, {
        therapistId,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        reason: input.reason ?? null,
      });
      await this.audit.record(
        { actor, action: 'create', entityType: 'therapist_time_off', entityId: timeOff.id },
        manager,
      );
      return timeOff;
    });
  }

  private async therapist(manager: EntityManager, id: string): Promise<{ locationIds: string[] }> {
    const therapist = await therapistAssignments(manager, id);
    if (!therapist) throw domainError(StaffErrors.therapistNotFound, `No therapist ${id}`);
    return therapist;
  }

  /**
   * Therapists with working hours at any of the locations (or just one therapist), each with
   * their name and what the eligibility rule needs to know of them there.
   */
  withHoursAt(
    manager: EntityManager,
    locationIds: readonly string[],
    therapistId?: string,
  ): Promise<
    { therapistId: string; therapistName: string; locationId: string; facts: TherapistFacts }[]
  > {
    return manager.query(
      `SELECT h.therapist_id AS "therapistId", h.location_id AS "locationId",
              account.full_name AS "therapistName",
              CASE WHEN account.user_id IS NOT NULL THEN ${therapistFactsOfAccountSql('account', 'profile', 'h.location_id')} END AS facts
         FROM (SELECT DISTINCT therapist_id, location_id FROM therapist_hours
                WHERE location_id = ANY($1) AND ($2::uuid IS NULL OR therapist_id = $2)) h
         LEFT JOIN ${THERAPIST_ACCOUNTS_SQL} account ON account.user_id = h.therapist_id
         LEFT JOIN therapist_profiles profile ON profile.user_id = h.therapist_id`,
      [[...locationIds], therapistId ?? null],
    );
  }
}
